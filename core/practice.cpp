#include "core/practice.h"

#include <algorithm>
#include <unordered_map>

#include "core/time_format.h"

namespace tt {
namespace {

constexpr int64_t kLapseWindowMs = 7 * kDayMs;

int64_t floor_div(int64_t a, int64_t b) {
  int64_t q = a / b;
  if (a % b != 0 && (a < 0) != (b < 0)) --q;
  return q;
}

// Local midnight of the day holding now_ms, as the local day number since
// 1970-01-01 and its offset in ms (both bounded: no overflow, ever).
struct LocalDay {
  int64_t day = 0;
  int64_t offset_ms = 0;
};

LocalDay local_day(int64_t now_ms, int utc_offset_minutes) {
  const int64_t now = std::clamp(now_ms, -kFsrsMaxTimeMs, kFsrsMaxTimeMs);
  const int offset = std::clamp(utc_offset_minutes, -kMaxUtcOffsetMinutes, kMaxUtcOffsetMinutes);
  const int64_t offset_ms = int64_t{offset} * 60'000;
  return {floor_div(now + offset_ms, kDayMs), offset_ms};
}

bool in_practice(LearnStatus status) { return status == LearnStatus::Learning || status == LearnStatus::Learned; }

}  // namespace

std::string_view to_string(QueueReason reason) {
  switch (reason) {
    case QueueReason::Due: return "due";
    case QueueReason::Lapsed: return "lapsed";
    case QueueReason::New: return "new";
  }
  return "due";
}

std::string practice_day(int64_t now_ms, int utc_offset_minutes) {
  return format_date_utc(local_day(now_ms, utc_offset_minutes).day * kDayMs);
}

int64_t practice_day_start_ms(int64_t now_ms, int utc_offset_minutes) {
  const LocalDay d = local_day(now_ms, utc_offset_minutes);
  return d.day * kDayMs - d.offset_ms;
}

int64_t practice_days_until(int64_t due_ms, int64_t now_ms, int utc_offset_minutes) {
  const int64_t days = (practice_day_start_ms(due_ms, utc_offset_minutes) -
                        practice_day_start_ms(now_ms, utc_offset_minutes)) / kDayMs;
  return std::max<int64_t>(days, 0);
}

int64_t practice_day_end_ms(int64_t now_ms, int utc_offset_minutes) {
  return practice_day_start_ms(now_ms, utc_offset_minutes) + kDayMs;
}

bool never_practised(const CardMemory* card) { return !card || card->state == CardState::New; }

std::vector<QueueItem> build_practice_queue(const std::vector<CollectionEntry>& entries,
                                            const std::map<int64_t, CardMemory>& cards,
                                            const std::vector<PracticeLogEntry>& last_week_log, int64_t now_ms,
                                            int utc_offset_minutes, const PracticeLimits& limits,
                                            int rated_today, int new_started_today) {
  const int per_day = std::clamp(limits.per_day, 0, kMaxPracticePerDay);
  const int new_per_day = std::clamp(limits.new_per_day, 0, per_day);
  const int room = std::max(0, per_day - std::max(0, rated_today));
  const int new_room = std::min(room, std::max(0, new_per_day - std::max(0, new_started_today)));
  if (room == 0) return {};
  const int64_t day_end = practice_day_end_ms(now_ms, utc_offset_minutes);

  // The latest Again of each tune within the window.
  std::unordered_map<int64_t, int64_t> last_again;
  const int64_t window_start = std::clamp(now_ms, -kFsrsMaxTimeMs, kFsrsMaxTimeMs) - kLapseWindowMs;
  for (const auto& row : last_week_log) {
    if (row.rating != Rating::Again || row.at_ms < window_start) continue;
    auto [it, inserted] = last_again.emplace(row.tune_id, row.at_ms);
    if (!inserted) it->second = std::max(it->second, row.at_ms);
  }

  struct Candidate {
    const CollectionEntry* entry;
    const CardMemory* card;
    int64_t key;  // due (due), lapse time (lapsed), created_at (new)
  };
  std::vector<Candidate> due, lapsed, fresh;
  for (const auto& e : entries) {
    if (!in_practice(e.status)) continue;
    const auto found = cards.find(e.tune_id);
    const CardMemory* card = found == cards.end() ? nullptr : &found->second;
    if (never_practised(card)) {
      if (e.status == LearnStatus::Learning) fresh.push_back({&e, nullptr, e.created_at_ms});
      continue;
    }
    if (card->due_ms < day_end) {
      due.push_back({&e, card, card->due_ms});
      continue;
    }
    const auto again = last_again.find(e.tune_id);
    if (card->state == CardState::Relearning || again != last_again.end()) {
      int64_t when = again != last_again.end() ? again->second : INT64_MIN;
      if (card->state == CardState::Relearning && card->last_review_ms) when = std::max(when, *card->last_review_ms);
      lapsed.push_back({&e, card, when});
    }
  }
  const auto ascending = [](const Candidate& a, const Candidate& b) {
    return a.key != b.key ? a.key < b.key : a.entry->tune_id < b.entry->tune_id;
  };
  const auto descending = [](const Candidate& a, const Candidate& b) {
    return a.key != b.key ? a.key > b.key : a.entry->tune_id < b.entry->tune_id;
  };
  std::sort(due.begin(), due.end(), ascending);
  std::sort(lapsed.begin(), lapsed.end(), descending);
  std::sort(fresh.begin(), fresh.end(), ascending);

  std::vector<QueueItem> queue;
  const auto take = [&](const std::vector<Candidate>& from, QueueReason reason, size_t limit) {
    for (size_t i = 0; i < from.size() && i < limit && queue.size() < static_cast<size_t>(room); ++i) {
      queue.push_back({from[i].entry->tune_id, reason, from[i].card ? from[i].card->due_ms : 0});
    }
  };
  take(due, QueueReason::Due, due.size());
  take(lapsed, QueueReason::Lapsed, lapsed.size());
  take(fresh, QueueReason::New, static_cast<size_t>(new_room));
  return queue;
}

bool suggests_promotion(LearnStatus status, Rating rating, const CardMemory& after) {
  return status == LearnStatus::Learning && (rating == Rating::Good || rating == Rating::Easy) &&
         after.scheduled_days >= kPromoteAfterDays;
}

std::vector<int64_t> next_to_learn(const std::vector<CollectionEntry>& entries, size_t count) {
  std::vector<const CollectionEntry*> waiting;
  for (const auto& e : entries) {
    if (e.status == LearnStatus::WantToLearn) waiting.push_back(&e);
  }
  const auto better = [](const CollectionEntry* a, const CollectionEntry* b) {
    if (a->heard_count != b->heard_count) return a->heard_count > b->heard_count;
    if (a->tunebooks != b->tunebooks) return a->tunebooks > b->tunebooks;
    if (a->created_at_ms != b->created_at_ms) return a->created_at_ms < b->created_at_ms;
    return a->tune_id < b->tune_id;
  };
  const size_t n = std::min(count, waiting.size());
  std::partial_sort(waiting.begin(), waiting.begin() + static_cast<std::ptrdiff_t>(n), waiting.end(), better);
  std::vector<int64_t> out;
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) out.push_back(waiting[i]->tune_id);
  return out;
}

std::map<std::string, int> learned_per_month(const std::vector<int64_t>& learned_at_ms) {
  std::map<int64_t, int> per_month;
  for (const int64_t at : learned_at_ms) ++per_month[utc_month_index(at)];
  std::map<std::string, int> out;
  for (const auto& [month, count] : per_month) out[format_month_index(month)] = count;
  return out;
}

std::vector<int64_t> learned_dates(const std::vector<CollectionEntry>& entries) {
  std::vector<int64_t> out;
  for (const auto& e : entries) {
    if (e.status == LearnStatus::Learned && e.learned_at_ms) out.push_back(*e.learned_at_ms);
  }
  return out;
}

bool joins_todays_queue(const std::vector<QueueItem>& queue, const PracticeLimits& limits, int64_t tune_id) {
  int new_items = 0;
  for (const auto& item : queue) {
    if (item.tune_id == tune_id) return false;
    if (item.reason == QueueReason::New) ++new_items;
  }
  return static_cast<int>(queue.size()) < limits.per_day && new_items < limits.new_per_day;
}

}  // namespace tt
