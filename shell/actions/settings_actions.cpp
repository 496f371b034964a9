#include "shell/actions/settings_actions.h"

#include "core/change_record.h"

namespace tt::actions {

Done<bool> change_setting(Store& store, const std::string& key, const std::string& value) {
  store.set_setting(key, value);
  Done<bool> result{true, {}};
  result.changed.settings = true;
  result.changed.musician_change = !is_device_setting(key);
  return result;
}

Done<bool> remember_sync_form(Store& store, int64_t member_id, std::optional<LearnStatus> default_status) {
  std::vector<std::pair<std::string, std::string>> settings = {{"member_id", std::to_string(member_id)}};
  if (default_status) settings.emplace_back("default_status", std::string(to_string(*default_status)));
  store.set_settings(settings);
  Done<bool> result{true, {}};
  result.changed.settings = true;
  return result;
}

}  // namespace tt::actions
