#include "shell/device_sync_state.h"

#include <nlohmann/json.hpp>

namespace tt {
namespace {

using nlohmann::json;

json parsed_or(const std::optional<std::string>& text, json fallback) {
  if (!text) return fallback;
  json value = json::parse(*text, nullptr, false);
  return value.is_discarded() ? fallback : value;
}

}  // namespace

DeviceSyncState::DeviceSyncState(sqlite3* db) : db_(db) {
  for (const char* sql : {
           "CREATE TABLE IF NOT EXISTS device_sync_file (device TEXT NOT NULL, name TEXT NOT NULL, text TEXT NOT NULL, "
           "PRIMARY KEY (device, name))",
           "CREATE TABLE IF NOT EXISTS device_sync_uid (kind TEXT NOT NULL, local_id INTEGER NOT NULL, uid TEXT NOT NULL, "
           "PRIMARY KEY (kind, local_id))",
           "CREATE TABLE IF NOT EXISTS device_sync_value (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
           "CREATE TABLE IF NOT EXISTS device_sync_outbox (kind TEXT NOT NULL, key TEXT NOT NULL, object TEXT NOT NULL, "
           "PRIMARY KEY (kind, key))"}) {
    Statement(db_, sql).run();
  }
}

void DeviceSyncState::use_folder(const std::string& folder_url) {
  if (value("folder") == folder_url) return;
  Statement(db_, "DELETE FROM device_sync_file").run();
  Statement(db_, "DELETE FROM device_sync_value WHERE key NOT LIKE 'page.%'").run();  // the page's own stay
  Statement(db_, "DELETE FROM device_sync_outbox").run();
  set_value("folder", folder_url);
}

std::vector<StoredChangeFile> DeviceSyncState::files() {
  Statement s(db_, "SELECT device, name, text FROM device_sync_file ORDER BY device, name");
  std::vector<StoredChangeFile> out;
  while (s.step()) out.push_back({s.text_at(0), s.text_at(1), s.text_at(2)});
  return out;
}

void DeviceSyncState::add_file(const StoredChangeFile& file) {
  Statement(db_, "INSERT OR IGNORE INTO device_sync_file (device, name, text) VALUES (?1, ?2, ?3)")
      .bind(1, file.device).bind(2, file.name).bind(3, file.text).run();
}

int DeviceSyncState::change_files_held() {
  Statement s(db_, "SELECT name FROM device_sync_file");
  int count = 0;
  while (s.step()) count += parse_change_file_name(s.text_at(0)) ? 1 : 0;
  return count;
}

void DeviceSyncState::replace_files(const StoredChangeFile& snapshot) {
  Savepoint all_or_nothing(db_, "replace_files");
  Statement(db_, "DELETE FROM device_sync_file").run();
  add_file(snapshot);
  all_or_nothing.release();
}

DeviceUids DeviceSyncState::uids(const std::string& device) {
  DeviceUids out{device, {}, {}};
  Statement s(db_, "SELECT kind, local_id, uid FROM device_sync_uid");
  while (s.step()) (s.text_at(0) == "rating" ? out.ratings : out.sets)[s.int_at(1)] = s.text_at(2);
  return out;
}

void DeviceSyncState::add_uids(const std::string& kind, const std::map<int64_t, std::string>& uids) {
  Statement s(db_, "INSERT OR REPLACE INTO device_sync_uid (kind, local_id, uid) VALUES (?1, ?2, ?3)");
  for (const auto& [id, uid] : uids) {
    s.bind(1, kind).bind(2, id).bind(3, uid).run();
  }
}

std::optional<std::string> DeviceSyncState::value(const std::string& key) {
  Statement s(db_, "SELECT value FROM device_sync_value WHERE key = ?1");
  s.bind(1, key);
  if (!s.step()) return std::nullopt;
  return s.text_at(0);
}

void DeviceSyncState::set_value(const std::string& key, const std::string& value) {
  Statement(db_, "INSERT OR REPLACE INTO device_sync_value (key, value) VALUES (?1, ?2)").bind(1, key).bind(2, value).run();
}

int64_t DeviceSyncState::sent_seq() {
  const json v = parsed_or(value("sent_seq"), 0);
  return v.is_number_integer() ? v.get<int64_t>() : 0;
}

OutboxMemory DeviceSyncState::outbox_memory(const std::set<OutboxKey>& keys) {
  move_outbox_blob_to_table();
  OutboxMemory memory;
  Statement s(db_, "SELECT object FROM device_sync_outbox WHERE kind = ?1 AND key = ?2");
  for (const OutboxKey& key : keys) {
    s.bind(1, key.first).bind(2, key.second);
    if (s.step()) memory.last[key] = json::parse(s.text_at(0), nullptr, false);
    s.reset();
  }
  const json settings = parsed_or(value("outbox_settings"), json::object());
  for (const auto& [key, setting] : settings.items()) {
    if (setting.is_string()) memory.settings[key] = setting.get<std::string>();
  }
  return memory;
}

void DeviceSyncState::save_outbox(int64_t sent_seq, const OutboxMemory& memory, const std::set<OutboxKey>& keys) {
  Savepoint all_or_nothing(db_, "save_outbox");
  Statement put = put_outbox_statement();
  Statement forget(db_, "DELETE FROM device_sync_outbox WHERE kind = ?1 AND key = ?2");
  for (const OutboxKey& key : keys) {
    const auto it = memory.last.find(key);
    if (it != memory.last.end()) {
      put.bind(1, key.first).bind(2, key.second).bind(3, it->second.dump()).run();
    } else {
      forget.bind(1, key.first).bind(2, key.second).run();
    }
  }
  set_value("outbox_settings", json(memory.settings).dump());
  set_value("sent_seq", std::to_string(sent_seq));
  all_or_nothing.release();
}

Statement DeviceSyncState::put_outbox_statement() {
  return Statement(db_, "INSERT OR REPLACE INTO device_sync_outbox (kind, key, object) VALUES (?1, ?2, ?3)");
}

void DeviceSyncState::move_outbox_blob_to_table() {
  const auto blob = value("outbox_memory");
  if (!blob) return;
  Savepoint all_or_nothing(db_, "move_outbox");
  const json v = parsed_or(blob, json::object());
  Statement put = put_outbox_statement();
  for (const json& item : v.value("last", json::array())) {
    if (item.is_array() && item.size() == 3 && item[0].is_string() && item[1].is_string()) {
      put.bind(1, item[0].get<std::string>()).bind(2, item[1].get<std::string>()).bind(3, item[2].dump()).run();
    }
  }
  set_value("outbox_settings", v.value("settings", json::object()).dump());
  Statement(db_, "DELETE FROM device_sync_value WHERE key = 'outbox_memory'").run();
  all_or_nothing.release();
}

MergedUpTo DeviceSyncState::merged_up_to() {
  MergedUpTo out;
  const json saved = parsed_or(value("merged_up_to"), json::object());  // named: items() refers into it
  for (const auto& [device, stamp] : saved.items()) {
    if (!stamp.is_string()) continue;
    if (const auto hlc = parse_hlc(stamp.get<std::string>())) out[device] = *hlc;
  }
  return out;
}

void DeviceSyncState::save_merged_up_to(const MergedUpTo& merged) {
  json out = json::object();
  for (const auto& [device, stamp] : merged) out[device] = to_string(stamp);
  set_value("merged_up_to", out.dump());
}

std::map<std::string, std::string> DeviceSyncState::device_names() {
  std::map<std::string, std::string> out;
  const json saved = parsed_or(value("device_names"), json::object());
  for (const auto& [device, name] : saved.items()) {
    if (name.is_string()) out[device] = name.get<std::string>();
  }
  return out;
}

void DeviceSyncState::save_device_names(const std::map<std::string, std::string>& names) {
  set_value("device_names", json(names).dump());
}

}  // namespace tt
