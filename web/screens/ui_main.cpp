// The frame: the header, banners, the sections (a row of buttons that wraps
// on a phone), and the split between list and detail.
#include <imgui.h>

#include <algorithm>

#include "web/screens/theme.h"
#include "web/screens/ui.h"

namespace tt::web {
namespace {

// The detail pane keeps its scroll bar's room from the first frame: when a
// tune's details or its music arrive and the content outgrows the pane,
// nothing in it (the status buttons, the notes being typed) moves sideways.
constexpr ImGuiWindowFlags kDetailPaneFlags = ImGuiWindowFlags_AlwaysVerticalScrollbar;

void draw_header(const Model& model, Ui& ui, const Layout&) {
  ImGui::TextUnformatted("tunetrack");
  ui.heading(1, "tunetrack");
  ImGui::SameLine();
  // What matters at a session: can thesession.org be reached. The versions
  // are on the Data tab (draw_about), where they do not push a phone's header
  // past its edge.
  const std::string line = model.app.offline ? "offline" : model.thesession_status;
  ImGui::PushTextWrapPos(0);
  ImGui::TextDisabled("%s", line.c_str());
  ImGui::PopTextWrapPos();
  ui.remember("status_line");
  ui.text(line);
  if (model.read_only()) {
    same_line_if_fits(ImGui::CalcTextSize("read-only").x);
    ImGui::TextColored(imgui_colour(current_palette().warning_text), "read-only");
    ui.text("Read-only: tunetrack is open in another tab");
  }
}

void draw_banners(const Model& model, Ui& ui) {
  const Palette& p = current_palette();
  const auto& banners = model.banners;
  for (size_t i = 0; i < banners.size(); ++i) {
    const Banner& b = banners[i];
    const Rgb bg = b.kind == Banner::Kind::Error     ? p.banner_error
                   : b.kind == Banner::Kind::Warning ? p.banner_warning
                                                     : p.banner_info;
    ImGui::PushID(static_cast<int>(i));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, imgui_colour(bg));
    // As tall as its wrapped text, so nothing is cut on a phone.
    const float wrap = ImGui::GetContentRegionAvail().x - ImGui::GetStyle().WindowPadding.x * 2;
    const float text_height = ImGui::CalcTextSize(b.text.c_str(), nullptr, false, wrap).y;
    const float height = text_height + ImGui::GetStyle().WindowPadding.y * 2;
    ImGui::BeginChild("banner", ImVec2(0, height), false, ImGuiWindowFlags_NoScrollbar);
    ImGui::TextWrapped("%s", b.text.c_str());
    ImGui::EndChild();
    ui.remember(i == 0 ? "banner" : "banner_more");
    ImGui::PopStyleColor();
    if (ImGui::IsItemClicked()) ui.emit(event::DismissBanner{i});
    ui.describe("button", b.text + " (dismiss)");
    ImGui::PopID();
  }
}

struct Section {
  const char* label;
  const char* id;
};
constexpr Section kSections[] = {{"Collection", "collection"}, {"Practice", "practice"}, {"Sets", "sets"},
                                 {"Add tune", "add"},          {"Sync", "sync"},         {"Data", "data"}};

// The sections as a row of buttons (a tab list for the mirror) that wraps
// when the screen is too narrow for all of them.
void draw_sections(const Model& model, Ui& ui) {
  const ImVec4 chosen = ImGui::GetStyleColorVec4(ImGuiCol_Header);
  bool first = true;
  ImGui::PushID("sections");  // "Sync" is also the Sync section's button
  for (const Section& s : kSections) {
    if (!first) same_line_if_fits(button_width(s.label));
    first = false;
    const bool on = model.view.tab == s.id;
    if (on) ImGui::PushStyleColor(ImGuiCol_Button, chosen);
    if (ImGui::Button(s.label) && !on) {
      ViewState v = model.view;
      v.tab = s.id;
      ui.emit(event::ViewChanged{v, true});
    }
    if (on) {
      ImGui::PopStyleColor();
      mark_chosen();
    }
    ui.describe("tab", s.label, true, on);
    ui.remember(std::string("tab_") + s.id);
  }
  ImGui::PopID();
  ImGui::Separator();
}

void draw_section(const Model& model, Ui& ui, const Layout& layout) {
  const std::string& tab = model.view.tab;
  const int64_t open = model.view.open_tune;
  if (tab == "practice") return draw_practice(model, ui, layout);
  if (tab == "add") return draw_add_tune(model, ui, layout);
  if (tab == "sync") return draw_sync(model, ui, layout);
  if (tab == "data") return draw_data(model, ui, layout);
  if (tab == "sets") {
    // The list, and beside it the open tune (opened from the set) or the open set.
    const int64_t set = model.view.open_set;
    if (layout.narrow || (!open && !set)) return draw_sets(model, ui, layout);  // narrow: draw_app shows the panels
    ImGui::BeginChild("list_pane", ImVec2(layout.width * 0.45f, 0));
    draw_sets(model, ui, layout);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("detail_pane", ImVec2(0, 0), true, kDetailPaneFlags);
    if (open) draw_tune_detail(model, ui, layout, open);
    else draw_set_page(model, ui, layout, set);
    ImGui::EndChild();
    return;
  }
  if (!layout.narrow && open) {
    const float list_width = layout.width * 0.55f;
    ImGui::BeginChild("list_pane", ImVec2(list_width, 0));
    draw_collection(model, ui, layout);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("detail_pane", ImVec2(0, 0), true, kDetailPaneFlags);
    draw_tune_detail(model, ui, layout, open);
    ImGui::EndChild();
    return;
  }
  draw_collection(model, ui, layout);
}

}  // namespace

void draw_app(const Model& model, Ui& ui, const Layout& layout) {
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImVec2(layout.width, layout.height));
  ImGui::Begin("tunetrack", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus);
  ui.rects.clear();

  draw_header(model, ui, layout);
  draw_banners(model, ui);
  draw_app_notices(model, ui, layout);

  // Narrow screens show the detail as a full-screen panel instead of the sections.
  if (layout.narrow && model.view.open_tune) {
    draw_tune_detail(model, ui, layout, model.view.open_tune);
    ImGui::End();
    return;
  }
  if (layout.narrow && model.view.tab == "sets" && model.view.open_set) {
    draw_set_page(model, ui, layout, model.view.open_set);
    ImGui::End();
    return;
  }
  draw_sections(model, ui);
  draw_section(model, ui, layout);
  ImGui::End();
}

}  // namespace tt::web
