#pragma once
// Export and import of a collection as text (JSON and CSV). Pure: the caller
// reads and writes the files; the store merges what import parsed.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/collection.h"
#include "core/practice.h"
#include "core/tune_set.h"

namespace tt {

// {"format":"tunetrack-collection","version":1,"tunes":[...]}: every field a
// user owns, so an export imported elsewhere loses nothing.
std::string export_json(const std::vector<CollectionEntry>& entries);
// The same with a top-level "practice" section:
// {"schema":1,"cards":[{tune_id,state,stability,difficulty,reps,lapses,
//  learning_step,due,last_review,scheduled_days,elapsed_days}],
//  "log":[{tune_id,at,rating,before:{...},after:{...}}]}
// (before/after: a card's fields without tune_id). Times are ISO 8601 UTC to
// the second, like the rest of the export; states and ratings their names
// ("review", "good").
inline constexpr int kPracticeExportSchema = 1;
std::string export_json(const std::vector<CollectionEntry>& entries, const PracticeData& practice);
// The same with a top-level "sets" list (core/sets_io.h has its shape).
std::string export_json(const std::vector<CollectionEntry>& entries, const PracticeData& practice,
                        const std::vector<TuneSet>& sets);
// One header line, then one row per tune; RFC 4180 quoting. The last two
// columns, due and last_practised (ISO 8601 UTC), come from the tune's card
// and are empty when it was never practised (no cards given: all empty).
std::string export_csv(const std::vector<CollectionEntry>& entries);
std::string export_csv(const std::vector<CollectionEntry>& entries, const std::map<int64_t, CardMemory>& cards);

// One tune as the JSON object used by export and by `tunetrack list --json`.
std::string entry_to_json(const CollectionEntry& entry);

struct ImportParse {
  std::vector<CollectionEntry> entries;
  PracticeData practice;            // empty for an export without a practice section
  std::vector<TuneSet> sets;        // empty for an export without sets (older ones)
  std::vector<std::string> errors;  // per entry: "Tune #12: unknown learn status 'x'"
  std::string fatal;                // the whole input is unusable (not JSON, wrong format)
};

// Reads an export_json document (or a bare array of tune objects). The
// practice section is optional (older exports have none; null counts as
// none). A section that is not an object, has no schema number, or whose
// lists are not lists makes the whole input unusable, and so does a schema
// newer than kPracticeExportSchema: nothing is imported, not even the tunes.
// A card or log row that cannot be read is one error line ("Practice of
// tune #12: invalid stability"); a second card for the same tune is one too
// (the first is kept). The "sets" list is optional too (older exports have
// none; null counts as none); one that is not a list stops the import; a set
// or entry that cannot be read is one error line (core/sets_io.h).
ImportParse parse_import_json(std::string_view text);

}  // namespace tt
