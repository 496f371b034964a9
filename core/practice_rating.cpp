#include "core/practice_rating.h"

#include <set>
#include <tuple>

namespace tt {

std::string rating_refusal(Rating rating, const FsrsParameters& params, int64_t now_ms) {
  const Parsed<FsrsParameters> usable = validate_fsrs_parameters(params);
  if (!usable) return "The practice settings cannot be used: " + usable.error;
  if (now_ms < -kFsrsMaxTimeMs || now_ms > kFsrsMaxTimeMs) {
    return "The time of the rating is not a date a clock can show; check the device's clock";
  }
  const int grade = static_cast<int>(rating);
  if (grade < 1 || grade > 4) return "A rating must be again, hard, good or easy";
  return {};
}

RatedCard rate_card(LearnStatus status, const std::optional<CardMemory>& card, Rating rating,
                    const FsrsParameters& params, int64_t now_ms) {
  RatedCard rated;
  rated.before = card.value_or(new_card(now_ms));
  rated.after = review(params, rated.before, rating, now_ms);
  rated.suggests_promotion = suggests_promotion(status, rating, rated.after);
  return rated;
}

std::optional<CardMemory> card_before_rating(const PracticeLogEntry& row) {
  if (row.before.state == CardState::New && row.before.reps == 0) return std::nullopt;
  return row.before;
}

std::optional<std::vector<QueueItem>> kept_queue(const std::optional<std::vector<QueueItem>>& saved,
                                                 const std::unordered_set<int64_t>& collected) {
  if (!saved || saved->empty()) return std::nullopt;
  std::vector<QueueItem> out;
  for (const auto& item : *saved) {
    if (collected.count(item.tune_id)) out.push_back(item);
  }
  return out;
}

PracticeImportPlan plan_practice_import(const PracticeData& incoming, const std::unordered_set<int64_t>& collected,
                                        const std::unordered_set<int64_t>& with_card,
                                        const std::vector<LoggedRating>& logged) {
  PracticeImportPlan plan;
  for (const auto& [tune_id, card] : incoming.cards) {
    if (collected.count(tune_id) && !with_card.count(tune_id)) plan.cards.emplace_back(tune_id, card);
  }
  const auto second = [](int64_t ms) { return ms / 1000 - (ms % 1000 < 0 ? 1 : 0); };  // floor, before 1970 too
  std::set<std::tuple<int64_t, int64_t, Rating>> known;
  for (const auto& row : logged) known.emplace(row.tune_id, second(row.at_ms), row.rating);
  for (const auto& row : incoming.log) {
    if (!collected.count(row.tune_id)) continue;
    if (known.emplace(row.tune_id, second(row.at_ms), row.rating).second) plan.log.push_back(row);
  }
  return plan;
}

}  // namespace tt
