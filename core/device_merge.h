#pragma once
// The merge of several devices' changes into one collection (the device
// sync's rules), pure and deterministic: the state is a function of the SET
// of changes alone, so every device that has seen the same changes holds the
// same collection, whatever order they arrived in and however often.
//
// Each change is stamped (hybrid logical clock, then device id, then its
// place within one recorded action) and the state is the changes applied in
// stamp order, with these rules:
//   - single values (learn status, learned date, setting, a set's name or
//     notes, its entry list as a whole, a practice setting): the later wins;
//   - heard "+": a counter; every device's presses (and undos) add up;
//   - notes: a change made on the notes its device last saw replaces them;
//     one made without seeing the notes now held (two devices wrote them at
//     once) keeps both: the later as the notes, the other appended under a
//     line naming its device and time, and the conflict is listed;
//   - ratings: the union of all ratings, less those undone anywhere; each
//     card is the replay of its tune's ratings in time order (the FSRS review
//     is deterministic, so every device computes the same due date);
//   - a removal against a later change of the same tune or set: the later wins.
// Settings that belong to one device (is_device_setting) never merge.
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <variant>
#include <vector>

#include "core/fsrs.h"
#include "core/hybrid_clock.h"

namespace tt {

// Where a change falls in the one order every device agrees on.
struct DeviceStamp {
  HlcStamp hlc;
  std::string device;  // the id of the device that made the change
  int index = 0;       // its place among the changes of one recorded action
  bool operator<(const DeviceStamp& o) const {
    if (!(hlc == o.hlc)) return hlc < o.hlc;
    return device != o.device ? device < o.device : index < o.index;
  }
  bool operator==(const DeviceStamp& o) const { return hlc == o.hlc && device == o.device && index == o.index; }
};

struct TuneFieldChange {  // learn_status, learned_at, setting_id, name, ...
  int64_t tune_id = 0;
  std::string field;
  nlohmann::json value;
};
struct HeardChange {  // "+" pressed (1) or undone (-1)
  int64_t tune_id = 0;
  int delta = 0;
};
struct NotesChange {
  int64_t tune_id = 0;
  std::string seen;  // the notes as the device held them when it wrote
  std::string text;
};
struct TuneRemoved {
  int64_t tune_id = 0;
};
struct RatingGiven {
  std::string uid;  // the same on every device (the rating device's id and stamp)
  int64_t tune_id = 0;
  int64_t at_ms = 0;
  Rating rating = Rating::Good;
};
struct RatingUndone {
  std::string uid;
};
// Sets are named by a uid made where the set was created (the same on every
// device; a store's own row ids differ from device to device).
struct SetFieldChange {  // "name", "notes"
  std::string set_uid;
  std::string field;
  nlohmann::json value;
};
struct SetEntriesChange {  // the entry list, as a whole
  std::string set_uid;
  nlohmann::json entries;
};
struct SetRemoved {
  std::string set_uid;
};
struct SettingChange {  // a collection setting (practice limits, target retention)
  std::string key;
  std::string value;
};

using DeviceChangeBody = std::variant<TuneFieldChange, HeardChange, NotesChange, TuneRemoved, RatingGiven,
                                      RatingUndone, SetFieldChange, SetEntriesChange, SetRemoved, SettingChange>;

struct DeviceChange {
  DeviceStamp at;
  DeviceChangeBody body;
};

// Two devices wrote one tune's notes without seeing each other's text.
struct NotesConflict {
  int64_t tune_id = 0;
  std::string kept_text;    // the earlier text, appended under the later
  std::string kept_device;  // who wrote it, and when (epoch ms)
  int64_t kept_at_ms = 0;
  DeviceStamp resolved_at;  // the later change, whose text leads
};

struct MergedTune {
  std::map<std::string, nlohmann::json> fields;  // each the latest value
  int64_t heard = 0;
  std::string notes;
  DeviceStamp notes_at;  // who wrote the notes held (empty device: nobody yet)
  bool removed = false;
};

struct MergedSet {
  std::map<std::string, nlohmann::json> fields;
  nlohmann::json entries = nlohmann::json::array();
  bool removed = false;
};

struct MergedCollection {
  std::map<int64_t, MergedTune> tunes;  // removed ones too (a later change brings them back)
  std::map<std::string, RatingGiven> ratings;  // by uid, none of them undone
  std::map<std::string, MergedSet> sets;  // by uid
  std::map<std::string, std::string> settings;
  std::vector<NotesConflict> conflicts;  // in stamp order
};

// The line a kept text is appended under, naming its device and time.
std::string kept_notes_heading(const std::string& device_name, int64_t at_ms);

// All changes seen so far, each once. Adding in any order, in any batches,
// with repeats, gives the same collection().
class DeviceMerge {
 public:
  // Returns how many were new (a repeat of a stamp already held is ignored).
  size_t add(const std::vector<DeviceChange>& changes);
  size_t size() const { return changes_.size(); }
  // The fewest changes that merge exactly like all held, whatever changes
  // are merged with them later (what a snapshot keeps): the latest of each
  // single value and of each removal, one "+" total per tune (under its
  // latest press's stamp), and every notes change, rating and undo (notes
  // conflicts and the union of ratings need them all). Each keeps the stamp
  // of a change held, so two devices compacting the same set agree.
  std::vector<DeviceChange> compacted() const;
  // `device_names`: the names shown in a kept text's heading (the id when unnamed).
  MergedCollection collection(const std::map<std::string, std::string>& device_names = {}) const;

 private:
  struct ByStamp {
    bool operator()(const DeviceChange& a, const DeviceChange& b) const { return a.at < b.at; }
  };
  std::set<DeviceChange, ByStamp> changes_;
};

// Each collected tune's card: its ratings replayed in time order (then by
// uid), from a new card at the first. (A removal travels with the undoing of
// the tune's ratings, as removing a tune deletes its practice.)
std::map<int64_t, CardMemory> replay_cards(const MergedCollection& merged, const FsrsParameters& parameters);

}  // namespace tt
