// The frame: banners, tabs, and the split between list and detail.
#include <imgui.h>

#include "core/version.h"
#include "web/ui.h"

namespace tt::web {

void Ui::remember(const std::string& name) {
  // A window's first frame (a popup opening) lays items out before ImGui
  // places it: those positions are not where the items will be.
  if (ImGui::IsWindowAppearing()) return;
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  rects[name] = {min.x, min.y, max.x - min.x, max.y - min.y};
}

namespace {

void draw_banners(const Model& model, Ui& ui) {
  const auto& banners = model.banners;
  for (size_t i = 0; i < banners.size(); ++i) {
    const Banner& b = banners[i];
    const ImVec4 colour = b.kind == Banner::Kind::Error     ? ImVec4(0.55f, 0.12f, 0.12f, 1)
                          : b.kind == Banner::Kind::Warning ? ImVec4(0.5f, 0.38f, 0.05f, 1)
                                                            : ImVec4(0.12f, 0.3f, 0.5f, 1);
    ImGui::PushID(static_cast<int>(i));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, colour);
    const float height = ImGui::GetTextLineHeightWithSpacing() * 2.4f;
    ImGui::BeginChild("banner", ImVec2(0, height), false, ImGuiWindowFlags_NoScrollbar);
    ImGui::TextWrapped("%s", b.text.c_str());
    ImGui::EndChild();
    ui.remember(i == 0 ? "banner" : "banner_more");
    ImGui::PopStyleColor();
    if (ImGui::IsItemClicked()) ui.emit(event::DismissBanner{i});
    ImGui::PopID();
  }
}

}  // namespace

void draw_app(const Model& model, Ui& ui, const Layout& layout) {
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImVec2(layout.width, layout.height));
  ImGui::Begin("tunetrack", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus);
  ui.rects.clear();

  ImGui::TextUnformatted("tunetrack");
  ImGui::SameLine();
  ImGui::TextDisabled("%s · SQLite %s · %s", kAppVersion, model.sqlite_version.c_str(), model.healthz.c_str());
  ui.remember("status_line");
  if (model.read_only()) {
    ImGui::SameLine();
    ImGui::TextColored(ImVec4(1, 0.8f, 0.3f, 1), "read-only");
  }
  draw_banners(model, ui);

  const int64_t open = model.view.open_tune;
  // Narrow screens show the detail as a full-screen panel instead of the tabs.
  if (layout.narrow && open) {
    draw_tune_detail(model, ui, layout, open);
    ImGui::End();
    return;
  }

  if (ImGui::BeginTabBar("tabs")) {
    struct Tab { const char* label; const char* id; };
    static const Tab tabs[] = {{"Collection", "collection"}, {"Practice", "practice"}, {"Add tune", "add"},
                               {"Sync", "sync"}, {"Data", "data"}};
    // The tab the URL asked for is selected once, when it changes; after that
    // the user's clicks rule. (Selecting it every frame until it showed would
    // undo a click made in the first frames after loading.)
    const bool url_changed_tab = model.view.tab != ui.url_tab_applied;
    ui.url_tab_applied = model.view.tab;
    for (const Tab& tab : tabs) {
      const bool select = url_changed_tab && model.view.tab == tab.id;
      const bool open_tab = ImGui::BeginTabItem(tab.label, nullptr, select ? ImGuiTabItemFlags_SetSelected : 0);
      ui.remember(std::string("tab_") + tab.id);
      if (!open_tab) continue;
      if (model.view.tab != tab.id && !url_changed_tab) {
        ViewState v = model.view;  // the user picked this tab
        v.tab = tab.id;
        ui.emit(event::ViewChanged{v, true});
        ui.url_tab_applied = tab.id;
      }
      if (std::string(tab.id) == "collection") {
        if (!layout.narrow && open) {
          const float list_width = layout.width * 0.55f;
          ImGui::BeginChild("list_pane", ImVec2(list_width, 0));
          draw_collection(model, ui, layout);
          ImGui::EndChild();
          ImGui::SameLine();
          ImGui::BeginChild("detail_pane", ImVec2(0, 0), true);
          draw_tune_detail(model, ui, layout, open);
          ImGui::EndChild();
        } else {
          draw_collection(model, ui, layout);
        }
      } else if (std::string(tab.id) == "practice") {
        draw_practice(model, ui, layout);
      } else if (std::string(tab.id) == "add") {
        draw_add_tune(model, ui, layout);
      } else if (std::string(tab.id) == "sync") {
        draw_sync(model, ui, layout);
      } else {
        draw_data(model, ui, layout);
      }
      ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
  }
  ImGui::End();
}

void number_field(const Model& model, Ui& ui, const char* label, const std::string& field, int value, float width) {
  int shown = model.number_shown(field, value);
  ImGui::SetNextItemWidth(width);
  if (ImGui::InputInt(label, &shown, 0, 0)) ui.emit(event::NumberEdited{field, shown});
  if (ImGui::IsItemDeactivated()) ui.emit(event::NumberLeft{field});
  ui.remember(field);
}

}  // namespace tt::web
