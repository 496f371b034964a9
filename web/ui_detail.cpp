// One tune: details from thesession.org (fetched once, then kept), the
// learn status, the "+" heard button, notes, the ABC and removal.
#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include "core/time_format.h"
#include "web/browser.h"
#include "web/ui.h"

namespace tt::web {

void draw_tune_detail(App& app, const Layout& layout, int64_t tune_id) {
  if (ImGui::Button(layout.narrow ? "< Back" : "Close")) {
    app.close_tune();
    return;
  }
  remember_rect(app, "detail_close");
  const CollectionEntry* entry = app.entry(tune_id);
  const TuneDetails* details = app.details(tune_id);
  const std::string name = entry ? entry->name : details ? details->name : "Tune #" + std::to_string(tune_id);
  ImGui::SameLine();
  ImGui::TextUnformatted(name.c_str());
  remember_rect(app, "detail_name");
  ImGui::Separator();

  const std::string type = entry ? entry->type : details ? details->type : "";
  ImGui::Text("Type: %s", type.empty() ? "-" : type.c_str());
  if (details) {
    const std::string key = details->settings.empty() ? "-" : details->settings.front().key;
    ImGui::Text("Key: %s", key.c_str());
    ImGui::Text("Popularity: in %d tunebooks on thesession.org", details->tunebooks);
    if (!details->aliases.empty()) {
      std::string aliases;
      for (const auto& a : details->aliases) aliases += (aliases.empty() ? "" : ", ") + a;
      ImGui::TextWrapped("Also known as: %s", aliases.c_str());
    }
  } else if (app.details_loading(tune_id)) {
    ImGui::TextDisabled("Loading details from thesession.org...");
  } else if (!app.details_error().empty()) {
    ImGui::TextDisabled("%s", app.details_error().c_str());
  }
  // Opened from the click itself (same frame), so popup blockers allow it.
  if (ImGui::Button("Open on thesession.org")) {
    open_in_new_tab("https://thesession.org/tunes/" + std::to_string(tune_id));
  }
  remember_rect(app, "open_link");

  if (entry) {
    ImGui::Separator();
    ImGui::TextUnformatted("Learn status");
    for (LearnStatus s : kAllLearnStatuses) {
      ImGui::SameLine();
      const std::string label(tt::label(s));
      if (ImGui::RadioButton(label.c_str(), entry->status == s)) app.set_status(tune_id, s);
      remember_rect(app, ("status_" + std::string(to_string(s))).c_str());
    }
    if (entry->learned_at_ms) {
      ImGui::Text("Learned on %s", format_iso8601_utc(*entry->learned_at_ms).substr(0, 10).c_str());
    }
    if (entry->status == LearnStatus::WantToLearn) {
      ImGui::Text("Heard %d time%s", entry->heard_count, entry->heard_count == 1 ? "" : "s");
      ImGui::SameLine();
      if (ImGui::Button(" + ")) app.heard(tune_id, false);
      remember_rect(app, "heard_plus");
      ImGui::SameLine();
      ImGui::BeginDisabled(entry->heard_count == 0);
      if (ImGui::Button(" - ")) app.heard(tune_id, true);
      remember_rect(app, "heard_minus");
      ImGui::EndDisabled();
    } else if (entry->heard_count > 0) {
      ImGui::Text("Heard %d time%s before learning", entry->heard_count, entry->heard_count == 1 ? "" : "s");
    }
    ImGui::TextUnformatted("Notes");
    static int64_t notes_for = 0;
    static std::string notes;
    if (notes_for != tune_id) {
      notes_for = tune_id;
      notes = entry->notes;
    }
    if (ImGui::InputTextMultiline("##notes", &notes, ImVec2(-1, ImGui::GetTextLineHeight() * 5))) {
      app.set_notes(tune_id, notes);  // saved as you type
    }
    remember_rect(app, "notes");
  } else {
    ImGui::TextDisabled("Not in your collection.");
  }

  if (details && !details->settings.empty()) {
    ImGui::Separator();
    ImGui::TextUnformatted("ABC (first setting)");
    ImGui::SameLine();
    if (ImGui::SmallButton("Copy")) {
      const auto& s = details->settings.front();
      copy_to_clipboard("X: 1\nT: " + details->name + "\nR: " + details->type + "\nK: " + s.key + "\n" + s.abc + "\n");
    }
    remember_rect(app, "copy_abc");
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(details->settings.front().abc.c_str());
    ImGui::PopTextWrapPos();
  }

  if (entry) {
    ImGui::Separator();
    if (ImGui::Button("Remove from collection")) ImGui::OpenPopup("confirm_remove");
    remember_rect(app, "remove");
    if (ImGui::BeginPopupModal("confirm_remove", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
      ImGui::Text("Remove \"%s\" with its status, count and notes?", entry->name.c_str());
      if (ImGui::Button("Remove")) {
        ImGui::CloseCurrentPopup();
        app.remove_tune(tune_id);
      }
      remember_rect(app, "remove_confirm");
      ImGui::SameLine();
      if (ImGui::Button("Keep")) ImGui::CloseCurrentPopup();
      ImGui::EndPopup();
    }
  }
}

}  // namespace tt::web
