#pragma once
// Export and import of a collection as text (JSON and CSV). Pure: the caller
// reads and writes the files; the store merges what import parsed.
#include <string>
#include <string_view>
#include <vector>

#include "core/collection.h"

namespace tt {

// {"format":"tunetrack-collection","version":1,"tunes":[...]}: every field a
// user owns, so an export imported elsewhere loses nothing.
std::string export_json(const std::vector<CollectionEntry>& entries);
// One header line, then one row per tune; RFC 4180 quoting.
std::string export_csv(const std::vector<CollectionEntry>& entries);

// One tune as the JSON object used by export and by `tunetrack list --json`.
std::string entry_to_json(const CollectionEntry& entry);

struct ImportParse {
  std::vector<CollectionEntry> entries;
  std::vector<std::string> errors;  // per entry: "Tune #12: unknown learn status 'x'"
  std::string fatal;                // the whole input is unusable (not JSON, wrong format)
};

// Reads an export_json document (or a bare array of tune objects).
ImportParse parse_import_json(std::string_view text);

}  // namespace tt
