#pragma once
// The Sets tab as the model keeps it (part of web/model/model.h): every set as the
// store has it, what is being typed on the tab, the sets sync's progress and
// result, and the open set's player (it plays the set through, tune after
// tune, each at its own type's tempo).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/sync_result.h"
#include "core/tune_set.h"

namespace tt::web {

// The open set's name as typed, kept apart from the set until the field is
// left (like the tune's notes draft): only a draft with edits is shown.
struct SetNameDraft {
  int64_t set_id = 0;
  std::string text;
  bool dirty = false;
};

// Playing the open set through: tune `index` plays; when it ends the next is
// drawn and played, until the last one ends or Stop is pressed.
struct SetPlayer {
  int64_t set_id = 0;
  bool playing = false;       // the set is being played through
  size_t index = 0;           // the entry whose music is shown and played
  uint64_t request = 0;       // the tune player's request for the entry playing now (0: not started yet)
  int64_t asked = 0;          // the tune whose details were last asked for (asked once per tune shown)
};

struct SetsState {
  std::vector<TuneSet> all;           // every set, by name, as the store has them
  std::string search;                 // the list's search (set and tune names)
  std::vector<size_t> shown;          // indices into `all` that match it
  SetNameDraft name;
  std::string add_search;             // "add a tune" on the open set: the collection, searched as you type
  std::vector<int64_t> add_results;   // collected tunes that match it, best first
  std::string message;                // what the last change to a set could not do, and why
  SetPlayer player;
  // The sets sync (SyncKind::Sets through the page's one SyncSession).
  std::optional<SyncProgress> sync_progress;
  std::optional<SyncResult> last_sync;

  const TuneSet* find(int64_t set_id) const {
    for (const auto& s : all) {
      if (s.id == set_id) return &s;
    }
    return nullptr;
  }
};

}  // namespace tt::web
