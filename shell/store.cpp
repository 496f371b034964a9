// The store: opening and migrating the file, and the collection's, tunes'
// and settings' operations, each one change over the tables (shell/tables/).
#include "shell/store.h"

#include <nlohmann/json.hpp>

#include "shell/store_schema.h"

namespace tt {
using nlohmann::json;

Store::Store(const std::string& path, Clock clock) : db_(path), clock_(std::move(clock)) {
  try {
    db_.exec("PRAGMA foreign_keys = ON");
    migrate();
    start_change_log();
  } catch (const StoreError& e) {
    throw StoreError("The database " + path + " cannot be used (" + e.what() +
                     "). It may be damaged or not a tunetrack database; it was left untouched.");
  }
}

void Store::tune_for_in_memory_file() {
  db_.exec("PRAGMA journal_mode = MEMORY");
  db_.exec("PRAGMA locking_mode = EXCLUSIVE");
}

std::string Store::sqlite_version() { return sqlite3_libversion(); }

int Store::schema_version() {
  Statement s(db_.handle(), "PRAGMA user_version");
  s.step();
  return static_cast<int>(s.int_at(0));
}

void Store::migrate() {
  const int current = schema_version();
  if (current > kSchemaVersion) {
    throw StoreError("it was written by a newer tunetrack (schema " + std::to_string(current) +
                     ", this one knows up to " + std::to_string(kSchemaVersion) + ")");
  }
  for (int version = current + 1; version <= kSchemaVersion; ++version) {
    Transaction tx(db_);
    db_.exec(kMigrations[static_cast<size_t>(version - 1)]);
    if (version == kChangeLogVersion) {
      // What was collected before the log existed becomes its first record.
      const json everything = changes_of_everything(db_);
      if (!everything.empty()) append_record("baseline", everything);
    }
    db_.exec("PRAGMA user_version = " + std::to_string(version));
    tx.commit();
  }
}

std::string Store::integrity_check() {
  Statement s(db_.handle(), "PRAGMA integrity_check");
  std::string report;
  while (s.step()) {
    if (!report.empty()) report += "; ";
    report += s.text_at(0);
  }
  return report;
}

std::vector<CollectionEntry> Store::list_collection() { return collection_.all(); }

std::optional<CollectionEntry> Store::entry(int64_t tune_id) { return collection_.get(tune_id); }

void Store::ensure_tune_row(const TuneSummary& tune) { tunes_.ensure(tune); }

bool Store::add_tune(const TuneSummary& tune, LearnStatus status, const std::string& source) {
  Change tx(*this, "add_tune");
  tunes_.ensure(tune);
  const int64_t now = clock_();
  CollectionEntry fresh;
  change_status(fresh, status, now);
  const bool added = collection_.insert(tune.id, fresh, source, false, now);
  tx.commit();
  return added;
}

bool Store::remove_tune(int64_t tune_id) {
  Change tx(*this, "remove_tune");
  if (!collection_.remove(tune_id)) return false;
  // Its practice goes with it (a re-added tune starts fresh); the log stays
  // as history, never to be restored into a card.
  forget_practice_of(tune_id);
  tx.commit();
  return true;
}


bool Store::update_entry(std::string_view action, int64_t tune_id, const std::function<void(CollectionEntry&)>& change) {
  Change tx(*this, action);
  auto current = entry(tune_id);
  if (!current) return false;
  change(*current);
  collection_.update(*current);
  tx.commit();
  return true;
}

bool Store::set_status(int64_t tune_id, LearnStatus status) {
  return update_entry("set_status", tune_id, [&](CollectionEntry& e) { change_status(e, status, clock_()); });
}

bool Store::heard(int64_t tune_id, bool undo) {
  return update_entry(undo ? "undo_heard" : "heard", tune_id, [&](CollectionEntry& e) {
    undo ? undo_heard(e, clock_()) : heard_once_more(e, clock_());
  });
}

bool Store::set_notes(int64_t tune_id, const std::string& notes) {
  return update_entry("set_notes", tune_id, [&](CollectionEntry& e) { tt::set_notes(e, notes, clock_()); });
}

bool Store::choose_setting(int64_t tune_id, int64_t setting_id) {
  return update_entry("choose_setting", tune_id, [&](CollectionEntry& e) { tt::choose_setting(e, setting_id, clock_()); });
}

void Store::save_tune_details(const TuneDetails& d) {
  Change tx(*this, "save_tune_details");
  write_tune_details(d);
  tx.commit();
}

void Store::write_tune_details(const TuneDetails& d) { tunes_.write_details(d, clock_()); }

std::optional<TuneDetails> Store::tune_details(int64_t tune_id) { return tunes_.details(tune_id); }

TuneTable::MusicKept Store::music_kept() { return tunes_.music_kept(); }

std::vector<int64_t> Store::collected_without_music(int64_t after, int n) {
  return tunes_.collected_without_music(after, n);
}

std::optional<std::string> Store::setting(const std::string& key) { return settings_.get(key); }

void Store::set_setting(const std::string& key, const std::string& value) { set_settings({{key, value}}); }

void Store::set_settings(const std::vector<std::pair<std::string, std::string>>& settings) {
  Change tx(*this, "set_setting");
  settings_.put(settings);
  tx.commit();
}


ImportSummary Store::import_entries(const std::vector<CollectionEntry>& entries) {
  return import_entries(entries, PracticeData{});
}

ImportSummary Store::import_entries(const std::vector<CollectionEntry>& entries, const PracticeData& practice) {
  return import_entries(entries, practice, {});
}

ImportSummary Store::import_entries(const std::vector<CollectionEntry>& entries, const PracticeData& practice,
                                    const std::vector<TuneSet>& sets) {
  Change tx(*this, "import");
  ImportSummary summary = merge_entries(entries);
  merge_practice(practice, summary);
  merge_sets(sets, summary);
  tx.commit();
  return summary;
}

ImportSummary Store::merge_entries(const std::vector<CollectionEntry>& entries) {
  ImportSummary summary;
  const int64_t now = clock_();
  for (const auto& e : entries) {
    const auto existing = collection_.get(e.tune_id);
    const ImportDecision decision = decide_import(existing ? &*existing : nullptr, e);
    if (decision == ImportDecision::Unchanged) {
      ++summary.unchanged;
    } else if (decision == ImportDecision::Conflict) {
      ++summary.conflicts;
      summary.messages.push_back(import_conflict_message(*existing));
    } else {
      tunes_.ensure({e.tune_id, e.name, e.type, e.url});
      collection_.insert_imported(e, now);
      ++summary.added;
    }
  }
  return summary;
}

}  // namespace tt
