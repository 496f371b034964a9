#pragma once
// `tunetrack log`, `rebuild` and `notes`: the change log read out, a database
// made again from another's log alone, and a tune's notes set (the one
// action the page had and the CLI lacked). main.cpp parses the flags.
#include <ostream>
#include <string>

#include "shell/store.h"

namespace tt::cli {

// One line per record (seq, time, device, action, what it put and removed),
// or with `json` a JSON array of the records as core/change_record.h writes them.
// The database is read, never migrated or written.
void print_change_log(const std::string& db_path, bool json, std::ostream& out);

// Replays the log of `from_path` into a new database at `to_path` (which must
// not exist yet). Written beside it and renamed at the end: a rebuild that
// fails leaves nothing behind. Returns the number of records replayed.
int64_t rebuild_from_log(const std::string& from_path, const std::string& to_path, std::ostream& out);

}  // namespace tt::cli
