// Sync the thesession.org tunebook: member id, default status, progress,
// cancel, the summary, and Retry after a failure.
#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include "core/summary_text.h"
#include "core/thesession_number.h"
#include "core/words.h"
#include "web/accessibility/announcer.h"
#include "web/screens/theme.h"
#include "web/screens/ui.h"

namespace tt::web {

// Typed or pasted: the number, or the profile's address (thesession_number.h).
// Nothing typed is filtered out: a filter to digits would strip a pasted
// address to "//.//1001".
void member_field(const Model& model, Ui& ui, const Layout& layout, const char* id, const char* key) {
  ImGui::SetNextItemWidth(layout.narrow ? -1.0f : 320 * layout.scale);
  std::string member = model.member_id_text;
  if (text_field(ui, {id, "Member number or profile address", "thesession.org member number", key, "textbox", true},
                 member).edited) {
    ui.emit(event::MemberIdEdited{member});
  }
}

void say_where_member_number_is(Ui& ui) {
  hint_text(ui, kWhereMemberNumberIs, "member_where");
}

void draw_sync(const Model& model, Ui& ui, const Layout& layout) {
  ImGui::TextWrapped("Bring your whole thesession.org tunebook into your collection. Tunes you already have keep their status and notes.");
  member_field(model, ui, layout, "##member", "member_id");
  say_where_member_number_is(ui);
  ImGui::TextUnformatted("New tunes start as:");
  std::vector<std::string> labels, keys;
  int selected = 0;
  for (LearnStatus s : kAllLearnStatuses) {
    if (s == model.sync_default_status) selected = static_cast<int>(labels.size());
    labels.emplace_back(label(s));
    keys.emplace_back(to_string(s));
  }
  const int picked = choice_buttons(ui, "default_status", labels, selected, "default_", keys);
  if (picked >= 0) ui.emit(event::DefaultStatusPicked{kAllLearnStatuses[picked]});

  if (model.syncing && model.syncing_kind == SyncKind::Sets) {
    // One sync at a time: the sets' is on the Sets tab.
    ImGui::TextWrapped("Bringing in your sets (Sets tab): the tunebook sync can start when it is done.");
    ImGui::BeginDisabled();
    ImGui::Button("Sync");
    ImGui::EndDisabled();
    ui.remember("sync_button");
    return;
  }
  if (model.syncing && model.sync_progress) {
    const SyncProgress& p = *model.sync_progress;
    const std::string stage = p.stage == SyncStage::FetchingMetadata ? "Fetching tunebook" : "Adding to collection";
    const std::string text = stage + " " + std::to_string(p.percent) + "%";
    ImGui::ProgressBar(p.percent / 100.0f, ImVec2(-1, 0), text.c_str());
    ui.remember("progress");
    ImGui::Text("Pages %d of %d, %s fetched", p.pages_done, p.pages_total, counted(p.tunes_fetched, "tune", "tunes").c_str());
    if (ImGui::Button("Cancel")) ui.emit(event::CancelSync{});
    ui.remember("cancel_sync");
    return;
  }
  ImGui::BeginDisabled(model.read_only());
  if (ImGui::Button("Sync")) ui.emit(event::StartSync{});
  ImGui::EndDisabled();
  ui.remember("sync_button");

  const auto& result = model.last_sync;
  if (!result) return;
  ImGui::Separator();
  if (result->status == SyncStage::Completed || result->status == SyncStage::CompletedWithErrors) {
    if (result->tunes_fetched == 0) {
      ImGui::TextWrapped("%s", empty_tunebook_sentence(model.member_id_text).c_str());
      ui.text(empty_tunebook_sentence(model.member_id_text));
    }
    ImGui::Text("Done in %.1f s: %s fetched", result->duration_ms / 1000.0, counted(result->tunes_fetched, "tune", "tunes").c_str());
    for (const auto& [label, count] : sync_summary_counts(*result, false)) {
      ImGui::BulletText("%d %s", count, label.c_str());
    }
    for (const auto& e : result->errors) ImGui::TextColored(imgui_colour(current_palette().error_text), "%s", e.c_str());
    ui.remember("sync_summary");
  } else if (result->status == SyncStage::Cancelled) {
    ImGui::TextUnformatted("Sync cancelled: nothing was changed.");
  } else {
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(imgui_colour(current_palette().error_text), "%s", result->message.c_str());
    ImGui::PopTextWrapPos();
    ui.remember("sync_error");
    ui.text(result->message);
    ImGui::TextDisabled("Nothing was changed.");
    if (!retry_can_help(*result)) return;  // the same number again fails the same way
    ImGui::BeginDisabled(model.read_only());
    if (ImGui::Button("Retry")) ui.emit(event::StartSync{});
    ImGui::EndDisabled();
    ui.remember("retry_button");
  }
}

}  // namespace tt::web
