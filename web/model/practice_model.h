#pragma once
// The Practice tab as the model keeps it (part of web/model/model.h): today's
// queue (frozen for the day in the store), what was rated, the rating to
// undo, a promotion to ask about, what to learn next and the progress charts.
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/fsrs.h"
#include "core/practice.h"

namespace tt::web {

// A set put in the day's practice: one item, rated once (store's rate_set).
struct SetToday {
  int64_t set_id = 0;
  bool rated = false;
};

struct PracticeState {
  std::string day;                 // the musician's day the queue is for ("YYYY-MM-DD")
  std::vector<QueueItem> queue;    // today's, as made in the morning
  std::vector<SetToday> sets;      // sets put in today's practice, in the order they were added
  std::set<int64_t> rated_today;   // tunes rated since the day began
  std::map<int64_t, Rating> rating_today;  // each of those tunes' latest rating (the day's summary)
  int done_today = 0;              // ratings today (a tune rated twice counts twice)
  int new_today = 0;               // tunes practised for the first time today
  PracticeLimits limits;
  FsrsParameters parameters;
  std::map<int64_t, CardMemory> cards;  // the queue's tunes' (and today's sets' tunes') scheduler state
  std::optional<PracticeLogEntry> last_rating;  // what Undo takes back
  std::optional<int64_t> promotion_offer;       // "mark it learned?" for this tune
  std::vector<int64_t> next_to_learn;
  std::map<std::string, int> learned_per_month;  // "YYYY-MM"
  std::map<std::string, int> reviews_per_day;    // "YYYY-MM-DD", the last 90 days
  std::string message;
  double queue_ms = 0;  // the last time today's queue was read or made (for benchmarks)

  // The tune to play now: the first in the queue not rated today, or 0.
  int64_t current() const {
    for (const auto& item : queue) {
      if (!rated_today.count(item.tune_id)) return item.tune_id;
    }
    return 0;
  }
};

}  // namespace tt::web
