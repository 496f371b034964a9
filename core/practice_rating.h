#pragma once
// The rules of one rating, of taking one back, of the day's kept queue and of
// merging an export's practice: pure, so the store only reads and writes the
// rows these functions decide (shell/store_practice*.cpp).
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "core/practice.h"

namespace tt {

// Why a rating cannot be given, in words a person can act on; empty when it
// can (usable FSRS parameters, a time a clock can show, a grade 1..4).
std::string rating_refusal(Rating rating, const FsrsParameters& params, int64_t now_ms);

// One rating of a collected tune: its card (a new one when it has none)
// reviewed at now_ms, and whether the page should offer "learned"
// (suggests_promotion). The learn status itself never changes here.
struct RatedCard {
  CardMemory before;
  CardMemory after;
  bool suggests_promotion = false;
};
RatedCard rate_card(LearnStatus status, const std::optional<CardMemory>& card, Rating rating,
                    const FsrsParameters& params, int64_t now_ms);

// The card a tune goes back to when the rating `row` is taken back: none
// when that rating started it (its card before was a never-rated New one).
std::optional<CardMemory> card_before_rating(const PracticeLogEntry& row);

// The day's queue as kept: nothing when it must be made (none kept for the
// day, or one kept empty: made again, which can only add tunes), otherwise
// the kept one without the tunes no longer collected.
std::optional<std::vector<QueueItem>> kept_queue(const std::optional<std::vector<QueueItem>>& saved,
                                                 const std::unordered_set<int64_t>& collected);

// A rating already in the log, as an import compares it.
struct LoggedRating {
  int64_t tune_id = 0;
  int64_t at_ms = 0;
  Rating rating = Rating::Good;
};

// What an export's practice section adds: a card for each collected tune
// that has none yet, and each log row of a collected tune unless the log
// already has one with the same tune, second and rating (exports keep whole
// seconds; the same row twice in the export is taken once).
struct PracticeImportPlan {
  std::vector<std::pair<int64_t, CardMemory>> cards;  // tune id, card
  std::vector<PracticeLogEntry> log;                  // in the export's order
};
PracticeImportPlan plan_practice_import(const PracticeData& incoming, const std::unordered_set<int64_t>& collected,
                                        const std::unordered_set<int64_t>& with_card,
                                        const std::vector<LoggedRating>& logged);

}  // namespace tt
