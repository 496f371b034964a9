// The Practice tab: today's queue (made once a day by the store and kept),
// a rating per tune (one transaction with its log row, then one save),
// Undo, "mark it learned?", what to learn next and the progress charts.
#include "core/practice.h"

#include <chrono>

#include "core/time_format.h"
#include "shell/actions/practice_actions.h"
#include "shell/actions/tune_actions.h"
#include "web/update/update_context.h"

namespace tt::web {
namespace {

constexpr size_t kNextToLearn = 5;
constexpr int64_t kChartDays = 90;

int64_t now(const Context& c) { return static_cast<int64_t>(c.now); }

// What ratings change, read for the day in `p.day`: who was rated, the
// counts, the cards of the queue and of the day's sets, and the sets' marks.
void read_days_ratings(Context& c) {
  Store& store = *c.services.store;
  PracticeState& p = c.model.practice;
  const int offset = c.model.utc_offset_minutes;
  const int64_t day_start = practice_day_start_ms(now(c), offset);
  const int64_t day_end = practice_day_end_ms(now(c), offset);
  // Today is [start, end): a rating dated in the future (a device with a
  // wrong clock) is not today's. Counts as the store and the CLI count.
  p.rated_today.clear();
  p.rating_today.clear();
  p.done_today = 0;
  p.new_today = 0;
  for (const auto& entry : store.practice_log_since(day_start)) {
    if (entry.at_ms >= day_end) continue;
    p.rated_today.insert(entry.tune_id);
    p.rating_today[entry.tune_id] = entry.rating;  // oldest first: the last one stays
    ++p.done_today;
    if (entry.before.state == CardState::New) ++p.new_today;
  }
  p.cards.clear();
  for (const auto& item : p.queue) {
    if (const auto card = store.practice_card(item.tune_id)) p.cards[item.tune_id] = *card;
  }
  // Sets put in today's practice, and their tunes' schedules.
  p.sets.clear();
  for (const SetQueueItem& item : store.sets_queued_for_day(now(c), offset)) {
    p.sets.push_back({item.set_id, item.rated});
    if (const TuneSet* set = c.model.sets.find(item.set_id)) {
      for (const SetEntry& e : set->entries) {
        if (const auto card = store.practice_card(e.tune_id)) p.cards[e.tune_id] = *card;
      }
    }
  }
}

}  // namespace

actions::Changed refresh_practice(Context& c) {
  if (!c.services.store) return {};
  Store& store = *c.services.store;
  PracticeState& p = c.model.practice;
  const int offset = c.model.utc_offset_minutes;
  p.limits = store.practice_limits();
  p.parameters = store.practice_parameters();
  p.day = practice_day(now(c), offset);
  const auto started = std::chrono::steady_clock::now();
  auto today = actions::todays_queue(store, now(c), offset, p.limits);
  p.queue = std::move(today.value);
  p.queue_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  read_days_ratings(c);
  refresh_learning_progress(c);
  const int64_t day_start = practice_day_start_ms(now(c), offset);
  p.reviews_per_day = store.reviews_per_day(day_start - (kChartDays - 1) * kDayMs, offset);
  if (const int64_t current = p.current()) ensure_details(c, current);
  // The queue as made for today is kept in the file: saved (by the tab that
  // owns it) so a reload finds the same one.
  return c.model.owns_database ? today.changed : actions::Changed{};
}

void refresh_learning_progress(Context& c) {
  const auto& entries = c.model.collection.entries();
  c.model.practice.next_to_learn = next_to_learn(entries, kNextToLearn);
  c.model.practice.learned_per_month = learned_per_month(learned_dates(entries));
}

actions::Changed refresh_todays_ratings(Context& c) {
  if (!c.services.store) return {};
  PracticeState& p = c.model.practice;
  // Past midnight, or a day whose queue was made empty (it is made again,
  // which can add tunes): practice read whole.
  if (p.day != practice_day(now(c), c.model.utc_offset_minutes) || p.queue.empty()) return refresh_practice(c);
  read_days_ratings(c);
  p.reviews_per_day[p.day] = p.done_today;  // a rating given now is today's
  if (const int64_t current = p.current()) ensure_details(c, current);
  return {};
}

namespace {

void rate(Context& c, const event::Rate& e) {
  PracticeState& p = c.model.practice;
  if (!c.writable()) return;
  if (!c.model.entry(e.tune_id)) {
    p.message = "Tune #" + std::to_string(e.tune_id) + " is no longer in your collection; nothing was recorded.";
    c.apply(refresh_practice(c));
    return;
  }
  actions::Done<RatingOutcome> rated;
  try {
    rated = actions::rate(*c.services.store, e.tune_id, e.rating, p.parameters, now(c));
  } catch (const StoreError& error) {
    // Removed in another tab a moment ago: say so; nothing was written.
    p.message = std::string(error.what()) + "; nothing was recorded.";
    c.apply(refresh_practice(c));
    return;
  }
  p.last_rating = rated.value.entry;
  p.promotion_offer.reset();
  if (rated.value.suggests_promotion) p.promotion_offer = e.tune_id;
  p.message.clear();
  c.apply(rated.changed);
}

// A set is rated once: the store gives that rating to each of its collected
// tunes (each keeps its own schedule), in one transaction.
void rate_set(Context& c, const event::RateSet& e) {
  PracticeState& p = c.model.practice;
  if (!c.writable()) return;
  actions::Done<SetRatingOutcome> rated;
  try {
    rated = actions::rate_set(*c.services.store, e.set_id, e.rating, p.parameters, now(c));
  } catch (const StoreError& error) {
    p.message = std::string(error.what()) + "; nothing was recorded.";
    c.apply(refresh_practice(c));
    return;
  }
  const SetRatingOutcome& outcome = rated.value;
  p.promotion_offer.reset();
  if (outcome.tunes.empty()) {
    p.message = "None of this set's tunes is in your collection; nothing was recorded.";
    c.apply(refresh_practice(c));
    return;
  }
  p.last_rating = outcome.tunes.back().entry;  // Undo takes the whole set's rating back
  const size_t missing = outcome.not_collected.size();
  p.message = missing == 0 ? "" : std::to_string(missing) + (missing == 1 ? " tune" : " tunes") +
                                      " of the set not in your collection: not rated.";
  c.apply(rated.changed);
}

void undo(Context& c) {
  PracticeState& p = c.model.practice;
  if (!c.writable()) return;
  const auto undone = actions::undo_last_rating(*c.services.store);
  p.last_rating.reset();
  p.promotion_offer.reset();
  p.message = undone.value ? "Took back the last rating." : "Nothing to undo.";
  c.apply(undone.value ? undone.changed : refresh_practice(c));
}

}  // namespace

void handle_practice(Context& c, const Event& event) {
  PracticeState& p = c.model.practice;
  if (std::holds_alternative<event::StorageLoaded>(event) || std::holds_alternative<event::StorageReloaded>(event)) {
    c.apply(refresh_practice(c));
  } else if (const auto* e = std::get_if<event::ViewChanged>(&event)) {
    if (e->view.tab == "practice") c.apply(refresh_practice(c));
  } else if (const auto* e = std::get_if<event::UrlChanged>(&event)) {
    (void)e;
    if (c.model.view.tab == "practice") c.apply(refresh_practice(c));
  } else if (std::holds_alternative<event::Tick>(event)) {
    // Past midnight: a new day, a new queue.
    if (c.services.store && !p.day.empty() && practice_day(now(c), c.model.utc_offset_minutes) != p.day) {
      p.last_rating.reset();
      c.apply(refresh_practice(c));
    }
  } else if (const auto* e = std::get_if<event::Rate>(&event)) {
    rate(c, *e);
  } else if (const auto* e = std::get_if<event::RateSet>(&event)) {
    rate_set(c, *e);
  } else if (std::holds_alternative<event::UndoRating>(event)) {
    undo(c);
  } else if (const auto* e = std::get_if<event::AnswerPromotion>(&event)) {
    if (p.promotion_offer != e->tune_id) return;
    p.promotion_offer.reset();
    if (e->promote && c.writable()) {
      c.apply(actions::set_status(*c.services.store, e->tune_id, LearnStatus::Learned, now(c),
                                          c.model.utc_offset_minutes)
                  .changed);
    }
  } else if (const auto* e = std::get_if<event::SetPracticeLimits>(&event)) {
    if (!c.writable()) return;
    try {
      // Today's queue stays as it was made; the new limits shape tomorrow's.
      c.apply(actions::set_practice_limits(*c.services.store, {e->per_day, e->new_per_day}).changed);
      p.message.clear();
    } catch (const StoreError& error) {
      p.message = error.what();
    }
  }
}

}  // namespace tt::web
