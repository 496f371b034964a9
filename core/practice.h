#pragma once
// Practice: today's queue, what to learn next, and the rules around a rating,
// on top of the FSRS scheduler (core/fsrs.h). Pure: time comes in as epoch
// milliseconds and the musician's UTC offset, never read.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/collection.h"
#include "core/fsrs.h"

namespace tt {

// One rating as the practice log keeps it.
struct PracticeLogEntry {
  int64_t id = 0;  // the store's row id (0 before it is stored)
  int64_t tune_id = 0;
  int64_t at_ms = 0;
  Rating rating = Rating::Good;
  CardMemory before;
  CardMemory after;
};

struct PracticeLimits {
  int per_day = 10;     // tunes in a day's queue, all kinds
  int new_per_day = 3;  // of which never practised before
};
inline constexpr int kMaxPracticePerDay = 200;

// Why a tune is in today's queue, in the order they come.
enum class QueueReason { Due, Lapsed, New };
std::string_view to_string(QueueReason reason);  // "due", "lapsed", "new"

struct QueueItem {
  int64_t tune_id = 0;
  QueueReason reason = QueueReason::Due;
  int64_t due_ms = 0;  // when the scheduler wants it (0 for a new tune)
};

// The musician's day: local midnight to midnight, as "YYYY-MM-DD", for the
// moment `now_ms` and a UTC offset in minutes (east positive).
// Offsets beyond ±kMaxUtcOffsetMinutes (no place on Earth has one) count as
// that bound; `now_ms` beyond ±kFsrsMaxTimeMs counts as that bound.
inline constexpr int kMaxUtcOffsetMinutes = 18 * 60;
std::string practice_day(int64_t now_ms, int utc_offset_minutes);
// When that day ends (epoch ms): what is due before it is due today.
int64_t practice_day_end_ms(int64_t now_ms, int utc_offset_minutes);
// When it began (epoch ms): a day is always 24 hours for a fixed offset.
int64_t practice_day_start_ms(int64_t now_ms, int utc_offset_minutes);
// The practice days from today's to the one `due_ms` falls on: 0 today (or
// overdue), 1 tomorrow. Days, not hours: 30 hours from 22:00 is 2.
int64_t practice_days_until(int64_t due_ms, int64_t now_ms, int utc_offset_minutes);

// Today's queue, made once a day (the caller keeps it for the day):
// - due: "learning" and "learned" tunes whose card is due before the day
//   ends, most overdue first;
// - lapsed: cards in relearning, or rated Again in the last 7 days, not
//   already due, most recent lapse first;
// - new: "learning" tunes never practised, oldest added first, at most
//   `new_per_day` less those already started today;
// all together at most `per_day` less the ratings already given today.
// "Want to learn" tunes never enter it. Due and lapsed need a practised card
// (see never_practised); an Again in the log counts from now_ms - 7 days on
// (a later one too: the clock may have been set back). Limits below 0 count
// as 0, `per_day` above kMaxPracticePerDay as that, `new_per_day` at most
// `per_day`.
std::vector<QueueItem> build_practice_queue(const std::vector<CollectionEntry>& entries,
                                            const std::map<int64_t, CardMemory>& cards,
                                            const std::vector<PracticeLogEntry>& last_week_log, int64_t now_ms,
                                            int utc_offset_minutes, const PracticeLimits& limits,
                                            int rated_today, int new_started_today);

// A tune just started (made "learning", never practised) joins today's queue
// as it was made, if the day's limits leave room: the queue is kept for the
// day, not shut.
bool joins_todays_queue(const std::vector<QueueItem>& queue, const PracticeLimits& limits, int64_t tune_id);

// A "learning" tune rated Good or Easy whose next review is at least this
// many days away may become "learned": the page asks, never silently.
inline constexpr int kPromoteAfterDays = 21;
bool suggests_promotion(LearnStatus status, Rating rating, const CardMemory& after);

// A tune counts as never practised when it has no card, or a card still New
// (an imported card never rated).
bool never_practised(const CardMemory* card);

// Everything practice keeps, as export and import carry it: each tune's card
// and the log of ratings (oldest first).
struct PracticeData {
  std::map<int64_t, CardMemory> cards;
  std::vector<PracticeLogEntry> log;
};

// "Want to learn" tunes to start next: the most heard first, then the most
// popular on thesession.org (tunebooks), then the longest waiting (created
// earliest), then the lower tune id; at most `count` of them.
std::vector<int64_t> next_to_learn(const std::vector<CollectionEntry>& entries, size_t count);

// Tunes learned per month ("YYYY-MM", UTC) from the moments they became
// learned: the Progress chart's bars. The store counts its learned_at column,
// the page its collection as shown (a status change reads nothing back).
std::map<std::string, int> learned_per_month(const std::vector<int64_t>& learned_at_ms);
// The moments the learned tunes among `entries` became learned.
std::vector<int64_t> learned_dates(const std::vector<CollectionEntry>& entries);

}  // namespace tt
