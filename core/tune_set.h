#pragma once
// Sets: at a session tunes are played in sets of two or three, one after the
// other. A set here is a name, notes and an ordered list of entries (a tune,
// and optionally the setting to play); it may have come from a thesession.org
// member's sets. Pure: the store keeps sets (shell/store.h), the rules and
// labels about them live here.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/parse_number.h"

namespace tt {

struct SetEntry {
  int64_t tune_id = 0;
  std::optional<int64_t> setting_id;  // none: play the tune's chosen (or first) setting
  std::string key;                    // thesession's spelling ("Gmajor"); "" when unknown
  // Filled when read from the store, for showing; never written with the entry.
  std::string name;
  std::string type;
  bool in_collection = true;  // false once the tune was removed from the collection (the entry stays)
};

struct TuneSet {
  int64_t id = 0;  // the store's id; 0 before it is stored
  std::string name;
  std::string notes;
  std::vector<SetEntry> entries;  // in the order they are played
  int64_t created_at_ms = 0;
  int64_t updated_at_ms = 0;
  std::optional<int64_t> thesession_id;  // the thesession.org set it was brought in from
  std::string thesession_url;
};

// Bounds on what a set may hold, wherever it comes from (typed, imported,
// fetched). thesession's sets hold two to five tunes; a "set" of more than
// kMaxSetEntries is not a set anyone plays through.
inline constexpr size_t kMaxSetEntries = 50;
inline constexpr size_t kMaxSetNameBytes = 200;
inline constexpr size_t kMaxSetNotesBytes = 20000;

// "G major → D major → A dorian": each entry's key as musicians write it
// (core/music_key.h's key_label), "?" for an entry whose key is unknown; ""
// for an empty set.
std::string set_key_chain(const std::vector<SetEntry>& entries);

// A set name as typed: spaces around it dropped; empty, too long or not valid
// text is an error a person can act on.
Parsed<std::string> check_set_name(std::string_view typed);
// Notes: any text up to kMaxSetNotesBytes of valid UTF-8.
Parsed<std::string> check_set_notes(std::string_view typed);

// Moves the entry at `from` to position `to` (0-based, both within the set),
// the others keeping their order. False, and nothing moved, when either is
// out of range.
bool move_set_entry(std::vector<SetEntry>& entries, size_t from, size_t to);

// Practising a set: it is rated once, and that one rating goes to each tune
// of the set that is in the collection (each keeps its own FSRS schedule). A
// tune played twice in the set is rated once. In set order.
std::vector<int64_t> set_tunes_to_rate(const std::vector<SetEntry>& entries);

// The same set for import: a set brought in from thesession.org is the same
// as another with that thesession id; a set made here (no thesession id) is
// the same as another made here with the same name and the same entries
// (tunes and settings, in order).
bool same_set(const TuneSet& a, const TuneSet& b);

}  // namespace tt
