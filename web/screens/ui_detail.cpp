// One tune: details from thesession.org (fetched once, then kept), the
// learn status, the "+" heard button, notes, the ABC and removal. On a
// phone the music and Play come first.
#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include "core/music_key.h"
#include "core/time_format.h"
#include "core/words.h"
#include "web/screens/ui.h"

namespace tt::web {
namespace {

// The details block always takes the same lines, loaded or not, so nothing
// below it (the status buttons) moves under the pointer when they arrive.
void draw_details(const Model& model, Ui& ui, int64_t tune_id, const CollectionEntry* entry, const TuneDetails* details) {
  const std::string type = entry ? entry->type : details ? details->type : "";
  ImGui::Text("Type: %s", type.empty() ? "-" : type.c_str());
  if (details) {
    const std::string key =
        details->settings.empty() ? "-" : key_label(details->settings[model.chosen_setting(tune_id)].key);
    ImGui::Text("Key: %s", key.c_str());
    ImGui::TextWrapped("Popularity: %s", details->tunebooks > 0
                                              ? ("in " + counted(details->tunebooks, "tunebook", "tunebooks") +
                                                 " on thesession.org").c_str()
                                              : "in no tunebook on thesession.org yet");
    std::string aliases;
    for (const auto& a : details->aliases) aliases += (aliases.empty() ? "" : ", ") + a;
    // One line, clipped: a long list must not push the buttons down either.
    const std::string line = "Also known as: " + (aliases.empty() ? std::string("-") : aliases);
    ImGui::TextDisabled("%s", fit_text(line, ImGui::GetContentRegionAvail().x).c_str());
    ui.text("Also known as: " + (aliases.empty() ? std::string("-") : aliases));
    return;
  }
  const bool loading = model.details_requests.count(tune_id) > 0;
  ImGui::TextDisabled("Key: %s", loading ? "loading..." : "-");
  ImGui::TextDisabled("%s", loading                           ? "Loading details from thesession.org..."
                            : !model.details_error.empty()    ? model.details_error.c_str()
                                                              : "Popularity: -");
  ImGui::TextDisabled("Also known as: -");
}

// The learn status and the "+" heard button: used at a session, so on a
// phone they come before the music.
void draw_learning(const Model& model, Ui& ui, int64_t tune_id, const CollectionEntry& entry) {
  ImGui::TextUnformatted("Learn status");
  std::vector<std::string> labels, keys;
  int selected = 0;
  for (LearnStatus s : kAllLearnStatuses) {
    if (s == entry.status) selected = static_cast<int>(labels.size());
    labels.emplace_back(label(s));
    keys.emplace_back(to_string(s));
  }
  const int picked = choice_buttons(ui, "learn_status", labels, selected, "status_", keys);
  if (picked >= 0) ui.emit(event::SetStatus{tune_id, kAllLearnStatuses[picked]});
  if (entry.learned_at_ms) ImGui::Text("Learned on %s", format_date_utc(*entry.learned_at_ms).c_str());
  if (entry.status == LearnStatus::WantToLearn) {
    ImGui::AlignTextToFramePadding();
    ImGui::Text("Heard %s", counted(entry.heard_count, "time", "times").c_str());
    ImGui::SameLine();
    if (ImGui::Button(" + ")) ui.emit(event::Heard{tune_id, false});
    ui.remember("heard_plus");
    ui.describe("button", "Heard it once more");
    ImGui::SameLine();
    ImGui::BeginDisabled(entry.heard_count == 0);
    if (ImGui::Button(" - ")) ui.emit(event::Heard{tune_id, true});
    ui.remember("heard_minus");
    ui.describe("button", "Heard it one time less");
    ImGui::EndDisabled();
  } else if (entry.heard_count > 0) {
    ImGui::Text("Heard %s before learning", counted(entry.heard_count, "time", "times").c_str());
  }
}

void draw_notes(const Model& model, Ui& ui, int64_t tune_id) {
  ImGui::TextUnformatted("Notes");
  // A draft in the model while typing; committed when the field is left or
  // typing pauses (web/update/update_collection.cpp), not on every keystroke.
  std::string notes = model.notes_shown(tune_id);
  ImGui::BeginDisabled(model.read_only());
  TextField field{"##notes", "", "Notes", "notes"};
  field.lines = 5;
  // A field of its own for each tune: a field held while another tune opens
  // (a swipe, the mirror) must not write its text into that tune's notes.
  ImGui::PushID(static_cast<int>(tune_id));
  const FieldInput input = text_field(ui, field, notes);
  ImGui::PopID();
  if (input.edited) ui.emit(event::NotesEdited{tune_id, notes});
  if (input.left) ui.emit(event::NotesLeft{tune_id});
  ImGui::EndDisabled();
}

void draw_status(const Model& model, Ui& ui, int64_t tune_id, const CollectionEntry* entry) {
  ImGui::Separator();
  if (entry) draw_learning(model, ui, tune_id, *entry);
  else ImGui::TextDisabled("Not in your collection.");
}

// Opened right after this frame, within the click's user activation, so
// popup blockers allow it.
void draw_open_link(Ui& ui, int64_t tune_id) {
  if (ImGui::Button("Open on thesession.org")) ui.emit(event::OpenOnTheSession{tune_id});
  ui.remember("open_link");
}

// "reel · D major": what a phone shows above the music.
void draw_type_and_key(const Model& model, int64_t tune_id, const CollectionEntry* entry, const TuneDetails* details) {
  std::string line = entry ? entry->type : details ? details->type : "";
  if (details && !details->settings.empty()) {
    line += (line.empty() ? "" : " · ") + key_label(details->settings[model.chosen_setting(tune_id)].key);
  }
  if (!line.empty()) ImGui::TextDisabled("%s", fit_text(line, ImGui::GetContentRegionAvail().x).c_str());
}

void draw_music_or_loading(const Model& model, Ui& ui, const Layout& layout, int64_t tune_id, const TuneDetails* details) {
  if (details) {
    draw_notation(model, ui, layout, tune_id, *details);
  } else {
    // Why there is none is said once, with the details below.
    ImGui::TextDisabled("%s", model.details_requests.count(tune_id) ? "Loading the music from thesession.org..."
                                                                    : "No music kept for this tune yet.");
  }
}

}  // namespace

void draw_tune_detail(const Model& model, Ui& ui, const Layout& layout, int64_t tune_id) {
  if (ImGui::Button(layout.narrow ? "< Back" : "Close")) {
    ui.emit(event::CloseTune{});
    return;
  }
  ui.remember("detail_close");
  const CollectionEntry* entry = model.entry(tune_id);
  const TuneDetails* details = model.tune_details(tune_id);
  const std::string name = entry ? entry->name : details ? details->name : "Tune #" + std::to_string(tune_id);
  ImGui::SameLine();
  ImGui::PushTextWrapPos(0);
  ImGui::TextUnformatted(name.c_str());
  ImGui::PopTextWrapPos();
  ui.remember("detail_name");
  ui.heading(2, name);
  ImGui::Separator();

  if (layout.narrow) {
    // A phone: one line of type and key, the status and "+", then Play and
    // the music on the first screen; notes and details below the music.
    draw_type_and_key(model, tune_id, entry, details);
    draw_status(model, ui, tune_id, entry);
    ImGui::Separator();
    draw_music_or_loading(model, ui, layout, tune_id, details);
    if (entry) {
      ImGui::Separator();
      draw_notes(model, ui, tune_id);
    }
    ImGui::Separator();
    draw_details(model, ui, tune_id, entry, details);
    draw_open_link(ui, tune_id);
  } else {
    draw_details(model, ui, tune_id, entry, details);
    draw_open_link(ui, tune_id);
    draw_status(model, ui, tune_id, entry);
    if (entry) draw_notes(model, ui, tune_id);
    if (details) {
      ImGui::Separator();
      draw_notation(model, ui, layout, tune_id, *details);
    }
  }

  if (entry) {
    ImGui::Separator();
    if (ImGui::Button("Remove from collection")) ImGui::OpenPopup("confirm_remove");
    ui.remember("remove");
    if (ImGui::BeginPopupModal("confirm_remove", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
      ImGui::PushTextWrapPos(ImGui::GetFontSize() * 18);
      ImGui::Text("Remove \"%s\" with its status, count and notes?", entry->name.c_str());
      // A tune in sets: they keep it (marked not in the collection), but say which.
      std::string in_sets;
      const std::vector<std::string> names = model.sets_holding(tune_id);
      const size_t count = names.size();
      for (size_t i = 0; i < count; ++i) in_sets += std::string(i ? ", " : "") + "\"" + names[i] + "\"";
      if (count > 0) {
        const std::string line = "It is in " + std::string(count == 1 ? "the set " : std::to_string(count) + " sets: ") +
                                 in_sets + ". " + (count == 1 ? "The set keeps it" : "They keep it") +
                                 ", marked as not in your collection.";
        ImGui::TextUnformatted(line.c_str());
        ui.remember("remove_sets");
        ui.text(line);
      }
      ImGui::PopTextWrapPos();
      if (ImGui::Button("Remove")) {
        ImGui::CloseCurrentPopup();
        ui.emit(event::RemoveTune{tune_id});
      }
      ui.remember("remove_confirm");
      ImGui::SameLine();
      if (ImGui::Button("Keep")) ImGui::CloseCurrentPopup();
      ImGui::EndPopup();
    }
  }
}

}  // namespace tt::web
