// The Practice tab: today's tune with its music and four rating buttons
// (keys 1-4), Undo, "mark it learned?", the daily limits, what to learn next,
// and the progress made (ui_progress.cpp).
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/music_key.h"
#include "core/practice.h"
#include "core/tune_set.h"
#include "core/time_format.h"
#include "core/words.h"
#include "web/screens/theme.h"
#include "web/screens/ui.h"

namespace tt::web {
namespace {

constexpr Rating kRatings[] = {Rating::Again, Rating::Hard, Rating::Good, Rating::Easy};

void draw_limits(const Model& model, Ui& ui, const Layout&) {
  const PracticeState& p = model.practice;
  ImGui::AlignTextToFramePadding();  // level with the fields beside it
  ImGui::Text("Today: %d rated, %d new.", p.done_today, p.new_today);
  ui.remember("practice_today");
  // The limits read as a sentence: "[10] tunes a day  [3] new a day". Each
  // field is its own item (its words beside it), so a tap on it is on it.
  const float field = ImGui::GetFontSize() * 3, gap = ImGui::GetStyle().ItemInnerSpacing.x;
  bool hovered = false;
  const auto limit = [&](const NumberField& f, int value, const char* words) {
    same_line_if_fits(field + gap + ImGui::CalcTextSize(words).x);
    number_field(model, ui, f, value);
    hovered = hovered || ImGui::IsItemHovered();
    ImGui::SameLine(0, gap);
    ImGui::TextUnformatted(words);
  };
  limit({"##per_day", "practice_limit", "Tunes to practise a day", 1, kMaxPracticePerDay, field}, p.limits.per_day,
        "tunes a day");
  limit({"##new_per_day", "practice_new_limit", "New tunes a day", 0, kMaxPracticePerDay, field},
        p.limits.new_per_day, "new a day");
  if (hovered) ImGui::SetTooltip("New limits shape tomorrow's queue; today's stays as it was made.");
}

void draw_current(const Model& model, Ui& ui, const Layout& layout, int64_t tune_id) {
  const PracticeState& p = model.practice;
  const CollectionEntry* e = model.entry(tune_id);
  if (!e) return;
  ImGui::Separator();
  ImGui::TextUnformatted(e->name.c_str());
  ui.remember("practice_name");
  ui.heading(2, e->name);
  const TuneDetails* d = model.tune_details(tune_id);
  const std::string key =
      d && !d->settings.empty() ? key_label(d->settings[model.chosen_setting(tune_id)].key) : key_label(e->key);
  ImGui::TextDisabled("%s%s%s", e->type.c_str(), key.empty() ? "" : " · ", key.c_str());

  // Four buttons, each with the wait it would set (the scheduler is pure, so
  // asking it costs nothing), and keys 1-4.
  const auto card_it = p.cards.find(tune_id);
  const auto now = static_cast<int64_t>(model.now_ms);
  const CardMemory card = card_it != p.cards.end() ? card_it->second : new_card(now);
  const float width = std::min(ImGui::GetContentRegionAvail().x / 4 - ImGui::GetStyle().ItemSpacing.x,
                               ImGui::GetFontSize() * 7);
  for (size_t i = 0; i < 4; ++i) {
    const Rating r = kRatings[i];
    std::string label = std::string(rating_label(r));
    try {
      label += "\n" + wait_words(review(p.parameters, card, r, now).due_ms - now);
    } catch (const std::exception&) {
      // Parameters the store refused: the button still rates; no preview.
    }
    if (i > 0) ImGui::SameLine();
    ImGui::BeginDisabled(model.read_only());
    if (ImGui::Button((label + "##rate").c_str(), ImVec2(width, std::max(2.6f * ImGui::GetFontSize(), ImGui::GetFrameHeight())))) {
      ui.emit(event::Rate{tune_id, r});
    }
    ImGui::EndDisabled();
    ui.remember("rate_" + std::string(to_string(r)));
  }
  const ImGuiIO& io = ImGui::GetIO();
  if (!io.WantTextInput && !model.read_only()) {
    for (int i = 0; i < 4; ++i) {
      if (ImGui::IsKeyPressed('1' + i, false)) ui.emit(event::Rate{tune_id, kRatings[i]});
    }
  }
  if (d) {
    ImGui::Spacing();
    draw_notation(model, ui, layout, tune_id, *d);
  } else {
    ImGui::TextDisabled("Loading the tune's music...");
  }
}

void draw_promotion(const Model& model, Ui& ui) {
  const PracticeState& p = model.practice;
  if (!p.promotion_offer) return;
  const CollectionEntry* e = model.entry(*p.promotion_offer);
  if (!e) return;
  ImGui::PushStyleColor(ImGuiCol_ChildBg, imgui_colour(current_palette().done));
  const std::string question = "You know \"" + e->name + "\" well now. Mark it learned?";
  const ImGuiStyle& style = ImGui::GetStyle();
  const float wrap = ImGui::GetContentRegionAvail().x - style.WindowPadding.x * 2;
  const float height = ImGui::CalcTextSize(question.c_str(), nullptr, false, wrap).y + style.ItemSpacing.y +
                       ImGui::GetFrameHeight() * 2 + style.WindowPadding.y * 2;
  ImGui::BeginChild("promotion", ImVec2(0, height), true);
  ImGui::TextWrapped("%s", question.c_str());
  if (ImGui::Button("Yes, learned")) ui.emit(event::AnswerPromotion{e->tune_id, true});
  ui.remember("promote_yes");
  same_line_if_fits(button_width("Not yet"));
  if (ImGui::Button("Not yet")) ui.emit(event::AnswerPromotion{e->tune_id, false});
  ui.remember("promote_no");
  ImGui::EndChild();
  ImGui::PopStyleColor();
}

void draw_next_to_learn(const Model& model, Ui& ui, const Layout& layout) {
  const PracticeState& p = model.practice;
  ImGui::Separator();
  ImGui::TextUnformatted("What to learn next");
  ui.heading(2, "What to learn next");
  if (p.next_to_learn.empty()) {
    ImGui::TextDisabled("Nothing marked \"want to learn\".");
    return;
  }
  for (size_t i = 0; i < p.next_to_learn.size(); ++i) {
    const CollectionEntry* e = model.entry(p.next_to_learn[i]);
    if (!e) continue;
    ImGui::PushID(static_cast<int>(i));
    ImGui::BeginDisabled(model.read_only());
    if (compact_button(layout, "Start learning")) ui.emit(event::SetStatus{e->tune_id, LearnStatus::Learning});
    ImGui::EndDisabled();
    ui.remember("next_learn_" + std::to_string(i));
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::PushTextWrapPos(0);
    // Popularity only once known: "in 0 tunebooks" would say it is unloved.
    std::string why = "heard " + counted(e->heard_count, "time", "times");
    if (e->tunebooks > 0) why += ", in " + counted(e->tunebooks, "tunebook", "tunebooks") + " on thesession.org";
    ImGui::Text("%s  (%s)", e->name.c_str(), why.c_str());
    ImGui::PopTextWrapPos();
    ui.remember("next_learn_name_" + std::to_string(i));
    ImGui::PopID();
  }
}

// Sets put in today's practice (from a set's page): each is rated once, and
// that rating goes to each of its tunes.
void draw_sets_today(const Model& model, Ui& ui, const Layout& layout) {
  const PracticeState& p = model.practice;
  if (p.sets.empty()) return;
  ImGui::Separator();
  ImGui::TextUnformatted("Sets today");
  ui.heading(2, "Sets today");
  for (size_t i = 0; i < p.sets.size(); ++i) {
    const TuneSet* set = model.sets.find(p.sets[i].set_id);
    if (!set) continue;
    ImGui::PushID(static_cast<int>(set->id));
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(set->name.c_str());
    ImGui::PopTextWrapPos();
    ui.remember("set_today_" + std::to_string(i));
    const std::string keys = set_key_chain(set->entries);
    ImGui::TextDisabled("%s", fit_text(keys, ImGui::GetContentRegionAvail().x).c_str());
    ui.text(keys);
    if (p.sets[i].rated) {
      ImGui::TextDisabled("Rated today");
      ImGui::PopID();
      continue;
    }
    ImGui::BeginDisabled(model.read_only());
    for (size_t r = 0; r < 4; ++r) {
      if (r > 0) same_line_if_fits(button_width(rating_label(kRatings[r])));
      if (compact_button(layout, rating_label(kRatings[r]))) ui.emit(event::RateSet{set->id, kRatings[r]});
      ui.remember("set_rate_" + std::string(to_string(kRatings[r])) + "_" + std::to_string(i));
      ui.describe("button", std::string(rating_label(kRatings[r])) + " on the set " + set->name);
    }
    ImGui::EndDisabled();
    ImGui::PopID();
  }
}

void draw_today(const Model& model, Ui& ui, const Layout& layout) {
  const PracticeState& p = model.practice;
  draw_limits(model, ui, layout);
  if (!p.message.empty()) ImGui::TextColored(imgui_colour(current_palette().warning_text), "%s", p.message.c_str());
  draw_promotion(model, ui);
  if (p.last_rating) {
    const CollectionEntry* e = model.entry(p.last_rating->tune_id);
    const std::string what = std::string(rating_label(p.last_rating->rating)) + " on " + (e ? e->name : "a removed tune");
    ImGui::BeginDisabled(model.read_only());
    if (compact_button(layout, ("Undo: " + what).c_str())) ui.emit(event::UndoRating{});
    ImGui::EndDisabled();
    ui.remember("practice_undo");
  }
  draw_sets_today(model, ui, layout);
  const int64_t current = p.current();
  size_t left = 0;
  for (const auto& item : p.queue) left += p.rated_today.count(item.tune_id) ? 0 : 1;
  if (current) {
    ImGui::Text("%zu to play today", left);
    ui.remember("practice_left");
    draw_current(model, ui, layout, current);
  } else if (p.queue.empty()) {
    ImGui::TextWrapped("Nothing to practise today. Tunes you mark \"learning\" come here, and learned ones come back when they are due.");
  } else {
    draw_day_done(model, ui, layout);
  }
}

}  // namespace

const char* rating_label(Rating r) {
  switch (r) {
    case Rating::Again: return "Again";
    case Rating::Hard: return "Hard";
    case Rating::Good: return "Good";
    case Rating::Easy: return "Easy";
  }
  return "";
}

void draw_practice(const Model& model, Ui& ui, const Layout& layout) {
  if (!model.ready) {
    ImGui::TextUnformatted("Opening your collection...");
    return;
  }
  if (layout.narrow) {
    // One column: today's tune, then what to learn next and the progress.
    ImGui::BeginChild("practice_pane");
    draw_today(model, ui, layout);
    draw_next_to_learn(model, ui, layout);
    draw_progress(model, ui, layout);
    ImGui::EndChild();
    return;
  }
  // Two columns, so the music arriving for today's tune never moves the
  // "what to learn next" buttons under the pointer.
  ImGui::BeginChild("practice_today", ImVec2(layout.width * 0.6f, 0));
  draw_today(model, ui, layout);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("practice_side", ImVec2(0, 0), true);
  draw_next_to_learn(model, ui, layout);
  draw_progress(model, ui, layout);
  ImGui::EndChild();
}

}  // namespace tt::web
