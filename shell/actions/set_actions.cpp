#include "shell/actions/set_actions.h"

namespace tt::actions {
namespace {

Done<bool> sets_changed(bool done) {
  Done<bool> result{done, {}};
  result.changed.sets = done;
  return result;
}

}  // namespace

Done<int64_t> create_set(Store& store, const std::string& name, const std::string& notes) {
  Done<int64_t> result{store.create_set(name, notes), {}};
  result.changed.sets = result.value != 0;
  return result;
}

Done<bool> rename_set(Store& store, int64_t set_id, const std::string& name) {
  return sets_changed(store.rename_set(set_id, name));
}

Done<bool> set_set_notes(Store& store, int64_t set_id, const std::string& notes) {
  return sets_changed(store.set_set_notes(set_id, notes));
}

Done<bool> add_set_entry(Store& store, int64_t set_id, int64_t tune_id, std::optional<int64_t> setting_id) {
  return sets_changed(store.add_set_entry(set_id, tune_id, setting_id));
}

Done<bool> remove_set_entry(Store& store, int64_t set_id, size_t position) {
  return sets_changed(store.remove_set_entry(set_id, position));
}

Done<bool> move_set_entry(Store& store, int64_t set_id, size_t from, size_t to) {
  return sets_changed(store.move_set_entry(set_id, from, to));
}

Done<bool> delete_set(Store& store, int64_t set_id) {
  Done<bool> result = sets_changed(store.delete_set(set_id));
  result.changed.practice = result.value;  // it may have been in the day's practice
  return result;
}

}  // namespace tt::actions
