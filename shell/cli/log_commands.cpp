#include "shell/cli/log_commands.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>

#include <cstdio>
#include <stdexcept>

#include "core/time_format.h"

namespace tt::cli {
namespace {

constexpr int64_t kBatch = 500;  // records in memory at once: a log may hold millions

bool exists(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0;
}

// The source's records in batches, oldest first; StoreError for a database
// without a log (made by a tunetrack from before it).
template <typename Visit>
void each_record(Database& db, Visit visit) {
  {
    Statement has_log(db.handle(), "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'change_log'");
    if (!has_log.step()) {
      throw StoreError(db.path() + " has no change log yet (it was written by an older tunetrack): "
                       "open it once with this one, which records everything in it as a baseline");
    }
  }
  int64_t after = 0;
  for (;;) {
    const std::vector<ChangeRecord> batch = read_change_log(db, after, kBatch);
    for (const auto& record : batch) visit(record);
    if (static_cast<int64_t>(batch.size()) < kBatch) return;
    after = batch.back().seq;
  }
}

Database open_source(const std::string& path) {
  if (!exists(path)) throw std::runtime_error("no database at " + path);
  return Database(path);
}

}  // namespace

void print_change_log(const std::string& db_path, bool json, std::ostream& out) {
  Database db = open_source(db_path);
  bool first = true;
  if (json) out << "[";
  each_record(db, [&](const ChangeRecord& r) {
    if (json) {
      out << (first ? "\n" : ",\n") << to_json(r).dump();
    } else {
      const ChangeCounts counts = count_changes(r.changes);
      out << r.seq << "  " << format_iso8601_utc(r.hlc.wall_ms) << "  " << r.device.substr(0, 8) << "  " << r.action
          << "  " << counts.put << " changed";
      if (counts.removed) out << ", " << counts.removed << " removed";
      out << "\n";
    }
    first = false;
  });
  if (json) out << (first ? "]\n" : "\n]\n");
  else if (first) out << "The change log is empty: nothing has been done here yet.\n";
}

namespace {

// A new empty file beside `path`, named for this run only (mkstemp), so no
// other file, and no journal left by an earlier run, is ever taken for it.
std::string new_partial_file(const std::string& path) {
  std::string name = path + ".partial-XXXXXX";
  const int fd = ::mkstemp(name.data());
  if (fd < 0) throw std::runtime_error("cannot write beside " + path);
  ::close(fd);
  return name;
}

void remove_partial(const std::string& partial) {
  for (const char* suffix : {"", "-journal", "-wal", "-shm"}) std::remove((partial + suffix).c_str());
}

}  // namespace

int64_t rebuild_from_log(const std::string& from_path, const std::string& to_path, std::ostream& out) {
  if (exists(to_path)) throw std::runtime_error(to_path + " exists already: rebuild makes a new database, give a new file");
  Database source = open_source(from_path);
  const std::string partial = new_partial_file(to_path);
  int64_t records = 0;
  try {
    Store rebuilt(partial, [] { return int64_t{0}; });  // every stamp comes from the log
    each_record(source, [&](const ChangeRecord& record) {
      try {
        rebuilt.replay(record);
      } catch (const StoreError& e) {
        throw StoreError("change " + std::to_string(record.seq) + " (" + record.action + ") cannot be replayed: " + e.what());
      }
      ++records;
    });
    out << "Rebuilt " << to_path << " from " << records << " changes in the log of " << from_path << ": "
        << rebuilt.list_collection().size() << " tunes in the collection, " << rebuilt.practice_data().log.size()
        << " ratings, " << rebuilt.list_sets().size() << " sets.\n";
  } catch (...) {
    remove_partial(partial);
    throw;
  }
  // link() never replaces a file: one made at NEW meanwhile is kept, and this one goes.
  const bool linked = ::link(partial.c_str(), to_path.c_str()) == 0;
  remove_partial(partial);
  if (!linked) throw std::runtime_error("cannot write " + to_path + (exists(to_path) ? " (a file appeared there meanwhile)" : ""));
  return records;
}

}  // namespace tt::cli
