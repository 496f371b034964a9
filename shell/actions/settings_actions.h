#pragma once
// The settings a musician changes (the player's tempo and instrument, the
// list's incipits, the sync form), for both front ends. Each is one
// transaction of the store. This device's own bookkeeping ("keep.*": when the
// collection was last exported) is saved but neither recorded in the change
// log nor counted as the musician's change.
#include <cstdint>
#include <optional>
#include <string>

#include "core/learn_status.h"
#include "shell/actions/changed.h"
#include "shell/store.h"

namespace tt::actions {

Done<bool> change_setting(Store& store, const std::string& key, const std::string& value);
// What a sync starts from, kept for the next one: the member number and, for
// the page's tunebook form, the status new tunes get. One transaction.
Done<bool> remember_sync_form(Store& store, int64_t member_id, std::optional<LearnStatus> default_status);

}  // namespace tt::actions
