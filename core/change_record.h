#pragma once
// One entry of the change log: what a musician did (the action) and what it
// changed, in terms of tunes, collection entries, practice cards, ratings,
// sets, sync runs and settings; stamped with a hybrid logical clock and the
// id of the device where it was done. Replaying a database's records in
// order, from an empty one, gives that database again: the log is what
// another device will replay to hold the same collection.
//
// `changes` is a JSON object, one member per kind that changed:
//   keyed kinds   {"put": [object, ...], "removed": [id, ...]}
//                 each object is the whole of one thing after the action (a
//                 set with its entries); "removed" names what is gone
//   whole kinds   {"all": [object, ...]}: every row after the action (a few
//                 rows at most: the settings, the day's queues)
// The fields of each object are checked when it is replayed (the database
// knows its columns); here, the record's shape.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/hybrid_clock.h"
#include "core/parse_number.h"

namespace tt {

struct ChangeKind {
  std::string_view name;   // in the record: "tunes", "sets", ...
  std::string_view table;  // where its rows live
  std::string_view key;    // the identifying field of a keyed kind; empty for a whole kind
};

// Every kind a record may name, in the order a replay applies them (what is
// referred to before what refers to it).
const std::vector<ChangeKind>& change_kinds();
const ChangeKind* change_kind_named(std::string_view name);
const ChangeKind* change_kind_of_table(std::string_view table);

struct ChangeRecord {
  int64_t seq = 0;        // position in this database's log, from 1
  HlcStamp hlc;
  std::string device;     // 32 lower-case hex digits
  std::string action;     // "set_status", "rate", "apply_sync", "baseline", ...
  nlohmann::json changes = nlohmann::json::object();
};

nlohmann::json to_json(const ChangeRecord& record);
// Strict: every member present with its type, no other member, each kind
// known and shaped as above. The error names the member at fault.
Parsed<ChangeRecord> parse_change_record(const nlohmann::json& doc);

bool is_device_id(std::string_view text);

// Settings that belong to this device and not to the collection (when this
// device last exported, say): never recorded, never replayed.
bool is_device_setting(std::string_view key);

// How many things a record puts and removes, for a one-line summary.
struct ChangeCounts {
  size_t put = 0, removed = 0;
};
ChangeCounts count_changes(const nlohmann::json& changes);

}  // namespace tt
