// The store's practice queue of the day (made once, then frozen) and the
// practice settings: daily limits and target retention. Rules come from
// core/practice.h; this file reads and writes rows.
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

std::optional<QueueReason> parse_reason(const std::string& text) {
  for (QueueReason r : {QueueReason::Due, QueueReason::Lapsed, QueueReason::New}) {
    if (text == to_string(r)) return r;
  }
  return std::nullopt;
}

std::string number_text(double value) { return json(value).dump(); }

}  // namespace

std::optional<std::vector<QueueItem>> Store::saved_practice_queue(const std::string& day) {
  if (setting(kQueueDayKey) != day) return std::nullopt;
  Statement s(db_.handle(), "SELECT tune_id, reason, due FROM practice_queue WHERE day = ?1 ORDER BY position");
  s.bind(1, day);
  std::vector<QueueItem> out;
  while (s.step()) {
    QueueItem item;
    item.tune_id = s.int_at(0);
    item.reason = parse_reason(s.text_at(1)).value_or(QueueReason::Due);
    item.due_ms = s.int_at(2);
    out.push_back(item);
  }
  return out;
}

void Store::write_practice_queue(const std::string& day, const std::vector<QueueItem>& queue) {
  db_.exec("DELETE FROM practice_queue WHERE 1");  // WHERE: the change log sees the rows go
  Statement insert(db_.handle(), "INSERT INTO practice_queue (day, position, tune_id, reason, due) VALUES (?1, ?2, ?3, ?4, ?5)");
  for (size_t i = 0; i < queue.size(); ++i) {
    insert.bind(1, day).bind(2, static_cast<int64_t>(i)).bind(3, queue[i].tune_id).bind(4, to_string(queue[i].reason))
        .bind(5, queue[i].due_ms).run();
  }
  set_setting(kQueueDayKey, day);
}

void Store::save_practice_queue(const std::string& day, const std::vector<QueueItem>& queue) {
  Change tx(*this, "save_practice_queue");
  write_practice_queue(day, queue);
  tx.commit();
}

std::vector<QueueItem> Store::todays_practice_queue(int64_t now_ms, int utc_offset_minutes, const PracticeLimits& limits) {
  const std::string day = practice_day(now_ms, utc_offset_minutes);
  Change tx(*this, "build_practice_queue");
  const std::unordered_set<int64_t> collected = collected_ids();
  if (auto kept = kept_queue(saved_practice_queue(day), collected)) {
    tx.commit();
    return *kept;
  }
  const int64_t start = practice_day_start_ms(now_ms, utc_offset_minutes);
  const int64_t end = practice_day_end_ms(now_ms, utc_offset_minutes);
  const int64_t window = std::max(now_ms, -kFsrsMaxTimeMs) - kLogWindowMs;
  // The queue looks only at the Agains of the week (lapses): no need to read
  // every row's cards.
  std::vector<PracticeLogEntry> lapses;
  {
    Statement s(db_.handle(),
                "SELECT tune_id, at FROM practice_log WHERE at >= ?1 AND rating = 'again' AND tune_removed = 0");
    s.bind(1, window);
    while (s.step()) {
      PracticeLogEntry row;
      row.tune_id = s.int_at(0);
      row.at_ms = s.int_at(1);
      row.rating = Rating::Again;
      lapses.push_back(row);
    }
  }
  // Only what the queue looks at (the status and when it was added) of the
  // tunes in practice: reading whole entries was most of the time.
  std::vector<CollectionEntry> candidates;
  {
    Statement s(db_.handle(),
                "SELECT tune_id, learn_status, created_at FROM collection WHERE learn_status != 'want_to_learn'");
    while (s.step()) {
      CollectionEntry e;
      e.tune_id = s.int_at(0);
      e.status = parse_learn_status(s.text_at(1)).value_or(LearnStatus::WantToLearn);
      e.created_at_ms = s.int_at(2);
      candidates.push_back(std::move(e));
    }
  }
  const auto queue = build_practice_queue(candidates, practice_cards(), lapses, now_ms, utc_offset_minutes,
                                          limits, ratings_between(start, end), new_started_between(start, end));
  write_practice_queue(day, queue);
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
  set_setting(kPerDayKey, std::to_string(limits.per_day));
  set_setting(kNewPerDayKey, std::to_string(limits.new_per_day));
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
  set_setting(kRetentionKey, number_text(retention));
  tx.commit();
}

}  // namespace tt
