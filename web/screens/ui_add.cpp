// Add a tune: search thesession.org through the proxy as you type.
#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include "web/screens/ui.h"

namespace tt::web {

void draw_add_tune(const Model& model, Ui& ui, const Layout& layout) {
  ImGui::SetNextItemWidth(layout.narrow ? -1.0f : layout.width * 0.5f);
  std::string text = model.search_text;
  if (text_field(ui, {"##remote_search", "Search thesession.org", "Search thesession.org", "remote_search", "searchbox"}, text).edited) {
    ui.emit(event::RemoteSearchEdited{text});
  }
  if (!model.search_message.empty()) ImGui::TextDisabled("%s", model.search_message.c_str());
  ImGui::BeginChild("results");
  int row = 0;
  for (const TuneSummary& tune : model.search_results) {
    ImGui::PushID(static_cast<int>(tune.id));
    if (const CollectionEntry* collected = model.entry(tune.id)) {
      ImGui::TextDisabled("[%s]", std::string(label(collected->status)).c_str());
    } else {
      ImGui::BeginDisabled(model.read_only());
      if (ImGui::Button("Add")) ui.emit(event::AddTune{tune});
      ImGui::EndDisabled();
    }
    if (row < 12) ui.remember("result_" + std::to_string(row));
    if (!model.entry(tune.id)) ui.describe("button", "Add " + tune.name);
    ImGui::SameLine();
    ImGui::PushTextWrapPos(0);
    ImGui::Text("%s  (%s)", tune.name.c_str(), tune.type.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopID();
    ++row;
  }
  ImGui::EndChild();
}

}  // namespace tt::web
