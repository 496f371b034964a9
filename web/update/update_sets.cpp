// The Sets tab: every change a musician makes to a set (create, rename, add a
// tune from the collection, reorder, remove, delete), the list's search, a
// set put in today's practice, and the open set's player, which plays the set
// through, tune after tune, each at its own type's tempo.
#include <algorithm>

#include "core/text_fold.h"
#include "shell/actions/practice_actions.h"
#include "shell/actions/set_actions.h"
#include "web/update/update_context.h"

namespace tt::web {
namespace {

constexpr size_t kAddResults = 8;
constexpr const char* kNewSetName = "New set";

// Runs one action on a set; what it changed reaches the page (Context::apply).
// What the store refuses (a name too long, a tune it does not know, a full
// set) is said on the tab, and nothing changed. True when it changed something.
template <typename Action>
bool change_set(Context& c, Action action) {
  if (!c.writable()) return false;
  c.model.sets.message.clear();
  try {
    const actions::Changed changed = action(*c.services.store).changed;
    c.apply(changed);
    return changed.any();
  } catch (const StoreError& e) {
    c.model.sets.message = e.what();
    return false;
  }
}

// "New set", or "New set 2" when that name is taken, and so on.
std::string new_set_name(const SetsState& sets) {
  for (int n = 1;; ++n) {
    const std::string name = n == 1 ? kNewSetName : std::string(kNewSetName) + " " + std::to_string(n);
    if (std::none_of(sets.all.begin(), sets.all.end(), [&](const TuneSet& s) { return s.name == name; })) return name;
  }
}

void open_set(Context& c, int64_t set_id) {
  ViewState v = c.model.view;
  v.tab = "sets";
  v.open_set = set_id;
  v.open_tune = 0;
  change_view(c, v, true);
}

void commit_name(Context& c) {
  SetNameDraft& draft = c.model.sets.name;
  if (!draft.dirty) return;
  const SetNameDraft committing = draft;
  draft = {};
  const TuneSet* set = c.model.sets.find(committing.set_id);
  if (!set || set->name == committing.text) return;
  change_set(c, [&](Store& s) { return actions::rename_set(s, committing.set_id, committing.text); });
}

void find_tunes_to_add(Context& c) {
  SetsState& sets = c.model.sets;
  sets.add_results.clear();
  const std::string needle = fold_for_search(sets.add_search);
  if (needle.find_first_not_of(' ') == std::string::npos) return;
  for (const CollectionEntry& e : c.model.collection.entries()) {
    if (folded_contains(fold_for_search(e.name), needle)) sets.add_results.push_back(e.tune_id);
    if (sets.add_results.size() >= kAddResults) return;
  }
}

// The player stops (Stop, the set left or changed); the tune shown stays.
void stop_set(Context& c) {
  SetPlayer& p = c.model.sets.player;
  if (!p.playing) return;
  p.playing = false;
  p.request = 0;
  stop_tune_playback(c);
}

// On to the next entry; past the last one the set is over and the first is shown again.
void next_tune(Context& c, const TuneSet& set) {
  SetPlayer& p = c.model.sets.player;
  if (p.set_id != set.id) p = {set.id, false, 0, 0, 0};
  p.request = 0;
  stop_tune_playback(c);
  if (++p.index >= set.entries.size()) {
    p.index = 0;
    p.playing = false;
  }
}

void play_or_stop(Context& c) {
  SetPlayer& p = c.model.sets.player;
  const TuneSet* set = c.model.open_set();
  if (p.playing) return stop_set(c);
  if (!set || set->entries.empty()) return;
  const size_t from = c.model.set_index_shown();
  p = {set->id, true, from, 0, p.set_id == set->id ? p.asked : 0};
}

void on_playback(Context& c, const event::PlaybackChanged& e) {
  SetPlayer& p = c.model.sets.player;
  if (!p.playing || p.request == 0 || e.request != p.request) return;
  if (e.state == "error") {
    p.playing = false;  // the tune player shows why
    p.request = 0;
  } else if (e.state == "ended") {
    if (const TuneSet* set = c.model.sets.find(p.set_id)) next_tune(c, *set);
  }
}

}  // namespace

void filter_sets(SetsState& sets) {
  sets.shown.clear();
  const std::string needle = fold_for_search(sets.search);
  for (size_t i = 0; i < sets.all.size(); ++i) {
    const TuneSet& s = sets.all[i];
    bool match = needle.empty() || folded_contains(fold_for_search(s.name), needle);
    for (size_t j = 0; !match && j < s.entries.size(); ++j) {
      match = folded_contains(fold_for_search(s.entries[j].name), needle);
    }
    if (match) sets.shown.push_back(i);
  }
}

void follow_set_player(Context& c) {
  SetPlayer& p = c.model.sets.player;
  const TuneSet* set = c.model.open_set();
  const bool on_set_page = set && c.model.view.tab == "sets" && !c.model.view.open_tune;
  // The current tune's details (for its music): asked for once each time it is shown.
  if (on_set_page) {
    const int64_t shown = c.model.set_tune_shown();
    if (shown && shown != p.asked) {
      p.asked = shown;
      ensure_details(c, shown);
    }
  }
  if (!p.playing) return;
  if (!on_set_page || set->id != p.set_id || p.index >= set->entries.size()) return stop_set(c);
  // A tune that cannot be played (no music, not drawable, details not to be
  // had) is passed over; at most once round the set per event.
  for (size_t guard = 0; guard <= set->entries.size() && p.playing; ++guard) {
    Notation& n = c.model.notation;
    if (n.playing) {
      p.request = n.playback_request;  // restarted with a new tempo or instrument: follow it
      return;
    }
    const int64_t tune = set->entries[p.index].tune_id;
    if (n.tune_id != tune) return;  // follow_open_tune moves the notation first
    const TuneDetails* d = c.model.tune_details(tune);
    const bool waiting = !d && c.model.details_requests.count(tune) > 0;
    const bool unplayable = (d && d->settings.empty()) || !n.image.error.empty() || (!d && !waiting);
    if (!unplayable) {
      if (!d || n.image_request == 0 || n.render_request != 0) return;  // still drawing
      start_tune_playback(c);
      p.request = n.playback_request;
      return;
    }
    next_tune(c, *set);
    follow_open_tune(c);  // the next tune's music is asked for now, not on the next event
    if (const int64_t shown = c.model.set_tune_shown(); shown && shown != p.asked) {
      p.asked = shown;
      ensure_details(c, shown);
    }
  }
}

void handle_sets(Context& c, const Event& event) {
  SetsState& sets = c.model.sets;
  if (std::holds_alternative<event::NewSet>(event)) {
    int64_t id = 0;
    const auto create = [&](Store& s) {
      auto created = actions::create_set(s, new_set_name(sets));
      id = created.value;
      return created;
    };
    if (change_set(c, create)) open_set(c, id);
  } else if (const auto* e = std::get_if<event::SetNameEdited>(&event)) {
    if (!c.writable()) return;
    if (sets.name.set_id != e->set_id) commit_name(c);
    sets.name = {e->set_id, e->text, true};
  } else if (const auto* e = std::get_if<event::SetNameLeft>(&event)) {
    if (sets.name.set_id == e->set_id) commit_name(c);
  } else if (const auto* e = std::get_if<event::SetsSearchEdited>(&event)) {
    sets.search = e->text;
    filter_sets(sets);
  } else if (const auto* e = std::get_if<event::SetAddSearchEdited>(&event)) {
    sets.add_search = e->text;
    find_tunes_to_add(c);
  } else if (const auto* e = std::get_if<event::AddToSet>(&event)) {
    if (change_set(c, [&](Store& s) { return actions::add_set_entry(s, e->set_id, e->tune_id); })) {
      sets.add_search.clear();
      sets.add_results.clear();
    }
  } else if (const auto* e = std::get_if<event::MoveSetEntry>(&event)) {
    if (sets.player.set_id == e->set_id) stop_set(c);
    change_set(c, [&](Store& s) { return actions::move_set_entry(s, e->set_id, e->from, e->to); });
  } else if (const auto* e = std::get_if<event::RemoveSetEntry>(&event)) {
    if (sets.player.set_id == e->set_id) {
      stop_set(c);
      sets.player.index = 0;
    }
    change_set(c, [&](Store& s) { return actions::remove_set_entry(s, e->set_id, e->position); });
  } else if (const auto* e = std::get_if<event::DeleteSet>(&event)) {
    if (sets.player.set_id == e->set_id) stop_set(c);
    if (!change_set(c, [&](Store& s) { return actions::delete_set(s, e->set_id); })) return;
    if (sets.name.set_id == e->set_id) sets.name = {};
    if (c.model.view.open_set == e->set_id) open_set(c, 0);
  } else if (std::holds_alternative<event::PlaySet>(event)) {
    play_or_stop(c);
  } else if (std::holds_alternative<event::NextSetTune>(event)) {
    if (const TuneSet* set = c.model.open_set(); set && !set->entries.empty()) {
      const bool playing = sets.player.playing && sets.player.set_id == set->id;
      next_tune(c, *set);
      sets.player.playing = playing && sets.player.index != 0;
    }
  } else if (const auto* e = std::get_if<event::QueueSetToday>(&event)) {
    const int64_t now = static_cast<int64_t>(c.now);
    const int offset = c.model.utc_offset_minutes;
    change_set(c, [&](Store& s) { return actions::queue_set_for_day(s, e->set_id, e->queue, now, offset); });
  } else if (const auto* e = std::get_if<event::PlaybackChanged>(&event)) {
    on_playback(c, *e);
  } else if (std::holds_alternative<event::ViewChanged>(event) || std::holds_alternative<event::UrlChanged>(event)) {
    // Another set opened (or none): the name typed for the last one is kept.
    if (sets.name.dirty && sets.name.set_id != c.model.view.open_set) commit_name(c);
  }
}

}  // namespace tt::web
