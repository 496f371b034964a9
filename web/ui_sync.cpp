// Sync the thesession.org tunebook: member id, default status, progress,
// cancel, the summary, and Retry after a failure.
#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include "web/ui.h"

namespace tt::web {

void draw_sync(App& app, const Layout& layout) {
  ImGui::TextWrapped("Bring your whole thesession.org tunebook into your collection. Tunes you already have keep their status and notes.");
  ImGui::SetNextItemWidth(layout.narrow ? -1.0f : 220 * layout.scale);
  ImGui::InputTextWithHint("##member", "Member number", &app.member_id_text, ImGuiInputTextFlags_CharsDecimal);
  remember_rect(app, "member_id");
  ImGui::TextUnformatted("New tunes start as:");
  for (LearnStatus s : kAllLearnStatuses) {
    ImGui::SameLine();
    const std::string text(label(s));
    if (ImGui::RadioButton(text.c_str(), app.sync_default_status == s)) app.sync_default_status = s;
    remember_rect(app, ("default_" + std::string(to_string(s))).c_str());
  }

  if (app.syncing()) {
    const SyncProgress& p = *app.sync_progress();
    const std::string stage = p.stage == SyncStage::FetchingMetadata ? "Fetching tunebook" : "Adding to collection";
    const std::string text = stage + " " + std::to_string(p.percent) + "%";
    ImGui::ProgressBar(p.percent / 100.0f, ImVec2(-1, 0), text.c_str());
    remember_rect(app, "progress");
    ImGui::Text("Pages %d of %d, %d tunes fetched", p.pages_done, p.pages_total, p.tunes_fetched);
    if (ImGui::Button("Cancel")) app.cancel_sync();
    remember_rect(app, "cancel_sync");
    return;
  }
  ImGui::BeginDisabled(app.read_only());
  if (ImGui::Button("Sync")) app.start_sync();
  ImGui::EndDisabled();
  remember_rect(app, "sync_button");

  const auto& result = app.last_sync();
  if (!result) return;
  ImGui::Separator();
  if (result->status == SyncStage::Completed || result->status == SyncStage::CompletedWithErrors) {
    ImGui::Text("Done in %.1f s: %d tunes fetched", result->duration_ms / 1000.0, result->tunes_fetched);
    ImGui::BulletText("%d added to your collection", result->person_tunes_added);
    ImGui::BulletText("%d already there (untouched)", result->person_tunes_skipped);
    ImGui::BulletText("%d new tune records", result->tunes_created);
    if (result->left_tunebook > 0) ImGui::BulletText("%d no longer in your tunebook (kept)", result->left_tunebook);
    for (const auto& e : result->errors) ImGui::TextColored(ImVec4(1, 0.6f, 0.4f, 1), "%s", e.c_str());
    remember_rect(app, "sync_summary");
  } else if (result->status == SyncStage::Cancelled) {
    ImGui::TextUnformatted("Sync cancelled: nothing was changed.");
  } else {
    ImGui::TextColored(ImVec4(1, 0.45f, 0.4f, 1), "%s", result->message.c_str());
    remember_rect(app, "sync_error");
    ImGui::TextDisabled("Nothing was changed.");
    ImGui::BeginDisabled(app.read_only());
    if (ImGui::Button("Retry")) app.start_sync();
    ImGui::EndDisabled();
    remember_rect(app, "retry_button");
  }
}

}  // namespace tt::web
