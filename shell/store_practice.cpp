// The store's practice changes: a rating, taking one back, an export's
// practice merged, and the reads practice shows (cards, the log, progress).
// The day's queue and the practice settings: store_practice_queue.cpp. Rules
// come from core/practice_rating.h, core/practice.h and core/fsrs.h; rows
// are the tables' (shell/tables/card_table.h, rating_log.h).
#include "core/practice_rating.h"
#include "core/time_format.h"
#include "shell/store.h"

namespace tt {

std::map<int64_t, CardMemory> Store::practice_cards() { return cards_.all(); }

std::optional<CardMemory> Store::practice_card(int64_t tune_id) { return cards_.get(tune_id); }

void Store::check_rating_inputs(Rating rating, const FsrsParameters& params, int64_t now_ms) {
  if (const std::string refusal = rating_refusal(rating, params, now_ms); !refusal.empty()) throw StoreError(refusal);
}

RatingOutcome Store::write_rating(const CollectionEntry& collected, Rating rating, const FsrsParameters& params,
                                  int64_t now_ms, std::optional<int64_t> set_id) {
  const RatedCard rated = rate_card(collected.status, cards_.get(collected.tune_id), rating, params, now_ms);
  cards_.put(collected.tune_id, rated.after);
  RatingOutcome outcome;
  outcome.entry = {0, collected.tune_id, now_ms, rating, rated.before, rated.after};
  outcome.entry.id = log_.append(outcome.entry, "rated", set_id);
  outcome.suggests_promotion = rated.suggests_promotion;
  return outcome;
}

RatingOutcome Store::rate(int64_t tune_id, Rating rating, const FsrsParameters& params, int64_t now_ms) {
  check_rating_inputs(rating, params, now_ms);
  Change tx(*this, "rate");
  const auto collected = collection_.get(tune_id);
  if (!collected) throw StoreError("Tune #" + std::to_string(tune_id) + " is not in your collection");
  RatingOutcome outcome = write_rating(*collected, rating, params, now_ms, std::nullopt);
  tx.commit();
  return outcome;
}

void Store::forget_practice_of(int64_t tune_id) {
  cards_.remove(tune_id);
  log_.mark_tune_removed(tune_id);
}

std::optional<PracticeLogEntry> Store::undo_last_rating() {
  Change tx(*this, "undo_rating");
  const std::optional<RatedRow> newest = log_.newest_rated();
  if (!newest) return std::nullopt;
  // One set rating gave each of its tunes a row at the same moment: they go together.
  std::vector<RatedRow> rows{*newest};
  if (newest->set_id) {
    rows = log_.rated_with_set(*newest->set_id, newest->row.at_ms);
    days_.unmark_set_rated(*newest->set_id, newest->row.at_ms);
  }
  for (const RatedRow& rated : rows) {
    log_.remove(rated.row.id);
    if (rated.tune_removed || !collection_.get(rated.row.tune_id)) continue;
    if (const auto card = card_before_rating(rated.row)) {
      cards_.put(rated.row.tune_id, *card);
    } else {
      cards_.remove(rated.row.tune_id);
    }
  }
  tx.commit();
  return newest->row;
}

std::vector<PracticeLogEntry> Store::practice_log_since(int64_t from_ms) {
  return log_.between(from_ms, INT64_MAX);  // rate and import never write a time that far out
}

int Store::ratings_between(int64_t from_ms, int64_t to_ms) { return log_.count_between(from_ms, to_ms); }

int Store::new_started_between(int64_t from_ms, int64_t to_ms) {
  int count = 0;
  for (const auto& row : log_.between(from_ms, to_ms)) count += row.before.state == CardState::New ? 1 : 0;
  return count;
}

PracticeData Store::practice_data() {
  PracticeData data;
  data.cards = cards_.all();
  data.log = log_.between(INT64_MIN, INT64_MAX, /*kept_tunes=*/true);
  return data;
}

void Store::merge_practice(const PracticeData& practice, ImportSummary& summary) {
  if (practice.cards.empty() && practice.log.empty()) return;
  const PracticeImportPlan plan = plan_practice_import(practice, collection_.ids(), cards_.ids(), log_.all_ratings());
  for (const auto& [tune_id, card] : plan.cards) cards_.put(tune_id, card);
  for (const auto& row : plan.log) log_.append(row, "imported", std::nullopt);
  summary.practice_cards_added += static_cast<int>(plan.cards.size());
  summary.practice_ratings_added += static_cast<int>(plan.log.size());
}

std::map<std::string, int> Store::reviews_per_day(int64_t from_ms, int utc_offset_minutes) {
  std::map<std::string, int> out;
  for (const int64_t at : log_.times_since(from_ms)) ++out[practice_day(at, utc_offset_minutes)];
  return out;
}

}  // namespace tt
