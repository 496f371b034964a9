// Add a tune: search thesession.org through the proxy as you type.
#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include "web/browser.h"
#include "web/ui.h"

namespace tt::web {

void draw_add_tune(App& app, const Layout& layout) {
  ImGui::SetNextItemWidth(layout.narrow ? -1.0f : layout.width * 0.5f);
  if (ImGui::InputTextWithHint("##remote_search", "Search thesession.org", &app.search_text)) {
    app.search_changed(now_ms());
  }
  remember_rect(app, "remote_search");
  if (!app.search_message().empty()) ImGui::TextDisabled("%s", app.search_message().c_str());
  ImGui::BeginChild("results");
  int row = 0;
  for (const TuneSummary& tune : app.search_results()) {
    ImGui::PushID(static_cast<int>(tune.id));
    if (const CollectionEntry* collected = app.entry(tune.id)) {
      ImGui::TextDisabled("[%s]", std::string(label(collected->status)).c_str());
    } else {
      ImGui::BeginDisabled(app.read_only());
      if (ImGui::Button("Add")) app.add_tune(tune);
      ImGui::EndDisabled();
    }
    if (row < 12) remember_rect(app, ("result_" + std::to_string(row)).c_str());
    ImGui::SameLine();
    ImGui::Text("%s  (%s)", tune.name.c_str(), tune.type.c_str());
    ImGui::PopID();
    ++row;
  }
  ImGui::EndChild();
}

}  // namespace tt::web
