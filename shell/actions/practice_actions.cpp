#include "shell/actions/practice_actions.h"

namespace tt::actions {
namespace {

Changed practice_changed(bool done) {
  Changed changed;
  changed.practice = done;
  return changed;
}

Changed ratings_given(bool given) {
  Changed changed;
  changed.ratings = given;
  return changed;
}

}  // namespace

Done<RatingOutcome> rate(Store& store, int64_t tune_id, Rating rating, const FsrsParameters& params, int64_t now_ms) {
  return {store.rate(tune_id, rating, params, now_ms), ratings_given(true)};
}

Done<SetRatingOutcome> rate_set(Store& store, int64_t set_id, Rating rating, const FsrsParameters& params,
                                int64_t now_ms) {
  Done<SetRatingOutcome> result{store.rate_set(set_id, rating, params, now_ms), {}};
  result.changed = ratings_given(!result.value.tunes.empty());
  return result;
}

Done<std::optional<PracticeLogEntry>> undo_last_rating(Store& store) {
  Done<std::optional<PracticeLogEntry>> result{store.undo_last_rating(), {}};
  result.changed = practice_changed(result.value.has_value());
  return result;
}

Done<bool> start_learning(Store& store, int64_t tune_id, int64_t now_ms, int utc_offset_minutes) {
  const auto entry = store.entry(tune_id);
  if (!entry || entry->status != LearnStatus::Learning || store.practice_card(tune_id)) return {};
  const std::string day = practice_day(now_ms, utc_offset_minutes);
  auto queue = store.saved_practice_queue(day);
  if (!queue || !joins_todays_queue(*queue, store.practice_limits(), tune_id)) return {};
  queue->push_back({tune_id, QueueReason::New, 0});
  store.save_practice_queue(day, *queue);
  Done<bool> result{true, practice_changed(true)};
  result.changed.musician_change = false;  // the day's queue; the status change is the musician's
  return result;
}

Done<std::vector<QueueItem>> todays_queue(Store& store, int64_t now_ms, int utc_offset_minutes,
                                          const PracticeLimits& limits) {
  const auto kept = store.saved_practice_queue(practice_day(now_ms, utc_offset_minutes));
  Done<std::vector<QueueItem>> result{store.todays_practice_queue(now_ms, utc_offset_minutes, limits), {}};
  // Built now (none was kept for the day): the file holds it, so a reload finds the same queue.
  const bool built = !(kept && !kept->empty()) && !result.value.empty();
  result.changed.settings = built;  // saved, nothing to read again
  result.changed.musician_change = false;
  return result;
}

Done<bool> set_practice_limits(Store& store, const PracticeLimits& limits) {
  store.set_practice_limits(limits);
  return {true, practice_changed(true)};
}

Done<bool> queue_set_for_day(Store& store, int64_t set_id, bool queue, int64_t now_ms, int utc_offset_minutes) {
  const bool done = queue ? store.queue_set_for_day(set_id, now_ms, utc_offset_minutes)
                          : store.unqueue_set_for_day(set_id, now_ms, utc_offset_minutes);
  Done<bool> result{done, practice_changed(done)};
  result.changed.sets = done;
  return result;
}

}  // namespace tt::actions
