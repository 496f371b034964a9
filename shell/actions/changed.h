#pragma once
// What one user action changed, named by the slices a front end shows, so
// the page has ONE place that reads the model again and saves
// (web/update/update.cpp's Context::apply) and no handler decides it by hand.
#include <cstdint>

namespace tt::actions {

struct Changed {
  int64_t entry = 0;        // one tune's row (status, "+", notes, setting, details)
  bool collection = false;  // the collection as a whole (tunes added or removed)
  bool sets = false;        // sets, or what their entries show (in the collection or not)
  bool practice = false;    // cards, ratings, today's queue, the limits
  // Ratings given just now, and nothing else of practice: the day's counts,
  // the rated tunes' cards and the sets' marks (much less than `practice`).
  bool ratings = false;
  // A tune's learn status, and nothing else of practice: what to learn next
  // and the learned-per-month chart (the day's queue keeps the tunes it has).
  bool learn_status = false;
  bool settings = false;    // a setting only: nothing to read again, only to save
  bool history = false;     // a sync's run kept (the Sync tab reads it when shown): only to save
  // False for what the page keeps for itself (the day's queue, the export
  // time): saved, but not counted as the musician's change by the export reminder.
  bool musician_change = true;

  bool any() const {
    return entry != 0 || collection || sets || practice || ratings || learn_status || settings || history;
  }
  // Both changes: two different tunes read the whole list again.
  Changed& operator|=(const Changed& other) {
    const bool counted = (any() && musician_change) || (other.any() && other.musician_change);
    if (entry != 0 && other.entry != 0 && entry != other.entry) collection = true;
    if (entry == 0) entry = other.entry;
    collection |= other.collection;
    sets |= other.sets;
    practice |= other.practice;
    ratings |= other.ratings;
    learn_status |= other.learn_status;
    settings |= other.settings;
    history |= other.history;
    musician_change = counted;
    return *this;
  }
};

// An action's answer: what it returns to its caller, and what it changed.
template <typename T>
struct Done {
  T value{};
  Changed changed;
};

}  // namespace tt::actions
