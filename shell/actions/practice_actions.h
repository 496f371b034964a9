#pragma once
// The musician's practice actions, for both front ends: rate a tune or a set,
// take the last rating back, start learning a tune today, the day's limits, a
// set put in (or out of) the day's practice. Each is one transaction of the
// store, recorded in its change log. Times are the caller's clock (epoch ms).
#include <cstdint>
#include <optional>
#include <vector>

#include "core/practice.h"
#include "shell/actions/changed.h"
#include "shell/store.h"

namespace tt::actions {

// StoreError (nothing written) for a tune not in the collection, unusable
// parameters or a time no clock can say.
Done<RatingOutcome> rate(Store& store, int64_t tune_id, Rating rating, const FsrsParameters& params, int64_t now_ms);
// StoreError for a set that is not there. A set none of whose tunes is
// collected writes nothing (value.tunes empty).
Done<SetRatingOutcome> rate_set(Store& store, int64_t set_id, Rating rating, const FsrsParameters& params,
                                int64_t now_ms);
Done<std::optional<PracticeLogEntry>> undo_last_rating(Store& store);
// A tune just made "learning" and never practised joins the day's queue as it
// was made, when the limits leave room (core's joins_todays_queue). Before
// the day's queue is made there is nothing to join: it will be built with it.
Done<bool> start_learning(Store& store, int64_t tune_id, int64_t now_ms, int utc_offset_minutes);
// The day's queue: the one kept for the day, else built and kept (a write
// the musician did not make: not counted as their change).
Done<std::vector<QueueItem>> todays_queue(Store& store, int64_t now_ms, int utc_offset_minutes,
                                          const PracticeLimits& limits);
// StoreError with a message a person can act on for limits out of range.
Done<bool> set_practice_limits(Store& store, const PracticeLimits& limits);
Done<bool> queue_set_for_day(Store& store, int64_t set_id, bool queue, int64_t now_ms, int utc_offset_minutes);

}  // namespace tt::actions
