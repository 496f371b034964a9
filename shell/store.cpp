#include "shell/store.h"

#include <nlohmann/json.hpp>
#include <unordered_map>
#include <unordered_set>

#include "shell/store_json.h"
#include "shell/store_schema.h"

namespace tt {
namespace {

using nlohmann::json;

constexpr const char* kEntryColumns =
    "c.tune_id, t.name, t.type, t.key, t.url, t.tunebooks, t.aliases, c.learn_status, c.heard_count, "
    "c.learned_at, c.notes, c.created_at, c.updated_at, c.source, c.in_tunebook, c.setting_id "
    "FROM collection c JOIN tune t ON t.id = c.tune_id";


CollectionEntry read_entry(const Statement& s) {
  CollectionEntry e;
  e.tune_id = s.int_at(0);
  e.name = s.text_at(1);
  e.type = s.text_at(2);
  e.key = s.text_at(3);
  e.url = s.text_at(4);
  e.tunebooks = static_cast<int>(s.int_at(5));
  e.aliases = json_strings(s.text_at(6));
  e.status = parse_learn_status(s.text_at(7)).value_or(LearnStatus::WantToLearn);
  e.heard_count = static_cast<int>(s.int_at(8));
  if (!s.is_null(9)) e.learned_at_ms = s.int_at(9);
  e.notes = s.text_at(10);
  e.created_at_ms = s.int_at(11);
  e.updated_at_ms = s.int_at(12);
  e.source = s.text_at(13);
  e.in_tunebook = s.int_at(14) != 0;
  if (!s.is_null(15)) e.setting_id = s.int_at(15);
  return e;
}

}  // namespace

std::vector<std::string> json_strings(const std::string& text) {
  std::vector<std::string> out;
  if (text == "[]") return out;  // most tunes: no parse (a queue reads 10,000 of them)
  const json doc = json::parse(text, nullptr, false);
  if (doc.is_array()) {
    for (const auto& v : doc) if (v.is_string()) out.push_back(v.get<std::string>());
  }
  return out;
}

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

std::vector<CollectionEntry> Store::list_collection() {
  Statement s(db_.handle(), std::string("SELECT ") + kEntryColumns + " ORDER BY c.tune_id");
  std::vector<CollectionEntry> out;
  while (s.step()) out.push_back(read_entry(s));
  return out;
}

std::optional<CollectionEntry> Store::entry(int64_t tune_id) {
  Statement s(db_.handle(), std::string("SELECT ") + kEntryColumns + " WHERE c.tune_id = ?1");
  s.bind(1, tune_id);
  if (!s.step()) return std::nullopt;
  return read_entry(s);
}

void Store::ensure_tune_row(const TuneSummary& tune) {
  Statement s(db_.handle(), "INSERT OR IGNORE INTO tune (id, name, type, url) VALUES (?1, ?2, ?3, ?4)");
  s.bind(1, tune.id).bind(2, tune.name).bind(3, tune.type).bind(4, tune.url).run();
}

bool Store::add_tune(const TuneSummary& tune, LearnStatus status, const std::string& source) {
  Change tx(*this, "add_tune");
  ensure_tune_row(tune);
  const int64_t now = clock_();
  CollectionEntry e;
  change_status(e, status, now);
  Statement s(db_.handle(),
              "INSERT OR IGNORE INTO collection (tune_id, learn_status, learned_at, created_at, updated_at, source, "
              "in_tunebook) VALUES (?1, ?2, ?3, ?4, ?4, ?5, 0)");
  s.bind(1, tune.id).bind(2, to_string(e.status)).bind(3, e.learned_at_ms).bind(4, now).bind(5, source).run();
  const bool added = db_.changes() > 0;
  tx.commit();
  return added;
}

bool Store::remove_tune(int64_t tune_id) {
  Change tx(*this, "remove_tune");
  Statement s(db_.handle(), "DELETE FROM collection WHERE tune_id = ?1");
  s.bind(1, tune_id).run();
  if (db_.changes() == 0) return false;
  // Its practice goes with it (a re-added tune starts fresh); the log stays
  // as history, never to be restored into a card.
  Statement card(db_.handle(), "DELETE FROM practice_card WHERE tune_id = ?1");
  card.bind(1, tune_id).run();
  Statement log(db_.handle(), "UPDATE practice_log SET tune_removed = 1 WHERE tune_id = ?1");
  log.bind(1, tune_id).run();
  tx.commit();
  return true;
}

void Store::write_entry(const CollectionEntry& e) {
  Statement s(db_.handle(),
              "UPDATE collection SET learn_status = ?2, heard_count = ?3, learned_at = ?4, notes = ?5, "
              "updated_at = ?6, setting_id = ?7 WHERE tune_id = ?1");
  s.bind(1, e.tune_id).bind(2, to_string(e.status)).bind(3, e.heard_count).bind(4, e.learned_at_ms)
      .bind(5, e.notes).bind(6, e.updated_at_ms).bind(7, e.setting_id).run();
}

bool Store::update_entry(std::string_view action, int64_t tune_id, const std::function<void(CollectionEntry&)>& change) {
  Change tx(*this, action);
  auto current = entry(tune_id);
  if (!current) return false;
  change(*current);
  write_entry(*current);
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

void Store::write_tune_details(const TuneDetails& d) {
  json settings = json::array();
  for (const auto& s : d.settings) settings.push_back({{"id", s.id}, {"key", s.key}, {"abc", s.abc}});
  const std::string key = d.settings.empty() ? std::string() : d.settings.front().key;
  ensure_tune_row({d.id, d.name, d.type, d.url});
  Statement s(db_.handle(),
              "UPDATE tune SET name = ?2, type = ?3, url = ?4, key = ?5, tunebooks = ?6, aliases = ?7, "
              "settings = ?8, details_fetched_at = ?9 WHERE id = ?1");
  s.bind(1, d.id).bind(2, d.name).bind(3, d.type).bind(4, d.url).bind(5, key).bind(6, d.tunebooks)
      .bind(7, json(d.aliases).dump()).bind(8, settings.dump()).bind(9, clock_()).run();
}

std::optional<TuneDetails> Store::tune_details(int64_t tune_id) {
  Statement s(db_.handle(),
              "SELECT id, name, type, url, tunebooks, aliases, settings FROM tune "
              "WHERE id = ?1 AND details_fetched_at IS NOT NULL");
  s.bind(1, tune_id);
  if (!s.step()) return std::nullopt;
  TuneDetails d;
  d.id = s.int_at(0);
  d.name = s.text_at(1);
  d.type = s.text_at(2);
  d.url = s.text_at(3);
  d.tunebooks = static_cast<int>(s.int_at(4));
  d.aliases = json_strings(s.text_at(5));
  const json settings = json::parse(s.text_at(6), nullptr, false);
  if (settings.is_array()) {
    for (const auto& o : settings) {
      if (!o.is_object()) continue;
      d.settings.push_back({o.value("id", int64_t{0}), o.value("key", ""), o.value("abc", "")});
    }
  }
  return d;
}

std::optional<std::string> Store::setting(const std::string& key) {
  Statement s(db_.handle(), "SELECT value FROM setting WHERE key = ?1");
  s.bind(1, key);
  if (!s.step()) return std::nullopt;
  return s.text_at(0);
}

void Store::set_setting(const std::string& key, const std::string& value) { set_settings({{key, value}}); }

void Store::set_settings(const std::vector<std::pair<std::string, std::string>>& settings) {
  Change tx(*this, "set_setting");
  Statement s(db_.handle(),
              "INSERT INTO setting (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  for (const auto& [key, value] : settings) {
    s.bind(1, key).bind(2, value).run();
  }
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
  Statement insert(db_.handle(),
                   "INSERT INTO collection (tune_id, learn_status, heard_count, learned_at, notes, created_at, "
                   "updated_at, source, in_tunebook, setting_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'import', 0, ?8)");
  for (const auto& e : entries) {
    const auto existing = entry(e.tune_id);
    const ImportDecision decision = decide_import(existing ? &*existing : nullptr, e);
    if (decision == ImportDecision::Unchanged) {
      ++summary.unchanged;
      continue;
    }
    if (decision == ImportDecision::Conflict) {
      ++summary.conflicts;
      summary.messages.push_back(import_conflict_message(*existing));
      continue;
    }
    ensure_tune_row({e.tune_id, e.name, e.type, e.url});
    insert.bind(1, e.tune_id).bind(2, to_string(e.status)).bind(3, e.heard_count).bind(4, e.learned_at_ms)
        .bind(5, e.notes).bind(6, e.created_at_ms > 0 ? e.created_at_ms : now)
        .bind(7, e.updated_at_ms > 0 ? e.updated_at_ms : now).bind(8, e.setting_id).run();
    ++summary.added;
  }
  return summary;
}

}  // namespace tt
