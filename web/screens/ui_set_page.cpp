// One set's page: its name (renamed by typing), the keys it goes through,
// the player (the set played through, tune after tune), its tunes in order
// (each with its opening bars; up and down buttons, and dragging with a
// mouse, to reorder; remove; a tap opens the tune), adding a tune from the
// collection by typing its name, today's practice, deleting, and the music
// of the tune the player is on.
#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include <algorithm>

#include "core/music_key.h"
#include "web/screens/theme.h"
#include "web/screens/ui.h"

namespace tt::web {
namespace {

constexpr const char* kEntryPayload = "TT_SET_ENTRY";

void draw_name(const Model& model, Ui& ui, const Layout& layout, const TuneSet& set) {
  const SetNameDraft& draft = model.sets.name;
  std::string name = draft.dirty && draft.set_id == set.id ? draft.text : set.name;
  ImGui::SetNextItemWidth(layout.narrow ? -1.0f : std::min(ImGui::GetContentRegionAvail().x, 360 * layout.scale));
  ImGui::BeginDisabled(model.read_only());
  // A field of its own for each set: a field held while another set opens
  // must not write its text into that one.
  ImGui::PushID(static_cast<int>(set.id));
  const FieldInput input = text_field(ui, {"##set_name", "Name of the set", "Set name", "set_name"}, name);
  ImGui::PopID();
  if (input.edited) ui.emit(event::SetNameEdited{set.id, name});
  if (input.left) ui.emit(event::SetNameLeft{set.id});
  ImGui::EndDisabled();
}

void draw_entry(const Model& model, Ui& ui, const Layout& layout, const TuneSet& set, size_t i, size_t current) {
  const SetEntry& e = set.entries[i];
  const std::string n = std::to_string(i);
  const float line = ImGui::GetTextLineHeight();
  const float spacing = ImGui::GetStyle().ItemSpacing.y;
  const float incipit_height = 40 * layout.scale;
  float row_height = std::max(line * 2 + spacing, incipit_height);
  if (layout.touch) row_height = std::max(row_height, kMinTargetCssPixels * layout.scale);
  ImGui::PushID(static_cast<int>(i));
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  const bool playing_here = i == current && model.sets.player.playing && model.sets.player.set_id == set.id;
  // A tap opens the tune (its page, with Close back to the set).
  if (ImGui::Selectable("##entry", i == current, 0, ImVec2(0, row_height))) {
    ViewState v = model.view;
    v.open_tune = e.tune_id;
    ui.emit(event::ViewChanged{v, true});
  }
  ui.remember("set_entry_" + n);
  const std::string type_key = (e.type.empty() ? std::string("type unknown") : e.type) +
                               (e.key.empty() ? "" : " · " + key_label(e.key)) +
                               (e.in_collection ? "" : " · not in your collection");
  ui.row(std::to_string(i + 1) + ". " + e.name, {type_key, playing_here ? "playing" : ""}, static_cast<int>(i));
  // With a mouse, a row is dragged to its new place.
  if (!layout.touch && !model.read_only()) {
    if (ImGui::BeginDragDropSource()) {
      const int from = static_cast<int>(i);
      ImGui::SetDragDropPayload(kEntryPayload, &from, sizeof from);
      ImGui::TextUnformatted(e.name.c_str());
      ImGui::EndDragDropSource();
    }
    if (ImGui::BeginDragDropTarget()) {
      if (const ImGuiPayload* payload = ImGui::AcceptDragDropPayload(kEntryPayload)) {
        const int from = *static_cast<const int*>(payload->Data);
        if (from >= 0 && static_cast<size_t>(from) != i) ui.emit(event::MoveSetEntry{set.id, static_cast<size_t>(from), i});
      }
      ImGui::EndDragDropTarget();
    }
  }
  // Over the row: the opening bars, then the name and the type and key.
  const float incipit_width = std::min(width * 0.4f, incipit_height * 220 / 50);
  ImGui::SetCursorScreenPos(at);
  draw_incipit(model, e.tune_id, incipit_height);
  const float text_x = at.x + incipit_width + ImGui::GetStyle().ItemSpacing.x;
  const float text_width = std::max(0.0f, at.x + width - text_x);
  ImGui::SetCursorScreenPos(ImVec2(text_x, at.y + (row_height - line * 2 - spacing) / 2));
  const std::string name = std::to_string(i + 1) + ". " + e.name + (playing_here ? "  (playing)" : "");
  ImGui::TextUnformatted(fit_text(name, text_width).c_str());
  ImGui::SetCursorScreenPos(ImVec2(text_x, ImGui::GetCursorScreenPos().y));
  if (e.in_collection) ImGui::TextDisabled("%s", fit_text(type_key, text_width).c_str());
  else ImGui::TextColored(imgui_colour(current_palette().warning_text), "%s", fit_text(type_key, text_width).c_str());
  ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + row_height + spacing));

  // Up, down, remove: for a finger, and for anyone without a mouse.
  ImGui::BeginDisabled(model.read_only());
  ImGui::BeginDisabled(i == 0);
  if (compact_button(layout, "Up")) ui.emit(event::MoveSetEntry{set.id, i, i - 1});
  ImGui::EndDisabled();
  ui.remember("set_entry_up_" + n);
  ui.describe("button", "Move " + e.name + " up");
  same_line_if_fits(button_width("Down"));
  ImGui::BeginDisabled(i + 1 >= set.entries.size());
  if (compact_button(layout, "Down")) ui.emit(event::MoveSetEntry{set.id, i, i + 1});
  ImGui::EndDisabled();
  ui.remember("set_entry_down_" + n);
  ui.describe("button", "Move " + e.name + " down");
  same_line_if_fits(button_width("Remove"));
  if (compact_button(layout, "Remove")) ui.emit(event::RemoveSetEntry{set.id, i});
  ui.remember("set_entry_remove_" + n);
  ui.describe("button", "Remove " + e.name + " from the set");
  ImGui::EndDisabled();
  ImGui::PopID();
}

// Adding a tune: its name typed, the collection's tunes that match below.
void draw_add(const Model& model, Ui& ui, const Layout& layout, const TuneSet& set) {
  ImGui::BeginDisabled(model.read_only());
  ImGui::SetNextItemWidth(layout.narrow ? -1.0f : std::min(ImGui::GetContentRegionAvail().x, 360 * layout.scale));
  std::string typed = model.sets.add_search;
  if (text_field(ui, {"##set_add", "Add a tune: type its name", "Add a tune from your collection", "set_add_search", "searchbox"},
                 typed).edited) {
    ui.emit(event::SetAddSearchEdited{typed});
  }
  const auto& results = model.sets.add_results;
  for (size_t i = 0; i < results.size(); ++i) {
    const CollectionEntry* e = model.entry(results[i]);
    if (!e) continue;
    ImGui::PushID(static_cast<int>(i));
    const std::string label = "+ " + e->name + (e->type.empty() ? "" : " (" + e->type + ")");
    if (list_option(layout, fit_text(label, ImGui::GetContentRegionAvail().x).c_str(), false)) {
      ui.emit(event::AddToSet{set.id, e->tune_id});
    }
    ui.remember("set_add_result_" + std::to_string(i));
    ui.describe("button", "Add " + e->name + " to the set");
    ImGui::PopID();
  }
  if (!model.sets.add_search.empty() && results.empty()) ImGui::TextDisabled("No tune in your collection matches.");
  ImGui::EndDisabled();
}

void draw_practice_and_delete(const Model& model, Ui& ui, const TuneSet& set) {
  const SetToday* today = nullptr;
  for (const SetToday& t : model.practice.sets) {
    if (t.set_id == set.id) today = &t;
  }
  ImGui::BeginDisabled(model.read_only() || set.entries.empty());
  if (!today) {
    if (ImGui::Button("Practise today")) ui.emit(event::QueueSetToday{set.id, true});
    ui.remember("set_practice");
    ui.describe("button", "Put this set in today's practice");
  } else if (!today->rated) {
    if (ImGui::Button("Take out of today")) ui.emit(event::QueueSetToday{set.id, false});
    ui.remember("set_practice");
    ui.describe("button", "Take this set out of today's practice");
    same_line_if_fits(ImGui::CalcTextSize("In today's practice").x);
    ImGui::TextDisabled("In today's practice");
  } else {
    ImGui::TextDisabled("Practised today");
    ui.remember("set_practised");
  }
  ImGui::EndDisabled();
  same_line_if_fits(button_width("Delete set"));
  ImGui::BeginDisabled(model.read_only());
  if (ImGui::Button("Delete set")) ImGui::OpenPopup("confirm_delete_set");
  ImGui::EndDisabled();
  ui.remember("set_delete");
  if (ImGui::BeginPopupModal("confirm_delete_set", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 18);
    ImGui::Text("Delete the set \"%s\"? Its tunes stay in your collection.", set.name.c_str());
    ImGui::PopTextWrapPos();
    if (ImGui::Button("Delete")) {
      ImGui::CloseCurrentPopup();
      ui.emit(event::DeleteSet{set.id});
    }
    ui.remember("set_delete_confirm");
    ImGui::SameLine();
    if (ImGui::Button("Keep")) ImGui::CloseCurrentPopup();
    ui.remember("set_delete_keep");
    ImGui::EndPopup();
  }
}

// The tune the player is on (or will start from): its place and name, and its music.
void draw_playing(const Model& model, Ui& ui, const Layout& layout, const TuneSet& set, size_t current) {
  if (set.entries.empty()) return;
  const SetEntry& now = set.entries[current];
  const std::string heading = std::to_string(current + 1) + ". " + now.name;
  ImGui::TextUnformatted(heading.c_str());
  ui.remember("set_current");
  ui.heading(3, heading);
  if (const TuneDetails* d = model.tune_details(now.tune_id)) {
    draw_music_image(model, ui, layout, now.tune_id, *d);
  } else {
    ImGui::TextDisabled("Loading the tune's music...");
  }
}

}  // namespace

void draw_set_page(const Model& model, Ui& ui, const Layout& layout, int64_t set_id) {
  if (ImGui::Button(layout.narrow ? "< Back" : "Close")) {
    ViewState v = model.view;
    v.open_set = 0;
    ui.emit(event::ViewChanged{v, true});
    return;
  }
  ui.remember("set_close");
  const TuneSet* found = model.sets.find(set_id);
  if (!found) {
    ImGui::TextDisabled("This set is not there any more.");
    return;
  }
  const TuneSet& set = *found;
  ImGui::SameLine();
  ImGui::PushTextWrapPos(0);
  ImGui::TextUnformatted(set.name.c_str());
  ImGui::PopTextWrapPos();
  ui.heading(2, set.name);
  ImGui::Separator();
  draw_name(model, ui, layout, set);
  if (set.thesession_id) ImGui::TextDisabled("From thesession.org (set #%lld)", static_cast<long long>(*set.thesession_id));
  const std::string keys = set.entries.empty() ? std::string("No tunes yet: add some below.") : "Keys: " + set_key_chain(set.entries);
  ImGui::PushTextWrapPos(0);
  ImGui::TextUnformatted(keys.c_str());
  ImGui::PopTextWrapPos();
  ui.remember("set_keys");
  ui.text(keys);
  if (!model.sets.message.empty()) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(imgui_colour(current_palette().warning_text), "%s", model.sets.message.c_str());
    ImGui::PopTextWrapPos();
    ui.remember("sets_message");
  }
  const size_t current = model.set_index_shown();
  // A phone: what is playing in view under Play, the player's options, the
  // set's tunes and its editing below. A wider screen has the whole player
  // first and the music under it all.
  if (!set.entries.empty()) {
    draw_set_player(model, ui);
    if (layout.narrow) draw_playing(model, ui, layout, set, current);
    draw_set_player_options(model, ui, layout);
  }
  ImGui::Separator();
  ui.table("Tunes in the set", set.entries.size());
  for (size_t i = 0; i < set.entries.size(); ++i) draw_entry(model, ui, layout, set, i, current);
  // The rows' opening bars come from the list's incipit machinery.
  std::vector<int64_t> shown;
  for (const SetEntry& e : set.entries) shown.push_back(e.tune_id);
  if (shown != model.incipits.on_screen) ui.emit(event::IncipitRows{std::move(shown)});
  ImGui::Separator();
  draw_add(model, ui, layout, set);
  ImGui::Separator();
  draw_practice_and_delete(model, ui, set);
  if (!layout.narrow) {
    ImGui::Separator();
    draw_playing(model, ui, layout, set, current);
  }
}

}  // namespace tt::web
