#pragma once
// What a sync or an import did, in the same words in the CLI and the page.
#include <string>
#include <utility>
#include <vector>

#include "core/import_merge.h"
#include "core/sync_result.h"

namespace tt {

// The counts of a finished sync, each with its label ("added to collection"),
// in the order they are shown. `left_tunebook` is listed only when asked or
// when some tunes left. A sets sync lists its own counts: sets added, already
// there, tunes added for a set, entries skipped, tune pages checked.
std::vector<std::pair<std::string, int>> sync_summary_counts(const SyncResult& result, bool always_list_left);

// "1 added, 29 already there, 1 kept as they were (different data), 0 invalid",
// then, when the practice section brought anything,
// "; practice: 3 tune schedules and 12 ratings added", and when the file had
// sets "; sets: 2 added, 1 already there".
std::string import_headline(const ImportSummary& summary, size_t invalid);
// The conflicts, then each invalid entry ("invalid: ...").
std::vector<std::string> import_details(const ImportSummary& summary, const std::vector<std::string>& invalid);

}  // namespace tt
