#include "web/model/snapshot_slices.h"

#include "core/music_key.h"
#include "core/time_format.h"
#include "core/tune_set.h"

namespace tt::web {

// The Practice tab (issue 10's contract).
nlohmann::json practice_snapshot(const Model& m) {
  using nlohmann::json;
  const PracticeState& p = m.practice;
  json queue = json::array();
  for (const auto& item : p.queue) {
    const auto card = p.cards.find(item.tune_id);
    queue.push_back({{"tune_id", item.tune_id},
                     {"due", item.due_ms ? json(format_iso8601_utc(item.due_ms)) : json(nullptr)},
                     {"reason", to_string(item.reason)},
                     {"state", card == p.cards.end() ? "new" : to_string(card->second.state)},
                     {"rated_today", p.rated_today.count(item.tune_id) > 0}});
  }
  return {{"day", p.day},
          {"queue", queue},
          {"done_today", p.done_today},
          {"new_today", p.new_today},
          {"limit", p.limits.per_day},
          {"new_limit", p.limits.new_per_day},
          {"current_tune", p.current()},
          {"promotion_offer", p.promotion_offer ? json(*p.promotion_offer) : json(nullptr)},
          {"can_undo", p.last_rating.has_value()},
          {"next_to_learn", p.next_to_learn},
          {"sets", [&] {
             // Sets in today's practice: rated once, each tune's card its own.
             json sets = json::array();
             for (const SetToday& t : p.sets) {
               json tunes = json::array();
               if (const TuneSet* s = m.sets.find(t.set_id)) {
                 for (const SetEntry& e : s->entries) {
                   const auto card = p.cards.find(e.tune_id);
                   tunes.push_back({{"tune_id", e.tune_id},
                                    {"state", card == p.cards.end() ? "new" : to_string(card->second.state)},
                                    {"reps", card == p.cards.end() ? 0 : card->second.reps},
                                    {"due", card == p.cards.end() ? json(nullptr)
                                                                  : json(format_iso8601_utc(card->second.due_ms))}});
                 }
               }
               sets.push_back({{"set_id", t.set_id}, {"rated", t.rated}, {"tunes", tunes}});
             }
             return sets;
           }()},
          {"reviews_90_days", [&] { int n = 0; for (const auto& [d, c] : p.reviews_per_day) n += c; return n; }()},
          {"message", p.message},
          {"queue_ms", p.queue_ms}};
}

}  // namespace tt::web
