#pragma once
// What the device sync's core tests share: three devices, a fixed moment,
// changes made on them, the merged collection as a musician would see it
// (to compare two), and random histories of every kind of change.
#include <algorithm>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "core/device_merge.h"
#include "core/hybrid_clock.h"

namespace tt::device_testing {

inline const std::string kPhone = "11111111111111111111111111111111";
inline const std::string kLaptop = "22222222222222222222222222222222";
inline const std::string kTablet = "33333333333333333333333333333333";
inline constexpr int64_t kT = 1764410400000;  // 2025-11-29 10:00 UTC

inline DeviceChange on(const std::string& device, int64_t wall_ms, DeviceChangeBody body, int index = 0) {
  return {{{wall_ms, 0}, device, index}, std::move(body)};
}

inline MergedCollection merged(const std::vector<DeviceChange>& changes,
                               const std::map<std::string, std::string>& names = {}) {
  DeviceMerge merge;
  merge.add(changes);
  return merge.collection(names);
}

// Everything a musician could see of a merged collection, to compare two.
inline nlohmann::json seen(const MergedCollection& m) {
  nlohmann::json out;
  for (const auto& [id, t] : m.tunes) {
    out["tunes"][std::to_string(id)] = {{"fields", t.fields}, {"heard", t.heard}, {"notes", t.notes},
                                        {"removed", t.removed}};
  }
  for (const auto& [uid, r] : m.ratings) out["ratings"].push_back({uid, r.tune_id, r.at_ms, static_cast<int>(r.rating)});
  for (const auto& [id, s] : m.sets) {
    out["sets"][id] = {{"fields", s.fields}, {"entries", s.entries}, {"removed", s.removed}};
  }
  out["settings"] = m.settings;
  for (const auto& c : m.conflicts) out["conflicts"].push_back({c.tune_id, c.kept_text, c.kept_device, c.kept_at_ms});
  return out;
}

// Random histories from three devices, each change stamped by its device's
// hybrid clock, with notes written on what the device last saw.
inline std::vector<DeviceChange> random_history(std::mt19937& rng) {
  const std::vector<std::string> devices = {kPhone, kLaptop, kTablet};
  std::map<std::string, HlcStamp> clocks;
  std::map<std::string, std::map<int64_t, std::string>> notes_seen;
  std::vector<DeviceChange> out;
  std::vector<std::string> rating_uids;
  const int count = std::uniform_int_distribution<int>(1, 60)(rng);
  for (int i = 0; i < count; ++i) {
    const std::string& device = devices[rng() % devices.size()];
    // Clocks hours apart, some stepping back: the hybrid clock keeps order.
    const int64_t wall = kT + static_cast<int64_t>(rng() % 100000) - (device == kTablet ? 3 * 3600000 : 0);
    clocks[device] = hlc_next(clocks[device], wall);
    const DeviceStamp at{clocks[device], device, static_cast<int>(rng() % 3)};
    const int64_t tune = 1 + static_cast<int64_t>(rng() % 4);
    DeviceChangeBody body;
    switch (rng() % 9) {
      case 0: body = TuneFieldChange{tune, "learn_status", rng() % 2 ? "learning" : "learned"}; break;
      case 1: body = HeardChange{tune, rng() % 4 ? 1 : -1}; break;
      case 2: {
        const std::string text = "note " + std::to_string(rng() % 1000);
        body = NotesChange{tune, notes_seen[device][tune], text};
        notes_seen[device][tune] = text;
        break;
      }
      case 3: body = TuneRemoved{tune}; break;
      case 4: {
        const std::string uid = device + "-" + std::to_string(i);
        rating_uids.push_back(uid);
        body = RatingGiven{uid, tune, wall, static_cast<Rating>(1 + rng() % 4)};
        break;
      }
      case 5:
        if (rating_uids.empty()) continue;
        body = RatingUndone{rating_uids[rng() % rating_uids.size()]};
        break;
      case 6: body = SetFieldChange{"s1", "name", "set " + std::to_string(rng() % 10)}; break;
      case 7: body = SetEntriesChange{"s1", nlohmann::json::array({tune, 1 + static_cast<int64_t>(rng() % 4)})}; break;
      default: body = SettingChange{"practice.per_day", std::to_string(5 + rng() % 10)}; break;
    }
    out.push_back({at, body});
  }
  return out;
}

}  // namespace tt::device_testing
