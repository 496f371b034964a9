// The change log's side of the store: each write method runs in a Change,
// which appends the record of what it touched before it commits, so rows and
// record are written together or not at all.
#include "shell/store.h"

#include <algorithm>

namespace tt {

Store::Change::Change(Store& store, std::string_view action) : store_(store), action_(action) {
  if (store_.change_depth_ == 0) {
    tx_.emplace(store_.db_);  // may throw (the database busy): then nothing here is counted
    store_.touched_->clear();
  }
  ++store_.change_depth_;
}

Store::Change::~Change() {
  --store_.change_depth_;
  if (tx_ && !done_) store_.touched_->clear();  // rolled back: nothing of it is recorded
}

void Store::Change::commit() {
  if (!tx_ || done_) return;
  if (!store_.touched_->empty()) {
    const nlohmann::json changes = changes_of(store_.db_, store_.touched_->rows());
    if (!changes.empty()) store_.append_record(action_, changes);  // empty: only this device's own settings
  }
  store_.touched_->clear();
  tx_->commit();
  done_ = true;
}

void Store::start_change_log() {
  Transaction tx(db_);
  device_ = tt::device_id(db_);
  tx.commit();
  last_stamp_ = last_stamp(db_);
  touched_ = std::make_unique<TouchedRows>(db_);
}

void Store::append_record(std::string_view action, const nlohmann::json& changes) {
  if (device_.empty()) device_ = tt::device_id(db_);  // the baseline, written while migrating
  ChangeRecord record;
  // A clock before 1970 or past what a stamp can say is held to the stamp's
  // range; the stamp still moves on from the last one.
  record.hlc = hlc_next(last_stamp_, std::clamp<int64_t>(clock_(), 0, kHlcMaxWallMs - 1));
  record.device = device_;
  record.action = std::string(action);
  record.changes = changes;
  try {
    append_change(db_, record);
  } catch (const nlohmann::json::exception&) {
    throw StoreError("the change cannot be recorded: it holds text that is not UTF-8; nothing was saved");
  }
  last_stamp_ = record.hlc;
}

std::vector<ChangeRecord> Store::change_log(int64_t after_seq, int64_t limit) {
  return read_change_log(db_, after_seq, limit);
}

std::pair<int64_t, std::vector<std::string>> Store::recent_changes(int count) {
  Statement s(db_.handle(), "SELECT seq, action FROM change_log ORDER BY seq DESC LIMIT ?1");
  s.bind(1, count);
  int64_t newest = 0;
  std::vector<std::string> actions;
  while (s.step()) {
    if (actions.empty()) newest = s.int_at(0);
    actions.insert(actions.begin(), s.text_at(1));
  }
  return {newest, actions};
}

void Store::replay(const ChangeRecord& record) {
  const auto checked = parse_change_record(to_json(record));
  if (!checked) throw StoreError(checked.error);
  Transaction tx(db_);
  try {
    replay_changes(db_, record.changes);
  } catch (const nlohmann::json::exception& e) {
    throw StoreError(std::string("a value of the wrong kind: ") + e.what());
  }
  append_change(db_, record);
  touched_->clear();  // the record is appended as it came, not made anew
  tx.commit();
  // Stamps made here from now on come after everything seen (the clock's receive).
  last_stamp_ = hlc_receive(last_stamp_, record.hlc, 0);
}

}  // namespace tt
