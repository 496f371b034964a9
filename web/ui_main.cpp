// The frame: banners, tabs, and the split between list and detail.
#include <imgui.h>

#include "core/version.h"
#include "web/ui.h"

namespace tt::web {

void remember_rect(App& app, const char* name) {
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  app.widget_rects[name] = {min.x, min.y, max.x - min.x, max.y - min.y};
}

namespace {

void draw_banners(App& app) {
  const auto& banners = app.banners();
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
    remember_rect(app, i == 0 ? "banner" : "banner_more");
    ImGui::PopStyleColor();
    if (ImGui::IsItemClicked()) app.dismiss_banner(i);
    ImGui::PopID();
  }
}

}  // namespace

void draw_app(App& app, const Layout& layout) {
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImVec2(layout.width, layout.height));
  ImGui::Begin("tunetrack", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus);
  app.widget_rects.clear();

  ImGui::TextUnformatted("tunetrack");
  ImGui::SameLine();
  ImGui::TextDisabled("%s · SQLite %s · %s", kAppVersion, app.sqlite_version().c_str(), app.healthz().c_str());
  remember_rect(app, "status_line");
  if (app.read_only()) {
    ImGui::SameLine();
    ImGui::TextColored(ImVec4(1, 0.8f, 0.3f, 1), "read-only");
  }
  draw_banners(app);

  const int64_t open = app.view().open_tune;
  // Narrow screens show the detail as a full-screen panel instead of the tabs.
  if (layout.narrow && open) {
    draw_tune_detail(app, layout, open);
    ImGui::End();
    return;
  }

  if (ImGui::BeginTabBar("tabs")) {
    struct Tab { const char* label; const char* id; };
    static const Tab tabs[] = {{"Collection", "collection"}, {"Add tune", "add"}, {"Sync", "sync"}, {"Data", "data"}};
    // The tab the URL asked for is selected once, when it changes; after that
    // the user's clicks rule. (Selecting it every frame until it showed would
    // undo a click made in the first frames after loading.)
    static std::string url_tab_applied;
    const bool url_changed_tab = app.view().tab != url_tab_applied;
    url_tab_applied = app.view().tab;
    for (const Tab& tab : tabs) {
      const bool select = url_changed_tab && app.view().tab == tab.id;
      const bool open_tab = ImGui::BeginTabItem(tab.label, nullptr, select ? ImGuiTabItemFlags_SetSelected : 0);
      remember_rect(app, (std::string("tab_") + tab.id).c_str());
      if (!open_tab) continue;
      if (app.view().tab != tab.id && !url_changed_tab) {
        ViewState v = app.view();  // the user picked this tab
        v.tab = tab.id;
        app.set_view(v, true);
        url_tab_applied = tab.id;
      }
      if (std::string(tab.id) == "collection") {
        if (!layout.narrow && open) {
          const float list_width = layout.width * 0.55f;
          ImGui::BeginChild("list_pane", ImVec2(list_width, 0));
          draw_collection(app, layout);
          ImGui::EndChild();
          ImGui::SameLine();
          ImGui::BeginChild("detail_pane", ImVec2(0, 0), true);
          draw_tune_detail(app, layout, open);
          ImGui::EndChild();
        } else {
          draw_collection(app, layout);
        }
      } else if (std::string(tab.id) == "add") {
        draw_add_tune(app, layout);
      } else if (std::string(tab.id) == "sync") {
        draw_sync(app, layout);
      } else {
        draw_data(app, layout);
      }
      ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
  }
  ImGui::End();
}

}  // namespace tt::web
