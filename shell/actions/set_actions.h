#pragma once
// The musician's actions on sets, for both front ends. Each is one
// transaction of the store, recorded in its change log; a set or position
// that is not there changes nothing (false). What the store refuses (a name
// too long, a tune it does not know, a full set) is StoreError with the
// reason, and nothing is written.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "shell/actions/changed.h"
#include "shell/store.h"

namespace tt::actions {

Done<int64_t> create_set(Store& store, const std::string& name, const std::string& notes = "");  // -> its id
Done<bool> rename_set(Store& store, int64_t set_id, const std::string& name);
Done<bool> set_set_notes(Store& store, int64_t set_id, const std::string& notes);
Done<bool> add_set_entry(Store& store, int64_t set_id, int64_t tune_id,
                         std::optional<int64_t> setting_id = std::nullopt);
Done<bool> remove_set_entry(Store& store, int64_t set_id, size_t position);
Done<bool> move_set_entry(Store& store, int64_t set_id, size_t from, size_t to);
// Its entries go too (and its place in the day's practice); the tunes stay.
Done<bool> delete_set(Store& store, int64_t set_id);

}  // namespace tt::actions
