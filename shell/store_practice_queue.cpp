// The store's practice queue of the day (made once, then frozen) and the
// practice settings: daily limits and target retention. Rules come from
// core/practice.h and core/practice_rating.h; rows are the tables'.
#include <nlohmann/json.hpp>

#include <cmath>

#include "core/parse_number.h"
#include "core/practice_rating.h"
#include "core/time_format.h"
#include "shell/store.h"

namespace tt {
namespace {

using nlohmann::json;

constexpr int64_t kLogWindowMs = 7 * kDayMs;  // the lapses a queue looks back on
constexpr const char* kPerDayKey = "practice.per_day";
constexpr const char* kNewPerDayKey = "practice.new_per_day";
constexpr const char* kRetentionKey = "practice.retention";
constexpr const char* kQueueDayKey = "practice.queue_day";  // the day practice_queue holds

std::string number_text(double value) { return json(value).dump(); }

}  // namespace

std::optional<std::vector<QueueItem>> Store::saved_practice_queue(const std::string& day) {
  if (settings_.get(kQueueDayKey) != day) return std::nullopt;
  return days_.tunes(day);
}

void Store::write_practice_queue(const std::string& day, const std::vector<QueueItem>& queue) {
  days_.replace_tunes(day, queue);
  settings_.put({{kQueueDayKey, day}});
}

void Store::save_practice_queue(const std::string& day, const std::vector<QueueItem>& queue) {
  Change tx(*this, "save_practice_queue");
  write_practice_queue(day, queue);
  tx.commit();
}

std::vector<QueueItem> Store::todays_practice_queue(int64_t now_ms, int utc_offset_minutes, const PracticeLimits& limits) {
  const std::string day = practice_day(now_ms, utc_offset_minutes);
  Change tx(*this, "build_practice_queue");
  const auto saved = saved_practice_queue(day);
  if (auto kept = kept_queue(saved, collection_.ids())) {
    tx.commit();
    return *kept;
  }
  const int64_t start = practice_day_start_ms(now_ms, utc_offset_minutes);
  const int64_t end = practice_day_end_ms(now_ms, utc_offset_minutes);
  const int64_t window = std::max(now_ms, -kFsrsMaxTimeMs) - kLogWindowMs;
  const auto queue = build_practice_queue(collection_.practice_candidates(), cards_.all(), log_.agains_since(window),
                                          now_ms, utc_offset_minutes, limits, ratings_between(start, end),
                                          new_started_between(start, end));
  // Made again and still empty: the day's empty queue stays as kept (no
  // write, so no change record each time the Practice tab is read).
  if (!(saved && saved->empty() && queue.empty())) write_practice_queue(day, queue);
  tx.commit();
  return queue;
}

PracticeLimits Store::practice_limits() {
  PracticeLimits limits;
  if (const auto v = setting(kPerDayKey)) {
    if (const auto n = parse_int(*v, 1, kMaxPracticePerDay)) limits.per_day = static_cast<int>(n.value);
  }
  limits.new_per_day = std::min(limits.new_per_day, limits.per_day);
  if (const auto v = setting(kNewPerDayKey)) {
    if (const auto n = parse_int(*v, 0, limits.per_day)) limits.new_per_day = static_cast<int>(n.value);
  }
  return limits;
}

void Store::set_practice_limits(const PracticeLimits& limits) {
  if (limits.per_day < 1 || limits.per_day > kMaxPracticePerDay) {
    throw StoreError("Tunes a day must be from 1 to " + std::to_string(kMaxPracticePerDay) + ", not " +
                     std::to_string(limits.per_day));
  }
  if (limits.new_per_day < 0 || limits.new_per_day > limits.per_day) {
    throw StoreError("New tunes a day must be from 0 to " + std::to_string(limits.per_day) +
                     " (the tunes a day), not " + std::to_string(limits.new_per_day));
  }
  Change tx(*this, "set_practice_limits");
  settings_.put({{kPerDayKey, std::to_string(limits.per_day)}, {kNewPerDayKey, std::to_string(limits.new_per_day)}});
  tx.commit();
}

FsrsParameters Store::practice_parameters() {
  FsrsParameters params;
  if (const auto v = setting(kRetentionKey)) {
    // Kept as JSON writes a double (shortest text that reads back exactly).
    const json r = json::parse(*v, nullptr, false);
    if (r.is_number() && r.get<double>() >= kFsrsMinRetention && r.get<double>() <= kFsrsMaxRetention) {
      params.request_retention = r.get<double>();
    }
  }
  return params;
}

void Store::set_practice_retention(double retention) {
  if (!(retention >= kFsrsMinRetention && retention <= kFsrsMaxRetention)) {
    throw StoreError("Target retention must be from " + number_text(kFsrsMinRetention) + " to " +
                     number_text(kFsrsMaxRetention) + ", not " +
                     (std::isfinite(retention) ? number_text(retention) : std::string("a non-number")));
  }
  Change tx(*this, "set_practice_retention");
  settings_.put({{kRetentionKey, number_text(retention)}});
  tx.commit();
}

}  // namespace tt
