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
    const auto collected = entry(tune_id);
    if (!collected) continue;  // in_collection said so a moment ago, in this transaction: cannot happen
    outcome.tunes.push_back(write_rating(*collected, rating, params, now_ms, set_id));
  }
  if (outcome.tunes.empty()) return outcome;  // nothing to rate: nothing written
  Statement mark(db_.handle(), "UPDATE practice_set_queue SET rated_at = ?2 WHERE set_id = ?1 AND rated_at IS NULL");
  mark.bind(1, set_id).bind(2, now_ms).run();
  tx.commit();
  return outcome;
}

bool Store::queue_set_for_day(int64_t set_id, int64_t now_ms, int utc_offset_minutes) {
  const std::string day = practice_day(now_ms, utc_offset_minutes);
  Change tx(*this, "queue_set_for_day");
  {
    Statement exists(db_.handle(), "SELECT 1 FROM tune_set WHERE id = ?1");
    exists.bind(1, set_id);
    if (!exists.step()) return false;
  }
  // Other days' sets are done with: only the day's are kept, like the tune queue.
  Statement forget(db_.handle(), "DELETE FROM practice_set_queue WHERE day != ?1");
  forget.bind(1, day).run();
  Statement add(db_.handle(),
                "INSERT OR IGNORE INTO practice_set_queue (day, set_id, position) "
                "SELECT ?1, ?2, COALESCE(MAX(position) + 1, 0) FROM practice_set_queue WHERE day = ?1");
  add.bind(1, day).bind(2, set_id).run();
  tx.commit();
  return true;
}

bool Store::unqueue_set_for_day(int64_t set_id, int64_t now_ms, int utc_offset_minutes) {
  Change tx(*this, "unqueue_set_for_day");
  Statement s(db_.handle(), "DELETE FROM practice_set_queue WHERE day = ?1 AND set_id = ?2");
  s.bind(1, practice_day(now_ms, utc_offset_minutes)).bind(2, set_id).run();
  const bool removed = db_.changes() > 0;
  tx.commit();
  return removed;
}

std::vector<SetQueueItem> Store::sets_queued_for_day(int64_t now_ms, int utc_offset_minutes) {
  Statement s(db_.handle(), "SELECT set_id, rated_at IS NOT NULL FROM practice_set_queue WHERE day = ?1 ORDER BY position");
  s.bind(1, practice_day(now_ms, utc_offset_minutes));
  std::vector<SetQueueItem> out;
  while (s.step()) out.push_back({s.int_at(0), s.int_at(1) != 0});
  return out;
}

}  // namespace tt
