// The Sets tab: "Bring in my sets" from thesession.org (progress, summary,
// Retry), a new set, the search, and the list of sets, each with its tunes,
// their types and the keys it goes through. The open set's page is
// ui_set_page.cpp.
#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include <algorithm>

#include "core/summary_text.h"
#include "core/words.h"
#include "web/screens/theme.h"
#include "web/screens/ui.h"

namespace tt::web {
namespace {

void draw_sets_progress(const Model& model, Ui& ui) {
  const SyncProgress& p = *model.sets.sync_progress;
  const std::string stage = p.stage == SyncStage::FetchingMetadata ? "Fetching your sets" : "Adding sets";
  const std::string text = stage + " " + std::to_string(p.percent) + "%";
  ImGui::ProgressBar(static_cast<float>(p.percent) / 100.0f, ImVec2(-1, 0), text.c_str());
  ui.remember("sets_progress");
  ui.text(text);
  ImGui::TextWrapped("%s found; %d of %s checked on thesession.org", counted(p.sets_fetched, "set", "sets").c_str(),
                     p.tunes_checked, counted(p.tunes_to_check, "tune", "tunes").c_str());
  if (ImGui::Button("Cancel##sets")) ui.emit(event::CancelSync{});
  ui.remember("cancel_sets_sync");
}

void draw_sets_result(const Model& model, Ui& ui) {
  const SyncResult& r = *model.sets.last_sync;
  const Palette& palette = current_palette();
  if (r.status == SyncStage::Completed || r.status == SyncStage::CompletedWithErrors) {
    ImGui::Text("Done in %.1f s: %s on thesession.org", static_cast<double>(r.duration_ms) / 1000.0,
                counted(r.sets_fetched, "set", "sets").c_str());
    ui.remember("sets_summary");
    for (const auto& [label, count] : sync_summary_counts(r, false)) {
      const std::string line = std::to_string(count) + " " + label;
      ImGui::BulletText("%s", line.c_str());
      ui.text(line);
    }
    ImGui::PushTextWrapPos(0);
    for (const auto& e : r.errors) ImGui::TextColored(imgui_colour(palette.error_text), "%s", e.c_str());
    ImGui::PopTextWrapPos();
  } else if (r.status == SyncStage::Cancelled) {
    ImGui::TextUnformatted("Cancelled: nothing was changed.");
  } else {
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(imgui_colour(palette.error_text), "%s", r.message.c_str());
    ImGui::PopTextWrapPos();
    ui.remember("sets_sync_error");
    ui.text(r.message);
    ImGui::TextDisabled("Nothing was changed.");
    if (!retry_can_help(r)) return;  // the same number again fails the same way
    ImGui::BeginDisabled(model.read_only() || model.syncing);
    if (ImGui::Button("Retry##sets")) ui.emit(event::StartSetsSync{});
    ImGui::EndDisabled();
    ui.remember("retry_sets_sync");
  }
}

// "Bring in my sets": the member number the Sync tab remembers (asked for
// here when there is none yet), progress while it runs, then its summary.
void draw_bring_in(const Model& model, Ui& ui, const Layout& layout) {
  if (model.syncing && model.syncing_kind == SyncKind::Sets && model.sets.sync_progress) {
    draw_sets_progress(model, ui);
    return;
  }
  const bool ask_member = model.member_id_text.empty() ||
                          (model.sets.last_sync && model.sets.last_sync->status == SyncStage::Failed);
  if (ask_member) {
    member_field(model, ui, layout, "##sets_member", "sets_member_id");
    same_line_if_fits(button_width("Bring in my sets"));
  }
  ImGui::BeginDisabled(model.read_only() || model.syncing);
  if (ImGui::Button("Bring in my sets")) ui.emit(event::StartSetsSync{});
  ImGui::EndDisabled();
  ui.remember("bring_in_sets");
  ui.describe("button", "Bring in my sets from thesession.org");
  if (ask_member) say_where_member_number_is(ui);
  if (model.syncing) {
    ImGui::TextDisabled("A tunebook sync is running: one sync at a time.");
  } else if (!model.member_id_text.empty()) {
    const std::string who = "Member #" + model.member_id_text + " on thesession.org";
    same_line_if_fits(ImGui::CalcTextSize(who.c_str()).x);
    ImGui::TextDisabled("%s", who.c_str());
  }
  if (model.sets.last_sync) draw_sets_result(model, ui);
}

// A set's second and third lines: its tunes, then their types and keys.
std::string tunes_line(const TuneSet& s) {
  std::string out;
  for (const SetEntry& e : s.entries) out += (out.empty() ? "" : " · ") + e.name;
  return out.empty() ? std::string("(no tunes yet)") : out;
}

std::string types_and_keys_line(const TuneSet& s) {
  std::string types;
  for (const SetEntry& e : s.entries) {
    const std::string type = e.type.empty() ? "?" : e.type;
    types += (types.empty() ? "" : ", ") + type;
  }
  const std::string keys = set_key_chain(s.entries);
  return keys.empty() ? types : types + " · " + keys;
}

void draw_list(const Model& model, Ui& ui, const Layout& layout) {
  const SetsState& sets = model.sets;
  const float line = ImGui::GetTextLineHeight();
  const float spacing = ImGui::GetStyle().ItemSpacing.y;
  float row_height = line * 3 + spacing * 2;
  if (layout.touch) row_height = std::max(row_height, kMinTargetCssPixels * layout.scale);
  ImGui::BeginChild("sets_list");
  ui.table("Your sets", sets.shown.size());
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(sets.shown.size()), row_height + spacing);
  while (clipper.Step()) {
    for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
      const TuneSet& s = sets.all[sets.shown[static_cast<size_t>(row)]];
      ImGui::PushID(static_cast<int>(s.id));
      const ImVec2 at = ImGui::GetCursorScreenPos();
      const float width = ImGui::GetContentRegionAvail().x;
      if (ImGui::Selectable("##set", model.view.open_set == s.id, 0, ImVec2(0, row_height))) {
        ViewState v = model.view;
        v.open_set = s.id;
        v.open_tune = 0;
        ui.emit(event::ViewChanged{v, true});
      }
      if (row < 12) ui.remember("set_row_" + std::to_string(row));
      const std::string tunes = tunes_line(s), keys = types_and_keys_line(s);
      ui.row(s.name, {tunes, keys}, row);
      ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + (row_height - line * 3 - spacing * 2) / 2));
      ImGui::TextUnformatted(fit_text(s.name, width).c_str());
      ImGui::TextDisabled("%s", fit_text(tunes, width).c_str());
      ImGui::TextDisabled("%s", fit_text(keys, width).c_str());
      ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + row_height + spacing));
      ImGui::PopID();
    }
  }
  ImGui::EndChild();
}

}  // namespace

void draw_sets(const Model& model, Ui& ui, const Layout& layout) {
  if (!model.ready) {
    ImGui::TextUnformatted("Opening your collection...");
    return;
  }
  draw_bring_in(model, ui, layout);
  ImGui::Separator();
  ImGui::BeginDisabled(model.read_only());
  if (ImGui::Button("New set")) ui.emit(event::NewSet{});
  ImGui::EndDisabled();
  ui.remember("set_new");
  ui.describe("button", "New set");
  const float search_width = layout.narrow ? ImGui::GetContentRegionAvail().x : 260 * layout.scale;
  same_line_if_fits(std::min(search_width, 200 * layout.scale));
  ImGui::SetNextItemWidth(-1.0f);
  std::string search = model.sets.search;
  if (text_field(ui, {"##sets_search", "Search sets and tunes", "Search sets and tunes", "sets_search", "searchbox"}, search).edited) {
    ui.emit(event::SetsSearchEdited{search});
  }
  if (!model.sets.message.empty() && !model.view.open_set) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(imgui_colour(current_palette().warning_text), "%s", model.sets.message.c_str());
    ImGui::PopTextWrapPos();
  }
  const std::string count = std::to_string(model.sets.shown.size()) + " of " +
                            counted(static_cast<int64_t>(model.sets.all.size()), "set", "sets");
  ImGui::TextUnformatted(count.c_str());
  ui.remember("sets_count");
  ui.text(count);
  if (model.sets.all.empty()) {
    ImGui::TextWrapped("No sets yet. Make one with New set and add tunes from your collection, or bring in your "
                       "sets from thesession.org.");
    return;
  }
  if (model.sets.shown.empty()) {
    ImGui::TextWrapped("No set matches this search.");
    return;
  }
  draw_list(model, ui, layout);
}

}  // namespace tt::web
