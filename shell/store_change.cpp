// The change log's side of the store: each write method runs in a Change,
// which appends the record of what it touched before it commits, so rows and
// record are written together or not at all.
#include "shell/store.h"

namespace tt {

Store::Change::Change(Store& store, std::string_view action) : store_(store), action_(action) {
  if (store_.change_depth_++ > 0) return;
  tx_.emplace(store_.db_);
  store_.touched_->clear();
}

Store::Change::~Change() {
  --store_.change_depth_;
  if (tx_ && !done_) store_.touched_->clear();  // rolled back: nothing of it is recorded
}

void Store::Change::commit() {
  if (!tx_ || done_) return;
  if (!store_.touched_->empty()) store_.append_record(action_, changes_of(store_.db_, store_.touched_->rows()));
  store_.touched_->clear();
  tx_->commit();
  done_ = true;
}

void Store::start_change_log() {
  Transaction tx(db_);
  device_ = tt::device_id(db_);
  tx.commit();
  touched_ = std::make_unique<TouchedRows>(db_);
}

void Store::append_record(std::string_view action, const nlohmann::json& changes) {
  if (device_.empty()) device_ = tt::device_id(db_);  // the baseline, written while migrating
  ChangeRecord record;
  record.hlc = hlc_next(last_stamp(db_), clock_());
  record.device = device_;
  record.action = std::string(action);
  record.changes = changes;
  append_change(db_, record);
}

std::vector<ChangeRecord> Store::change_log(int64_t after_seq, int64_t limit) {
  return read_change_log(db_, after_seq, limit);
}

void Store::replay(const ChangeRecord& record) {
  Transaction tx(db_);
  replay_changes(db_, record.changes);
  append_change(db_, record);
  touched_->clear();  // the record is appended as it came, not made anew
  tx.commit();
}

}  // namespace tt
