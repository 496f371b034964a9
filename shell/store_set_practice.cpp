// Practising a set: a set in the day's practice as one item, and its one
// rating given to each of its tunes (core/tune_set.h's set_tunes_to_rate).
// The FSRS half is the store's rating of one tune (store_practice.cpp).
#include "shell/store.h"

namespace tt {

SetRatingOutcome Store::rate_set(int64_t set_id, Rating rating, const FsrsParameters& params, int64_t now_ms) {
  check_rating_inputs(rating, params, now_ms);
  Change tx(*this, "rate_set");
  const auto set = get_set(set_id);
  if (!set) throw StoreError("Set #" + std::to_string(set_id) + " is not there");
  SetRatingOutcome outcome;
  for (const SetEntry& e : set->entries) {
    if (!e.in_collection) outcome.not_collected.push_back(e.tune_id);
  }
  for (const int64_t tune_id : set_tunes_to_rate(set->entries)) {
    const auto collected = collection_.get(tune_id);
    if (!collected) continue;  // in_collection said so a moment ago, in this transaction: cannot happen
    outcome.tunes.push_back(write_rating(*collected, rating, params, now_ms, set_id));
  }
  if (outcome.tunes.empty()) return outcome;  // nothing to rate: nothing written
  days_.mark_set_rated(set_id, now_ms);
  tx.commit();
  return outcome;
}

bool Store::queue_set_for_day(int64_t set_id, int64_t now_ms, int utc_offset_minutes) {
  const std::string day = practice_day(now_ms, utc_offset_minutes);
  Change tx(*this, "queue_set_for_day");
  if (!sets_.exists(set_id)) return false;
  days_.add_set(day, set_id);  // other days' sets are done with: only the day's are kept, like the tune queue
  tx.commit();
  return true;
}

bool Store::unqueue_set_for_day(int64_t set_id, int64_t now_ms, int utc_offset_minutes) {
  Change tx(*this, "unqueue_set_for_day");
  const bool removed = days_.remove_set(practice_day(now_ms, utc_offset_minutes), set_id);
  tx.commit();
  return removed;
}

std::vector<SetQueueItem> Store::sets_queued_for_day(int64_t now_ms, int utc_offset_minutes) {
  return days_.sets(practice_day(now_ms, utc_offset_minutes));
}

}  // namespace tt
