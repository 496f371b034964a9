#include "shell/change_log.h"

#include <random>

namespace tt {
namespace {

using nlohmann::json;

// A column's value as JSON: the type SQLite holds is kept (a REAL stays a
// floating-point number, so a card's stability comes back to the bit).
json column_value(const Statement& s, int column) {
  switch (s.column_type(column)) {
    case SQLITE_INTEGER: return s.int_at(column);
    case SQLITE_FLOAT: return s.double_at(column);
    case SQLITE_TEXT: return s.text_at(column);
    case SQLITE_NULL: return nullptr;
    default: throw StoreError("column " + s.column_name(column) + " holds bytes, which the change log cannot keep");
  }
}

json row_object(const Statement& s) {
  json row = json::object();
  for (int c = 0; c < s.column_count(); ++c) row[s.column_name(c)] = column_value(s, c);
  return row;
}

std::string sql_name(std::string_view name) { return "\"" + std::string(name) + "\""; }

// A set's entries, in playing order, without their set id (the set says it).
constexpr const char* kSetEntriesQuery =
    "SELECT position, tune_id, setting_id, key FROM set_entry WHERE set_id = ?1 ORDER BY position";
json set_entries(Statement& s, int64_t set_id) {  // s: kSetEntriesQuery, reused set after set
  s.bind(1, set_id);
  json entries = json::array();
  while (s.step()) entries.push_back(row_object(s));
  s.reset();
  return entries;
}

// Things of one kind as they are now, read by key through one statement (a
// sync touches thousands of rows: preparing one per row cost a third).
class CurrentRows {
 public:
  CurrentRows(Database& db, const ChangeKind& kind)
      : kind_(kind),
        row_(db.handle(), "SELECT * FROM " + sql_name(kind.table) + " WHERE " + sql_name(kind.key) + " = ?1"),
        entries_(kind.name == "sets" ? std::make_unique<Statement>(db.handle(), kSetEntriesQuery) : nullptr) {}

  // The thing whose key is `id`, or null when it is gone.
  json operator()(int64_t id) {
    row_.bind(1, id);
    json row = row_.step() ? row_object(row_) : json(nullptr);
    row_.reset();
    if (!row.is_null() && entries_) row["entries"] = set_entries(*entries_, id);
    return row;
  }

 private:
  const ChangeKind& kind_;
  Statement row_;
  std::unique_ptr<Statement> entries_;  // sets only
};

bool is_settings(const ChangeKind& kind) { return kind.name == "settings"; }

json all_rows(Database& db, const ChangeKind& kind) {
  Statement s(db.handle(), "SELECT * FROM " + sql_name(kind.table) + " ORDER BY rowid");
  Statement entries(db.handle(), kSetEntriesQuery);
  json rows = json::array();
  while (s.step()) {
    json row = row_object(s);
    if (is_settings(kind) && is_device_setting(row.value("key", ""))) continue;
    if (kind.name == "sets") row["entries"] = set_entries(entries, row["id"].get<int64_t>());
    rows.push_back(std::move(row));
  }
  return rows;
}

// The table's columns, for checking a replayed row's fields.
std::set<std::string> columns_of(Database& db, std::string_view table) {
  Statement s(db.handle(), "SELECT name FROM pragma_table_info(?1)");
  s.bind(1, table);
  std::set<std::string> out;
  while (s.step()) out.insert(s.text_at(0));
  return out;
}

void bind_value(Statement& s, int index, const json& value, const std::string& where) {
  if (value.is_null()) s.bind_null(index);
  else if (value.is_boolean()) s.bind(index, int64_t{value.get<bool>() ? 1 : 0});
  else if (value.is_number_integer()) s.bind(index, value.get<int64_t>());
  else if (value.is_number_float()) s.bind(index, value.get<double>());
  else if (value.is_string()) s.bind(index, value.get<std::string>());
  else throw StoreError(where + " must be a number, a string or null");
}

// Writes one row as given: inserted, or the existing one with the same key
// replaced field by field (an upsert, not REPLACE, which would delete the
// row first and take a set's entries and queue rows with it).
void put_row(Database& db, std::string_view table, std::string_view key, const json& row,
             const std::set<std::string>& columns, const std::string& where) {
  std::string names, params, updates;
  std::vector<std::pair<std::string, const json*>> values;
  for (const auto& [field, value] : row.items()) {
    if (field == "entries" && table == "tune_set") continue;
    if (!columns.count(field)) throw StoreError(where + " has an unknown field \"" + field + "\"");
    values.emplace_back(field, &value);
    if (!names.empty()) names += ", ", params += ", ";
    names += sql_name(field);
    params += "?" + std::to_string(values.size());
    if (field != key) updates += (updates.empty() ? "" : ", ") + sql_name(field) + " = excluded." + sql_name(field);
  }
  if (!key.empty() && !row.contains(std::string(key))) throw StoreError(where + " has no \"" + std::string(key) + "\"");
  std::string sql = "INSERT INTO " + sql_name(table) + " (" + names + ") VALUES (" + params + ")";
  if (!key.empty()) sql += " ON CONFLICT(" + sql_name(key) + ") DO " + (updates.empty() ? "NOTHING" : "UPDATE SET " + updates);
  Statement& s = db.prepared(sql);  // rows of a kind share their fields: one statement serves them all
  for (size_t i = 0; i < values.size(); ++i) {
    bind_value(s, static_cast<int>(i + 1), *values[i].second, where + "." + values[i].first);
  }
  s.run();
}

void put_set_entries(Database& db, int64_t set_id, const json& entries, const std::string& where) {
  if (!entries.is_array()) throw StoreError(where + ".entries must be an array");
  Statement clear(db.handle(), "DELETE FROM set_entry WHERE set_id = ?1");
  clear.bind(1, set_id).run();
  static const std::set<std::string> kEntryFields = {"position", "tune_id", "setting_id", "key"};
  for (const auto& entry : entries) {
    if (!entry.is_object()) throw StoreError(where + ".entries must hold objects");
    json row = entry;
    row["set_id"] = set_id;
    for (const auto& [field, value] : entry.items()) {
      if (!kEntryFields.count(field)) throw StoreError(where + ".entries has an unknown field \"" + field + "\"");
    }
    put_row(db, "set_entry", "", row, columns_of(db, "set_entry"), where + ".entries");
  }
}

// Every setting but this device's own (core's is_device_setting says which).
void forget_shared_settings(Database& db) {
  std::vector<std::string> shared;
  {
    Statement keys(db.handle(), "SELECT key FROM setting");
    while (keys.step()) {
      if (!is_device_setting(keys.text_at(0))) shared.push_back(keys.text_at(0));
    }
  }
  Statement forget(db.handle(), "DELETE FROM setting WHERE key = ?1");
  for (const auto& key : shared) {
    forget.bind(1, key);
    forget.run();
  }
}

void replay_kind(Database& db, const ChangeKind& kind, const json& value) {
  const std::string where = "changes." + std::string(kind.name);
  const std::set<std::string> columns = columns_of(db, kind.table);
  if (kind.key.empty()) {
    // WHERE: the update hook sees every row go. This device's own settings stay.
    if (is_settings(kind)) {
      forget_shared_settings(db);
    } else {
      db.exec("DELETE FROM " + sql_name(kind.table) + " WHERE 1");
    }
    for (const auto& row : value.value("all", json::array())) {
      if (is_settings(kind) && (!row.contains("key") || !row["key"].is_string() || is_device_setting(row["key"].get<std::string>()))) {
        throw StoreError(where + " holds a setting that is not a shared one: " + row.dump().substr(0, 80));
      }
      put_row(db, kind.table, "", row, columns, where);
    }
    return;
  }
  for (const auto& id : value.value("removed", json::array())) {
    db.prepared("DELETE FROM " + sql_name(kind.table) + " WHERE " + sql_name(kind.key) + " = ?1").bind(1, id.get<int64_t>()).run();
  }
  for (const auto& row : value.value("put", json::array())) {
    put_row(db, kind.table, kind.key, row, columns, where);
    if (kind.name == "sets") put_set_entries(db, row.at("id").get<int64_t>(), row.value("entries", json::array()), where);
  }
}

// True when every touched setting row is one of this device's own.
bool only_device_settings(Database& db, const std::set<int64_t>& rowids) {
  Statement s(db.handle(), "SELECT key FROM setting WHERE rowid = ?1");
  for (const int64_t rowid : rowids) {
    s.bind(1, rowid);
    const bool own = s.step() && is_device_setting(s.text_at(0));
    s.reset();
    if (!own) return false;
  }
  return true;
}

}  // namespace

TouchedRows::TouchedRows(Database& db) : db_(db) { sqlite3_update_hook(db_.handle(), &TouchedRows::on_update, this); }

TouchedRows::~TouchedRows() { sqlite3_update_hook(db_.handle(), nullptr, nullptr); }

void TouchedRows::on_update(void* self, int, const char* database, const char* table, sqlite3_int64 rowid) {
  if (std::string_view(database) != "main") return;
  static_cast<TouchedRows*>(self)->rows_[table].insert(rowid);
}

json changes_of(Database& db, const std::map<std::string, std::set<int64_t>>& touched) {
  json changes = json::object();
  // A set's entries change with the set (each set write moves its changed
  // date); should one ever not, every set is recorded rather than none.
  const bool entries_alone = touched.count("set_entry") && !touched.count("tune_set");
  for (const ChangeKind& kind : change_kinds()) {
    const auto rows = touched.find(std::string(kind.table));
    const bool all_sets = kind.name == "sets" && entries_alone;
    if (rows == touched.end() && !all_sets) continue;
    if (is_settings(kind) && only_device_settings(db, rows->second)) continue;
    if (kind.key.empty() || all_sets) {
      changes[std::string(kind.name)] = kind.key.empty() ? json{{"all", all_rows(db, kind)}}
                                                         : json{{"put", all_rows(db, kind)}};
      continue;
    }
    // The key of a keyed kind is its INTEGER PRIMARY KEY: the rowid itself.
    json put = json::array(), removed = json::array();
    CurrentRows current(db, kind);
    for (const int64_t id : rows->second) {
      json row = current(id);
      if (row.is_null()) removed.push_back(id);
      else put.push_back(std::move(row));
    }
    json value = json::object();
    if (!put.empty()) value["put"] = std::move(put);
    if (!removed.empty()) value["removed"] = std::move(removed);
    changes[std::string(kind.name)] = std::move(value);
  }
  return changes;
}

json changes_of_everything(Database& db) {
  json changes = json::object();
  for (const ChangeKind& kind : change_kinds()) {
    json rows = all_rows(db, kind);
    if (rows.empty()) continue;
    changes[std::string(kind.name)] = json{{kind.key.empty() ? "all" : "put", std::move(rows)}};
  }
  return changes;
}

int64_t append_change(Database& db, const ChangeRecord& r) {
  Statement s(db.handle(), "INSERT INTO change_log (hlc, device, action, changes) VALUES (?1, ?2, ?3, ?4)");
  s.bind(1, to_string(r.hlc)).bind(2, r.device).bind(3, r.action).bind(4, r.changes.dump()).run();
  return sqlite3_last_insert_rowid(db.handle());
}

std::vector<ChangeRecord> read_change_log(Database& db, int64_t after, int64_t limit) {
  Statement s(db.handle(),
              "SELECT seq, hlc, device, action, changes FROM change_log WHERE seq > ?1 ORDER BY seq LIMIT ?2");
  s.bind(1, after).bind(2, limit);
  std::vector<ChangeRecord> out;
  while (s.step()) {
    json doc = {{"seq", s.int_at(0)}, {"hlc", s.text_at(1)}, {"device", s.text_at(2)}, {"action", s.text_at(3)},
                {"changes", json::parse(s.text_at(4), nullptr, false)}};
    auto record = parse_change_record(doc);
    if (!record) throw StoreError("change " + std::to_string(s.int_at(0)) + " of the log is damaged: " + record.error);
    out.push_back(std::move(*record));
  }
  return out;
}

void replay_changes(Database& db, const json& changes) {
  for (const ChangeKind& kind : change_kinds()) {
    const auto value = changes.find(std::string(kind.name));
    if (value != changes.end()) replay_kind(db, kind, *value);
  }
}

std::string device_id(Database& db) {
  {
    Statement s(db.handle(), "SELECT id FROM device LIMIT 1");
    if (s.step()) return s.text_at(0);
  }
  std::random_device random;  // the OS's entropy (crypto.getRandomValues in the browser)
  static const char* kHex = "0123456789abcdef";
  std::string id;
  for (int i = 0; i < 32; ++i) id += kHex[random() % 16];
  Statement s(db.handle(), "INSERT INTO device (id) VALUES (?1)");
  s.bind(1, id).run();
  return id;
}

HlcStamp last_stamp(Database& db) {
  // The largest, not the newest: a replayed record from another device may
  // be older than ours (the text is zero-padded, so text order is stamp order).
  Statement s(db.handle(), "SELECT MAX(hlc) FROM change_log");
  if (!s.step() || s.is_null(0)) return {};
  const auto stamp = parse_hlc(s.text_at(0));
  if (!stamp) throw StoreError("the change log's newest stamp is damaged: " + stamp.error);
  return *stamp;
}

}  // namespace tt
