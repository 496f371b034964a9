#pragma once
// What the device sync keeps in the database between syncs, in tables of its
// own (outside the change log: they are this device's bookkeeping, not the
// collection): the files merged (this device's and the others'), the
// uids of ratings and sets that came from other devices, and a few values
// (how far the log was sent, the outbox's memory, what is merged of each
// device, their names, this device's name, the last sync).
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/device_layout.h"
#include "core/device_outbox.h"
#include "shell/sqlite_db.h"

namespace tt {

struct StoredChangeFile {
  std::string device, name, text;
};

inline constexpr const char* kPageKeys = "page.";

class DeviceSyncState {
 public:
  explicit DeviceSyncState(sqlite3* db);  // makes its tables when missing

  // Everything kept is about one folder: given another, it starts over
  // (this device's own changes are then all sent again; the uids stay, as
  // they name rows here). Values whose key starts with kPageKeys are the
  // page's own (the account it syncs with, the conflicts it lists) and stay.
  void use_folder(const std::string& folder_url);

  // The files merged: change files, and at most one snapshot (which then
  // holds every file merged before it).
  std::vector<StoredChangeFile> files();
  void add_file(const StoredChangeFile& file);
  void replace_files(const StoredChangeFile& snapshot);  // in ONE transaction
  int change_files_held();  // not (yet) in a snapshot

  DeviceUids uids(const std::string& device);
  void add_uids(const std::string& kind, const std::map<int64_t, std::string>& uids);  // "rating" or "set"

  int64_t sent_seq();
  // The outbox's memory of `keys` only (and the shared settings), then
  // saved with how far the log was sent: `keys` as `memory` holds them now
  // (one it no longer holds is forgotten), in ONE transaction.
  OutboxMemory outbox_memory(const std::set<OutboxKey>& keys);
  void save_outbox(int64_t sent_seq, const OutboxMemory& memory, const std::set<OutboxKey>& keys);

  MergedUpTo merged_up_to();
  void save_merged_up_to(const MergedUpTo& merged);
  std::map<std::string, std::string> device_names();
  void save_device_names(const std::map<std::string, std::string>& names);
  std::optional<std::string> value(const std::string& key);
  void set_value(const std::string& key, const std::string& value);

 private:
  void move_outbox_blob_to_table();  // a database synced before the memory was keyed
  Statement put_outbox_statement();  // binds kind, key, object
  sqlite3* db_;
};

}  // namespace tt
