#pragma once
// The collection on disk: one SQLite file with a versioned schema. Decisions
// (what a status change does, what a sync changes) come from core/; this
// class reads and writes rows. Every statement binds its parameters.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/collection.h"
#include "core/import_merge.h"
#include "core/sync_engine.h"
#include "core/thesession_api.h"
#include "shell/store_schema.h"
#include "shell/sqlite_db.h"

namespace tt {

struct SyncRunRecord {
  int64_t id = 0;
  int64_t member_id = 0;
  int64_t started_at_ms = 0;
  int64_t finished_at_ms = 0;
  std::string status;
  int tunes_fetched = 0, tunes_created = 0, person_tunes_added = 0, person_tunes_skipped = 0, left_tunebook = 0;
  std::vector<std::string> errors;
  std::string message;
};

class Store {
 public:
  using Clock = std::function<int64_t()>;  // epoch milliseconds

  static constexpr int kSchemaVersion = static_cast<int>(kMigrations.size());

  // Opens (creating when missing) and migrates. Throws StoreError with a
  // clear message for a damaged file or one written by a newer tunetrack.
  Store(const std::string& path, Clock clock);

  int schema_version();
  static std::string sqlite_version();
  // "ok", or SQLite's description of the damage.
  std::string integrity_check();

  // The collection.
  std::vector<CollectionEntry> list_collection();
  std::optional<CollectionEntry> entry(int64_t tune_id);
  // Adds a tune (creating its tune row if needed). False when already collected.
  bool add_tune(const TuneSummary& tune, LearnStatus status, const std::string& source);
  bool remove_tune(int64_t tune_id);  // false when it was not collected
  // Each returns false when the tune is not in the collection.
  bool set_status(int64_t tune_id, LearnStatus status);
  bool heard(int64_t tune_id, bool undo);
  bool set_notes(int64_t tune_id, const std::string& notes);
  bool choose_setting(int64_t tune_id, int64_t setting_id);
  void save_tune_details(const TuneDetails& details);
  std::optional<TuneDetails> tune_details(int64_t tune_id);  // only once fetched

  // Settings (member id, default status, ...).
  std::optional<std::string> setting(const std::string& key);
  void set_setting(const std::string& key, const std::string& value);

  // Applies a fetched tunebook in ONE transaction (plan from core/sync_plan).
  // `progress` gets the fraction done while rows are written.
  ApplyOutcome apply_sync(const std::vector<TuneSummary>& fetched, LearnStatus default_status,
                          const std::function<void(double)>& progress = {});
  // A sync's whole write, in ONE transaction: the plan applied, then `finish`
  // turns the counts into the run's result (the engine's Done), which is
  // recorded before the commit. When anything throws, nothing is written.
  ApplyOutcome apply_and_record_sync(const std::vector<TuneSummary>& fetched, LearnStatus default_status,
                                   int64_t member_id, int64_t started_at_ms,
                                   const std::function<SyncResult(const ApplyOutcome&)>& finish,
                                   const std::function<void(double)>& progress = {});
  // The run of a sync that ended without applying (failed, cancelled).
  void record_sync_run(int64_t member_id, int64_t started_at_ms, const SyncResult& result);
  std::vector<SyncRunRecord> sync_runs(int limit = 20);

  // Merges entries from an export: never duplicates, never overwrites.
  ImportSummary import_entries(const std::vector<CollectionEntry>& entries);

 private:
  void migrate();
  ApplyOutcome write_sync_plan(const std::vector<TuneSummary>& fetched, LearnStatus default_status,
                               const std::function<void(double)>& progress);
  bool update_entry(int64_t tune_id, const std::function<void(CollectionEntry&)>& change);
  void write_entry(const CollectionEntry& entry);
  void ensure_tune_row(const TuneSummary& tune);

  Database db_;
  Clock clock_;
};

}  // namespace tt
