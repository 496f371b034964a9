// A practice day done: what was played and how each went (its rating and
// when it comes back), then what tomorrow brings, so the Practice tab is
// not a blank half-screen once the day's tunes are rated.
#include <imgui.h>

#include <algorithm>
#include <map>

#include "core/practice.h"
#include "core/time_format.h"
#include "core/words.h"
#include "web/screens/theme.h"
#include "web/screens/ui.h"

namespace tt::web {
namespace {

// The tunes rated today: the queue's in its order, then any other (a set's).
std::vector<int64_t> played_today(const PracticeState& p) {
  std::vector<int64_t> played;
  for (const auto& item : p.queue) {
    if (p.rating_today.count(item.tune_id)) played.push_back(item.tune_id);
  }
  for (const auto& [tune, rating] : p.rating_today) {
    if (std::find(played.begin(), played.end(), tune) == played.end()) played.push_back(tune);
  }
  return played;
}

}  // namespace

void draw_day_done(const Model& model, Ui& ui, const Layout&) {
  const PracticeState& p = model.practice;
  const auto now = static_cast<int64_t>(model.now_ms);
  const std::vector<int64_t> played = played_today(p);
  wrapped_text(ui, "All done for today.", "practice_done");

  // How it went: the day's latest rating of each tune, counted.
  std::map<Rating, int> by_rating;
  for (const int64_t tune : played) ++by_rating[p.rating_today.at(tune)];
  std::string how = "You played " + counted(static_cast<int64_t>(played.size()), "tune", "tunes");
  std::string parts;
  for (const Rating r : {Rating::Again, Rating::Hard, Rating::Good, Rating::Easy}) {
    if (by_rating[r] == 0) continue;
    parts += (parts.empty() ? "" : ", ") + std::to_string(by_rating[r]) + " " + rating_label(r);
  }
  wrapped_text(ui, how + (parts.empty() ? "." : ": " + parts + "."), "practice_day_summary");

  // Each tune: its rating and the day it comes back. A day's queue is made
  // once, in the morning, so a tune due later today (an Again) comes back
  // tomorrow, and "in 30 hours" at 22:00 is the day after tomorrow.
  int back_tomorrow = 0;
  const float width = ImGui::GetContentRegionAvail().x;
  for (size_t i = 0; i < played.size(); ++i) {
    const int64_t tune = played[i];
    const CollectionEntry* e = model.entry(tune);
    std::string line = std::string(e ? e->name : "A removed tune") + ": " + rating_label(p.rating_today.at(tune));
    if (const auto card = p.cards.find(tune); card != p.cards.end()) {
      const int64_t days = practice_days_until(card->second.due_ms, now, model.utc_offset_minutes);
      if (days <= 1) ++back_tomorrow;
      line += days <= 1 ? ", back tomorrow" : ", back in " + counted(days, "day", "days");
    }
    ImGui::TextDisabled("%s", fit_text(line, width).c_str());
    if (i == 0) ui.remember("practice_day_tune_0");
    ui.text(line);
  }

  // Tomorrow: today's tunes due again by then, with whatever else is due;
  // the limits say how many at most.
  std::string tomorrow = "Tomorrow: ";
  tomorrow += back_tomorrow == 0 ? "none of today's tunes is due again"
                                 : counted(back_tomorrow, "of today's tunes comes", "of today's tunes come") + " back";
  tomorrow += ", with any others due by then: at most " + counted(p.limits.per_day, "tune", "tunes") + ", " +
              std::to_string(p.limits.new_per_day) + " of them new.";
  ImGui::Spacing();
  wrapped_text(ui, tomorrow, "practice_tomorrow");
}

}  // namespace tt::web
