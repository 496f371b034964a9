#pragma once
// Sets in an export (see core/collection_io.h): the JSON "sets" section,
// written from TuneSet values and read back from untrusted JSON, and the CSV
// of sets (one row per entry). Only collection_io and the front ends' export
// use it; it is its own file because it is its own concern.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/tune_set.h"

namespace tt {

// [{"name", "notes", "created_at", "updated_at" (ISO 8601 UTC),
//   "thesession_id" (null for a set made here), "thesession_url",
//   "entries": [{"tune_id", "setting_id" (or null), "key", "name", "type"}]}]
// Entries carry the tune's name and type so a file restores a set whose
// tunes are not in its collection.
nlohmann::json sets_to_json(const std::vector<TuneSet>& sets);

// Reads the value of "sets" into `out`. Returns the reason the whole import
// must stop ("" when it may go on): a value that is not a list. A set that
// cannot be read is skipped with one line in `errors` ("Set 2: missing
// name"); so is an entry ("Set \"Jigs\", tune 3: invalid tune_id"), the set
// kept without it.
std::string sets_from_json(const nlohmann::json& section, std::vector<TuneSet>& out, std::vector<std::string>& errors);

// One header line, then one row per entry: set_id, set, position (1-based),
// tune_id, tune, type, key, setting_id, thesession_set_id, keys (the set's
// key chain); RFC 4180 quoting. An empty set is one row with the entry
// columns empty, so no set is lost.
std::string export_sets_csv(const std::vector<TuneSet>& sets);

}  // namespace tt
