#pragma once
// The collection on disk: one SQLite file with a versioned schema. Decisions
// (what a status change does, what a sync changes) come from core/; this
// class reads and writes rows. Every statement binds its parameters.
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "core/change_record.h"
#include "core/collection.h"
#include "core/import_merge.h"
#include "core/practice.h"
#include "core/sync_engine.h"
#include "core/sets_sync.h"
#include "core/thesession_api.h"
#include "core/tune_set.h"
#include "shell/change_log.h"
#include "shell/store_schema.h"
#include "shell/store_types.h"
#include "shell/sqlite_db.h"
#include "shell/tables/card_table.h"
#include "shell/tables/collection_table.h"
#include "shell/tables/day_queue_table.h"
#include "shell/tables/rating_log.h"
#include "shell/tables/set_table.h"
#include "shell/tables/settings_table.h"
#include "shell/tables/sync_run_table.h"
#include "shell/tables/tune_table.h"

namespace tt {

class Store {
 public:
  using Clock = std::function<int64_t()>;  // epoch milliseconds

  static constexpr int kSchemaVersion = static_cast<int>(kMigrations.size());

  // Opens (creating when missing) and migrates. Throws StoreError with a
  // clear message for a damaged file or one written by a newer tunetrack.
  Store(const std::string& path, Clock clock);
  // For a file in memory, saved elsewhere a transaction at a time, with this one
  // connection: journal in memory and lock kept (no journal file, hot-journal
  // look or page-cache check per transaction).
  void tune_for_in_memory_file();
  // Never moved: SQLite's update hook points at this store's TouchedRows.
  Store(Store&&) = delete;
  Store& operator=(Store&&) = delete;

  int schema_version();
  static std::string sqlite_version();
  // "ok", or SQLite's description of the damage.
  std::string integrity_check();

  // The collection.
  std::vector<CollectionEntry> list_collection();
  std::optional<CollectionEntry> entry(int64_t tune_id);
  // Adds a tune (creating its tune row if needed). False when already collected.
  bool add_tune(const TuneSummary& tune, LearnStatus status, const std::string& source);
  // False when it was not collected. Its sets keep it: each entry stays,
  // shown as not collected (SetEntry::in_collection), so no set silently
  // loses a tune; the page asks first, naming sets_containing_tune().
  bool remove_tune(int64_t tune_id);
  // Each returns false when the tune is not in the collection.
  bool set_status(int64_t tune_id, LearnStatus status);
  bool heard(int64_t tune_id, bool undo);
  bool set_notes(int64_t tune_id, const std::string& notes);
  bool choose_setting(int64_t tune_id, int64_t setting_id);
  void save_tune_details(const TuneDetails& details);
  std::optional<TuneDetails> tune_details(int64_t tune_id);  // only once fetched
  TuneTable::MusicKept music_kept();  // the collection's music kept for offline, of all (TuneTable)...
  std::vector<int64_t> collected_without_music(int64_t after, int n);  // ... and tunes without it

  // Sets (core/tune_set.h; written in store_sets.cpp). Each write is one
  // transaction and moves the set's changed date; a set id or position that
  // is not there gives false and writes nothing. Names and notes are checked
  // (check_set_name, check_set_notes): StoreError with the reason.
  //
  // Every set with its entries (tune name, type, key, in_collection), by name.
  std::vector<TuneSet> list_sets();
  std::optional<TuneSet> get_set(int64_t set_id);
  int64_t create_set(const std::string& name, const std::string& notes = "");  // -> the new set's id
  bool rename_set(int64_t set_id, const std::string& name);
  bool set_set_notes(int64_t set_id, const std::string& notes);
  // Appends a tune (optionally a setting of it). The tune must be known here
  // (collected, or once collected, synced or searched and added): StoreError
  // otherwise, and when the set already holds kMaxSetEntries.
  bool add_set_entry(int64_t set_id, int64_t tune_id, std::optional<int64_t> setting_id = std::nullopt);
  bool remove_set_entry(int64_t set_id, size_t position);               // 0-based
  bool move_set_entry(int64_t set_id, size_t from, size_t to);          // core's move_set_entry
  bool delete_set(int64_t set_id);  // its entries go too; the tunes stay
  // The sets that name a tune, by name (each once).
  std::vector<SetRef> sets_containing_tune(int64_t tune_id);
  // What a sets sync needs to know before it starts (SyncOptions::known_*),
  // and the tunes collected (what a sets sync and the day's queue check against).
  std::unordered_set<int64_t> known_tune_ids();
  std::unordered_set<int64_t> collected_ids();
  std::unordered_set<int64_t> thesession_set_ids();
  // A sets sync's whole write, in ONE transaction, like apply_and_record_sync:
  // tune details, new tune rows, each new set (a set already brought in is
  // never touched) with its entries, each of its tunes not collected added
  // with `default_status` (source "set"); then the run.
  ApplyOutcome apply_and_record_sets_sync(const FetchedSets& fetched, LearnStatus default_status, int64_t member_id,
                                          int64_t started_at_ms,
                                          const std::function<SyncResult(const ApplyOutcome&)>& finish,
                                          const std::function<void(double)>& progress = {});

  // Settings (member id, default status, ...).
  std::optional<std::string> setting(const std::string& key);
  void set_setting(const std::string& key, const std::string& value);
  void set_settings(const std::vector<std::pair<std::string, std::string>>& settings);  // in ONE transaction

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
  // The same with the export's practice section, all in ONE transaction:
  // after the entries, a card is taken for each tune that is in the
  // collection and has none yet; a log row for a collected tune is appended
  // unless one with the same tune, second and rating is there already
  // (exports keep whole seconds). Imported rows are history: never undone.
  ImportSummary import_entries(const std::vector<CollectionEntry>& entries, const PracticeData& practice);
  // The same with the export's sets, in the same transaction: a set already
  // here (core's same_set) is left as it is; an entry of a tune not known
  // here gets a tune row from its name and type (none: left out, said in
  // `messages`).
  ImportSummary import_entries(const std::vector<CollectionEntry>& entries, const PracticeData& practice,
                               const std::vector<TuneSet>& sets);

  // Practice (core/practice.h, core/fsrs.h). Times are epoch ms from the
  // caller, never read here. Every card by tune id; one tune's (none if new).
  std::map<int64_t, CardMemory> practice_cards();
  std::optional<CardMemory> practice_card(int64_t tune_id);
  // Records a rating in ONE transaction: the card (or a new one) reviewed at
  // now_ms, and the log row with the card before and after. StoreError, with
  // nothing written, for a tune not collected ("Tune #N is not in your
  // collection"), unusable parameters or a time no clock says. The learn
  // status never changes here (a learned tune rated Again stays learned).
  RatingOutcome rate(int64_t tune_id, Rating rating, const FsrsParameters& params, int64_t now_ms);
  // Rates a set as one item, in ONE transaction: the rating given to each of
  // its collected tunes (core's set_tunes_to_rate), logged with the set, and
  // the set marked rated in the day's queue. rate()'s checks, and StoreError
  // "Set #N is not there"; a set with no tune collected writes nothing and
  // says so in not_collected.
  SetRatingOutcome rate_set(int64_t set_id, Rating rating, const FsrsParameters& params, int64_t now_ms);
  // Puts a set in the day's practice as one item (after the others; once).
  // False when there is no such set.
  bool queue_set_for_day(int64_t set_id, int64_t now_ms, int utc_offset_minutes);
  bool unqueue_set_for_day(int64_t set_id, int64_t now_ms, int utc_offset_minutes);
  std::vector<SetQueueItem> sets_queued_for_day(int64_t now_ms, int utc_offset_minutes);
  // Takes back the newest rating given here (never imported history; a set
  // rating's ratings together), in ONE transaction: its log row goes and its
  // card becomes the one before (none when that was New; a removed tune's
  // row only goes). Returns the (newest) row taken back, if any.
  std::optional<PracticeLogEntry> undo_last_rating();
  // Log rows with at >= from_ms, oldest first (ties in the order given).
  std::vector<PracticeLogEntry> practice_log_since(int64_t from_ms);
  // Ratings with from_ms <= at < to_ms; of them, those that started a tune
  // (its card was New before).
  int ratings_between(int64_t from_ms, int64_t to_ms);
  int new_started_between(int64_t from_ms, int64_t to_ms);
  // The frozen queue of a day ("YYYY-MM-DD"): nothing when none was saved
  // for that day (an empty queue saved is an empty list). Saving replaces
  // whatever other day was kept.
  std::optional<std::vector<QueueItem>> saved_practice_queue(const std::string& day);
  void save_practice_queue(const std::string& day, const std::vector<QueueItem>& queue);
  // Today's queue: the one saved for today (if not empty), less tunes removed
  // since; otherwise built (core's build_practice_queue) and saved, so a
  // reload gets the same queue.
  std::vector<QueueItem> todays_practice_queue(int64_t now_ms, int utc_offset_minutes, const PracticeLimits& limits);
  // The limits kept in settings ("practice.per_day", "practice.new_per_day";
  // defaults when unset or unreadable). Setting checks per_day in
  // 1..kMaxPracticePerDay and new_per_day in 0..per_day (StoreError with a
  // message a person can act on, nothing written). Today's saved queue stays
  // as it was made: new limits shape the next day's.
  PracticeLimits practice_limits();
  void set_practice_limits(const PracticeLimits& limits);
  // FSRS defaults with the target retention kept in "practice.retention";
  // setting it checks kFsrsMinRetention..kFsrsMaxRetention (StoreError).
  FsrsParameters practice_parameters();
  void set_practice_retention(double retention);
  // Everything practice keeps, for export: every card, and the log of the
  // tunes still collected (rows of removed tunes stay here as history).
  PracticeData practice_data();

  // The change log (shell/change_log.h): every write method above appends,
  // in its own transaction, one record of what it changed.
  std::vector<ChangeRecord> change_log(int64_t after_seq = 0, int64_t limit = INT64_MAX);
  // Makes another database's record here, in ONE transaction, and appends it
  // to this log unchanged (its stamp and device kept): replaying a whole log
  // into an empty database rebuilds that database. StoreError when the
  // record does not fit (an unknown field, say); nothing is written then.
  void replay(const ChangeRecord& record);
  const std::string& device_id() const { return device_; }
  // The device sync (shell/device_sync.cpp; store_devices.cpp): everything
  // the log covers as one record's changes (what a merge is compared with),
  // and a merge's changes made here, inside as_one_change (StoreError when
  // one does not fit; the change then writes nothing).
  nlohmann::json everything_as_changes();
  void make_changes(const nlohmann::json& changes);
  // Another device's stamp seen: this device's next change is stamped after
  // it, however slow this clock is (the hybrid clock's receive).
  void observe_stamp(const HlcStamp& remote);
  // Runs `work` as ONE change named `action`: the write methods it calls join
  // it, so an action made of several writes is one transaction and one
  // record (nothing of it is kept when `work` throws). Returns what work does.
  template <typename Work>
  auto as_one_change(std::string_view action, Work&& work) {
    Change tx(*this, action);
    auto result = work();
    tx.commit();
    return result;
  }
  // SQLite's own handle, for benchmarks that count the statements an action runs.
  sqlite3* sqlite_handle() { return db_.handle(); }
  // The newest record's seq (0 for an empty log) and the actions of the
  // newest `count` records, oldest first: cheap, for the page's snapshot.
  std::pair<int64_t, std::vector<std::string>> recent_changes(int count);

  // Progress: ratings per musician's day ("YYYY-MM-DD") since from_ms, for
  // the offset given. (Tunes learned per month come from the collection:
  // core/practice.h's learned_per_month.)
  std::map<std::string, int> reviews_per_day(int64_t from_ms, int utc_offset_minutes);

 private:
  // One action's transaction: commits its rows together with the record of
  // what they changed. A Change begun inside another joins it (the outer
  // action names the record).
  class Change {
   public:
    Change(Store& store, std::string_view action);
    ~Change();
    Change(const Change&) = delete;
    Change& operator=(const Change&) = delete;
    void commit();

   private:
    Store& store_;
    std::string action_;
    std::optional<Transaction> tx_;  // only the outermost has one
    bool done_ = false;
  };

  void migrate();
  void start_change_log();  // the device id, and the hook that sees what each Change touches
  void append_record(std::string_view action, const nlohmann::json& changes);
  ApplyOutcome write_sync_plan(const std::vector<TuneSummary>& fetched, LearnStatus default_status,
                               const std::function<void(double)>& progress);
  bool update_entry(std::string_view action, int64_t tune_id, const std::function<void(CollectionEntry&)>& change);
  void forget_practice_of(int64_t tune_id);  // its card goes, its log rows stay marked removed
  void ensure_tune_row(const TuneSummary& tune);
  // New collection rows, each with `status` (and its learned date) as of
  // now_ms; a tune already collected is left as it is. `step` is called per row.
  void add_new_entries(const std::vector<int64_t>& tune_ids, LearnStatus status, std::string_view source,
                       bool in_tunebook, int64_t now_ms, const std::function<void()>& step);
  ImportSummary merge_entries(const std::vector<CollectionEntry>& entries);
  void merge_practice(const PracticeData& practice, ImportSummary& summary);
  void check_rating_inputs(Rating rating, const FsrsParameters& params, int64_t now_ms);
  // One rating's card and log row, inside the caller's transaction.
  RatingOutcome write_rating(const CollectionEntry& collected, Rating rating, const FsrsParameters& params,
                             int64_t now_ms, std::optional<int64_t> set_id);
  void write_tune_details(const TuneDetails& details);
  void merge_sets(const std::vector<TuneSet>& sets, ImportSummary& summary);
  void write_practice_queue(const std::string& day, const std::vector<QueueItem>& queue);

  Database db_;
  // The tables (shell/tables/): rows only; the methods above are the changes over them.
  CollectionTable collection_{db_};
  TuneTable tunes_{db_};
  SettingsTable settings_{db_};
  SyncRunTable sync_runs_{db_};
  CardTable cards_{db_};
  RatingLog log_{db_};
  DayQueueTable days_{db_};
  SetTable sets_{db_};
  Clock clock_;
  std::string device_;
  HlcStamp last_stamp_;  // the largest stamp in the log: each new one comes after it
  std::unique_ptr<TouchedRows> touched_;
  int change_depth_ = 0;
};

}  // namespace tt
