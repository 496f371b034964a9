// The snapshot's "devices": Your devices' account (never its password: only
// whether one is kept), whether a sync runs, and how the last one went.
#include "web/model/snapshot_slices.h"

#include <algorithm>

namespace tt::web {

nlohmann::json devices_snapshot(const Model& m) {
  using json = nlohmann::json;
  const DevicesState& d = m.devices;
  const auto conflicts_of = [](const std::vector<DeviceConflict>& list) {
    json out = json::array();
    for (const DeviceConflict& c : list) out.push_back({{"tune", c.tune_id}, {"name", c.tune_name}, {"kept_from", c.kept_from}});
    return out;
  };
  const DevicesSyncOutcome& last = d.last;
  return {{"configured", d.configured()},
          {"folder_url", d.folder_url},
          {"user", d.user},
          {"password_kept", !d.password.empty()},
          {"device_name", d.device_name},
          {"syncing", d.syncing},
          {"files_fetched", d.files_fetched},
          {"paused", d.paused},
          {"syncs", d.syncs},
          {"next_in_ms", d.timer != 0 ? json(std::max(0.0, d.timer_due_ms - m.now_ms)) : json(nullptr)},
          {"last_at_ms", d.last_at_ms},
          {"conflicts", conflicts_of(d.conflicts)},  // kept until cleared
          {"last", {{"failure", last.failure},
                    {"message", last.message},
                    {"changes_sent", last.changes_sent},
                    {"changes_received", last.changes_received},
                    {"files_fetched", last.files_fetched},
                    {"wrote_here", last.wrote_here},
                    {"refused", last.refused},
                    {"devices", last.devices},
                    {"conflicts", conflicts_of(last.conflicts)},
                    {"requests", last.requests},
                    {"bytes_sent", last.bytes_sent},
                    {"bytes_received", last.bytes_received}}}};
}

}  // namespace tt::web
