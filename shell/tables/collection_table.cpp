#include "shell/tables/collection_table.h"

#include "shell/tables/json_column.h"

namespace tt {
namespace {

constexpr const char* kEntryColumns =
    "c.tune_id, t.name, t.type, t.key, t.url, t.tunebooks, t.aliases, c.learn_status, c.heard_count, "
    "c.learned_at, c.notes, c.created_at, c.updated_at, c.source, c.in_tunebook, c.setting_id "
    "FROM collection c JOIN tune t ON t.id = c.tune_id";

CollectionEntry read_entry(const Statement& s) {  // kEntryColumns
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

std::vector<CollectionEntry> CollectionTable::all() {
  Statement s(db_.handle(), std::string("SELECT ") + kEntryColumns + " ORDER BY c.tune_id");
  std::vector<CollectionEntry> out;
  while (s.step()) out.push_back(read_entry(s));
  return out;
}

std::optional<CollectionEntry> CollectionTable::get(int64_t tune_id) {
  Statement s(db_.handle(), std::string("SELECT ") + kEntryColumns + " WHERE c.tune_id = ?1");
  s.bind(1, tune_id);
  if (!s.step()) return std::nullopt;
  return read_entry(s);
}

std::unordered_set<int64_t> CollectionTable::ids() {
  Statement s(db_.handle(), "SELECT tune_id FROM collection");
  std::unordered_set<int64_t> out;
  while (s.step()) out.insert(s.int_at(0));
  return out;
}

std::unordered_map<int64_t, bool> CollectionTable::in_tunebook_flags() {
  Statement s(db_.handle(), "SELECT tune_id, in_tunebook FROM collection");
  std::unordered_map<int64_t, bool> out;
  while (s.step()) out.emplace(s.int_at(0), s.int_at(1) != 0);
  return out;
}

std::vector<CollectionEntry> CollectionTable::practice_candidates() {
  Statement s(db_.handle(),
              "SELECT tune_id, learn_status, created_at FROM collection WHERE learn_status != 'want_to_learn'");
  std::vector<CollectionEntry> out;
  while (s.step()) {
    CollectionEntry e;
    e.tune_id = s.int_at(0);
    e.status = parse_learn_status(s.text_at(1)).value_or(LearnStatus::WantToLearn);
    e.created_at_ms = s.int_at(2);
    out.push_back(std::move(e));
  }
  return out;
}

bool CollectionTable::insert(int64_t tune_id, const CollectionEntry& fresh, std::string_view source, bool in_tunebook,
                             int64_t now_ms) {
  Statement& s = db_.prepared(
      "INSERT OR IGNORE INTO collection (tune_id, learn_status, learned_at, created_at, updated_at, source, "
      "in_tunebook) VALUES (?1, ?2, ?3, ?4, ?4, ?5, ?6)");
  s.bind(1, tune_id).bind(2, to_string(fresh.status)).bind(3, fresh.learned_at_ms).bind(4, now_ms).bind(5, source)
      .bind(6, int64_t{in_tunebook ? 1 : 0}).run();
  return db_.changes() > 0;
}

void CollectionTable::insert_imported(const CollectionEntry& e, int64_t now_ms) {
  Statement& s = db_.prepared(
      "INSERT INTO collection (tune_id, learn_status, heard_count, learned_at, notes, created_at, "
      "updated_at, source, in_tunebook, setting_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'import', 0, ?8)");
  s.bind(1, e.tune_id).bind(2, to_string(e.status)).bind(3, e.heard_count).bind(4, e.learned_at_ms)
      .bind(5, e.notes).bind(6, e.created_at_ms > 0 ? e.created_at_ms : now_ms)
      .bind(7, e.updated_at_ms > 0 ? e.updated_at_ms : now_ms).bind(8, e.setting_id).run();
}

void CollectionTable::update(const CollectionEntry& e) {
  Statement s(db_.handle(),
              "UPDATE collection SET learn_status = ?2, heard_count = ?3, learned_at = ?4, notes = ?5, "
              "updated_at = ?6, setting_id = ?7 WHERE tune_id = ?1");
  s.bind(1, e.tune_id).bind(2, to_string(e.status)).bind(3, e.heard_count).bind(4, e.learned_at_ms)
      .bind(5, e.notes).bind(6, e.updated_at_ms).bind(7, e.setting_id).run();
}

bool CollectionTable::remove(int64_t tune_id) {
  Statement s(db_.handle(), "DELETE FROM collection WHERE tune_id = ?1");
  s.bind(1, tune_id).run();
  return db_.changes() > 0;
}

void CollectionTable::set_in_tunebook(int64_t tune_id, bool in_tunebook) {
  Statement& s = db_.prepared("UPDATE collection SET in_tunebook = ?2 WHERE tune_id = ?1");
  s.bind(1, tune_id).bind(2, int64_t{in_tunebook ? 1 : 0}).run();
}

}  // namespace tt
