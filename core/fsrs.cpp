#include "core/fsrs.h"
#include "core/time_format.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <stdexcept>
#include <string>

#include "core/fsrs_alea.h"

// Each function mirrors the ts-fsrs 5.4.2 function of the same name
// (dist/index.mjs), operation for operation: JavaScript evaluates left to
// right in doubles, rounds with Math.round (halves up) and rounds most
// results to 8 decimals, so the same order here gives the same bits. Only
// exp/log/pow could differ (V8's fdlibm and the C library may disagree in the
// last bit); the 8-decimal rounding absorbs that, and in tests/fsrs every
// value comes out bit-identical.

namespace tt {
namespace {


double js_round(double x) {  // Math.round: halves go up, also for negatives
  const double r = std::floor(x);
  return x - r >= 0.5 ? r + 1 : r;
}
double round_to8(double x) { return js_round(x * 1e8) / 1e8; }
double clamp(double v, double lo, double hi) { return std::min(std::max(v, lo), hi); }

int64_t floor_div(int64_t a, int64_t b) {
  const int64_t q = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

// dateDiffInDays: UTC calendar dates apart; clamped at 0 (see the header).
int64_t utc_days_between(int64_t last_ms, int64_t now_ms) {
  return std::max<int64_t>(0, floor_div(now_ms, kDayMs) - floor_div(last_ms, kDayMs));
}

// clipParameters: each weight into ts-fsrs's bounds.
std::array<double, 21> clip_weights(const FsrsParameters& p) {
  const double short_floor = p.enable_short_term ? 0.01 : 0;
  double w17_w18_ceiling = 2;
  const double bounds[21][2] = {
      {0.001, 100}, {0.001, 100}, {0.001, 100}, {0.001, 100}, {1, 10},     {0.001, 4},
      {0.001, 4},   {0.001, 0.75}, {0, 4.5},    {0, 0.8},     {0.001, 3.5}, {0.001, 5},
      {0.001, 0.25}, {0.001, 0.9}, {0, 4},      {0, 1},       {1, 6},       {0, 2},
      {0, 2},       {short_floor, 0.8}, {0.1, 0.8}};
  const auto n_relearning = static_cast<double>(p.relearning_steps_ms.size());
  if (n_relearning > 1) {
    // More relearning steps compound the short-term boost: cap it so a lapse
    // cannot end with more stability than it started with.
    const double w11 = clamp(p.w[11], bounds[11][0], bounds[11][1]);
    const double w13 = clamp(p.w[13], bounds[13][0], bounds[13][1]);
    const double w14 = clamp(p.w[14], bounds[14][0], bounds[14][1]);
    const double value = -(std::log(w11) + std::log(std::pow(2, w13) - 1) + w14 * 0.3) / n_relearning;
    w17_w18_ceiling = clamp(round_to8(std::sqrt(std::max(value, 0.0))), 0.01, 2);
  }
  std::array<double, 21> w{};
  for (size_t i = 0; i < w.size(); ++i) {
    const double hi = (i == 17 || i == 18) ? w17_w18_ceiling : bounds[i][1];
    w[i] = clamp(p.w[i], bounds[i][0], hi);
  }
  return w;
}

// The algorithm with its parameters prepared (FSRSAlgorithm).
struct Model {
  const FsrsParameters& p;
  std::array<double, 21> w;
  double decay, factor, interval_modifier;
  std::string seed;

  explicit Model(const FsrsParameters& parameters) : p(parameters), w(clip_weights(parameters)) {
    decay = -w[20];  // computeDecayFactor
    factor = round_to8(std::exp((1 / decay) * std::log(0.9)) - 1);
    interval_modifier = round_to8((std::pow(p.request_retention, 1 / decay) - 1) / factor);
  }

  double forgetting_curve(double t, double s) const {
    return round_to8(std::pow(1 + factor * t / s, decay));
  }
  double init_stability(int g) const { return std::max(w[g - 1], 0.1); }
  double init_difficulty(int g) const { return round_to8(w[4] - std::exp((g - 1) * w[5]) + 1); }

  double apply_fuzz(double ivl, double elapsed_days) const {
    if (!p.enable_fuzz || ivl < 2.5) return js_round(ivl);
    const double fuzz_factor = fsrs_detail::Alea(seed).next();
    // get_fuzz_range
    const double ranges[3][3] = {{2.5, 7, 0.15}, {7, 20, 0.1}, {20, INFINITY, 0.05}};
    double delta = 1;
    for (const auto& r : ranges) delta += r[2] * std::max(std::min(ivl, r[1]) - r[0], 0.0);
    const double max_interval = p.maximum_interval_days;
    ivl = std::min(ivl, max_interval);
    double min_ivl = std::max(2.0, js_round(ivl - delta));
    const double max_ivl = std::min(js_round(ivl + delta), max_interval);
    if (ivl > elapsed_days) min_ivl = std::max(min_ivl, elapsed_days + 1);
    min_ivl = std::min(min_ivl, max_ivl);
    return std::floor(fuzz_factor * (max_ivl - min_ivl + 1) + min_ivl);
  }
  double next_interval(double s, double elapsed_days) const {
    const double ivl = std::min(std::max(1.0, js_round(s * interval_modifier)),
                                static_cast<double>(p.maximum_interval_days));
    return apply_fuzz(ivl, elapsed_days);
  }

  double next_difficulty(double d, int g) const {
    const double delta_d = -w[6] * (g - 3);
    const double next_d = d + round_to8(delta_d * (10 - d) / 9);  // linear damping
    const double reverted = round_to8(w[7] * init_difficulty(4) + (1 - w[7]) * next_d);
    return clamp(reverted, 1, 10);
  }
  double next_recall_stability(double d, double s, double r, int g) const {
    const double hard_penalty = g == 2 ? w[15] : 1;
    const double easy_bound = g == 4 ? w[16] : 1;
    return round_to8(clamp(s * (1 + std::exp(w[8]) * (11 - d) * std::pow(s, -w[9]) *
                                        (std::exp((1 - r) * w[10]) - 1) * hard_penalty * easy_bound),
                           kFsrsMinStability, 36500));
  }
  double next_forget_stability(double d, double s, double r) const {
    return round_to8(clamp(w[11] * std::pow(d, -w[12]) * (std::pow(s + 1, w[13]) - 1) *
                               std::exp((1 - r) * w[14]),
                           kFsrsMinStability, 36500));
  }
  double next_short_term_stability(double s, int g) const {
    const double sinc = std::pow(s, -w[19]) * std::exp(w[17] * (g - 3 + w[18]));
    const double masked = g >= 2 ? std::max(sinc, 1.0) : sinc;
    return round_to8(clamp(s * masked, kFsrsMinStability, 36500));
  }

  // next_state: the memory after rating g, t days after the last review.
  void next_state(CardMemory& card, double t, int g, std::optional<double> r_given) const {
    const double d = card.difficulty, s = card.stability;
    if (d == 0 && s == 0) {
      card.difficulty = clamp(init_difficulty(g), 1, 10);
      card.stability = init_stability(g);
      return;
    }
    const double r = r_given ? *r_given : forgetting_curve(t, s);
    double new_s;
    if (t == 0 && p.enable_short_term) {
      new_s = next_short_term_stability(s, g);
    } else if (g == 1) {
      const double s_after_fail = next_forget_stability(d, s, r);
      const double w17 = p.enable_short_term ? w[17] : 0, w18 = p.enable_short_term ? w[18] : 0;
      new_s = clamp(round_to8(s / std::exp(w17 * w18)), kFsrsMinStability, s_after_fail);
    } else {
      new_s = next_recall_stability(d, s, r, g);
    }
    card.difficulty = next_difficulty(d, g);
    card.stability = new_s;
  }
};

// BasicLearningStepsStrategy: the step a rating leads to, or none (graduate).
struct StepPlan {
  double minutes = 0;
  int next_step = 0;
};
StepPlan step_plan(const FsrsParameters& p, CardState state, int cur_step, int g) {
  const bool relearning = state == CardState::Relearning || state == CardState::Review;
  const auto& steps = relearning ? p.relearning_steps_ms : p.learning_steps_ms;
  const int n = static_cast<int>(steps.size());
  if (n == 0 || cur_step >= n) return {};
  const auto minutes = [&](int i) { return static_cast<double>(steps[static_cast<size_t>(i)] / kFsrsStepUnitMs); };
  if (state == CardState::Review) {
    return g == 1 ? StepPlan{minutes(cur_step), 0} : StepPlan{};
  }
  switch (g) {
    case 1: return {minutes(0), 0};
    case 2: return {n == 1 ? js_round(minutes(0) * 1.5) : js_round((minutes(0) + minutes(1)) / 2), cur_step};
    case 3:
      if (cur_step + 1 < n && minutes(cur_step + 1) != 0) return {js_round(minutes(cur_step + 1)), cur_step + 1};
      return {};
    default: return {};
  }
}

// One review in progress (AbstractScheduler + BasicScheduler/LongTermScheduler).
struct Scheduler {
  Model model;
  CardMemory last;     // as rated
  CardMemory current;  // last, with this review counted
  int64_t now_ms;
  double elapsed_days;

  CardMemory next_ds(double t, int g, std::optional<double> r = std::nullopt) const {
    CardMemory card = current;
    model.next_state(card, t, g, r);
    return card;
  }
  // Our one change to ts-fsrs's arithmetic: it orders Hard < Good < Easy
  // after capping each at the maximum interval, so Good and Easy could land
  // 1 or 2 days past it (3 for Easy without short-term). The cap is a promise.
  void schedule_days(CardMemory& card, double days) const {
    const auto capped = std::min(static_cast<int64_t>(days), int64_t{model.p.maximum_interval_days});
    card.scheduled_days = capped;
    card.due_ms = now_ms + capped * kDayMs;
  }
  void apply_learning_steps(CardMemory& card, int g, CardState to_state) const {
    const StepPlan plan = step_plan(model.p, current.state, current.learning_step, g);
    const double minutes = std::max(0.0, plan.minutes);
    const auto step_ms = static_cast<int64_t>(js_round(minutes)) * kFsrsStepUnitMs;
    if (minutes > 0 && minutes < 1440) {
      card.learning_step = std::max(0, plan.next_step);
      card.scheduled_days = 0;
      card.state = to_state;
      card.due_ms = now_ms + step_ms;
    } else if (minutes >= 1440) {
      card.state = CardState::Review;
      card.learning_step = std::max(0, plan.next_step);
      card.due_ms = now_ms + step_ms;
      card.scheduled_days = static_cast<int64_t>(std::floor(minutes / 1440));
    } else {
      card.state = CardState::Review;
      card.learning_step = 0;
      schedule_days(card, model.next_interval(card.stability, elapsed_days));
    }
  }

  CardMemory short_term(int g) const {
    if (last.state != CardState::Review) {  // New, Learning, Relearning
      CardMemory next = next_ds(elapsed_days, g);
      apply_learning_steps(next, g, last.state == CardState::New ? CardState::Learning : last.state);
      return next;
    }
    const double r = model.forgetting_curve(elapsed_days, current.stability);
    if (g == 1) {
      CardMemory again = next_ds(elapsed_days, 1, r);
      apply_learning_steps(again, 1, CardState::Relearning);
      again.lapses += 1;
      return again;
    }
    const CardMemory hard = next_ds(elapsed_days, 2, r), good = next_ds(elapsed_days, 3, r),
                     easy = next_ds(elapsed_days, 4, r);
    double hard_i = model.next_interval(hard.stability, elapsed_days);
    double good_i = model.next_interval(good.stability, elapsed_days);
    hard_i = std::min(hard_i, good_i);
    good_i = std::max(good_i, hard_i + 1);
    const double easy_i = std::max(model.next_interval(easy.stability, elapsed_days), good_i + 1);
    CardMemory next = g == 2 ? hard : g == 3 ? good : easy;
    schedule_days(next, g == 2 ? hard_i : g == 3 ? good_i : easy_i);
    next.state = CardState::Review;
    next.learning_step = 0;
    return next;
  }

  CardMemory long_term(int g) {
    double t = elapsed_days;
    std::optional<double> r;
    if (last.state == CardState::New) {
      current.scheduled_days = 0;
      current.elapsed_days = 0;
      t = 0;
    } else {
      r = model.forgetting_curve(t, current.stability);
    }
    double ivl[5];
    for (int k = 1; k <= 4; ++k) ivl[k] = model.next_interval(next_ds(t, k, r).stability, t);
    ivl[1] = std::min(ivl[1], ivl[2]);
    ivl[2] = std::max(ivl[2], ivl[1] + 1);
    ivl[3] = std::max(ivl[3], ivl[2] + 1);
    ivl[4] = std::max(ivl[4], ivl[3] + 1);
    CardMemory next = next_ds(t, g, r);
    schedule_days(next, ivl[g]);
    next.state = CardState::Review;
    next.learning_step = 0;
    if (g == 1 && last.state != CardState::New) next.lapses += 1;
    return next;
  }
};

// The card as ts-fsrs would need it to be (see the header for the rules).
CardMemory sanitized(CardMemory c) {
  const int state = static_cast<int>(c.state);
  if (state < 0 || state > 3) c.state = CardState::New;  // corrupt: rated as a new card
  if (!std::isfinite(c.stability) || !std::isfinite(c.difficulty)) {
    c.stability = 0;
    c.difficulty = 0;
  } else if (c.stability != 0 || c.difficulty != 0) {
    c.stability = clamp(c.stability, kFsrsMinStability, kFsrsMaxStability);
    c.difficulty = clamp(c.difficulty, kFsrsMinDifficulty, kFsrsMaxDifficulty);
  }
  c.reps = std::clamp(c.reps, 0, INT_MAX - 1);
  c.lapses = std::clamp(c.lapses, 0, INT_MAX - 1);
  c.learning_step = std::max(c.learning_step, 0);
  return c;
}

void check_arguments(const FsrsParameters& parameters, int64_t now_ms) {
  const auto valid = validate_fsrs_parameters(parameters);
  if (!valid) throw std::invalid_argument("FSRS parameters: " + valid.error);
  if (now_ms < -kFsrsMaxTimeMs || now_ms > kFsrsMaxTimeMs) {
    throw std::invalid_argument("FSRS: the review time is outside the range of a date");
  }
}

}  // namespace

CardMemory new_card(int64_t now_ms) {
  CardMemory card;
  card.due_ms = now_ms;
  return card;
}

CardMemory review(const FsrsParameters& parameters, const CardMemory& before, Rating rating, int64_t now_ms) {
  check_arguments(parameters, now_ms);
  const int g = static_cast<int>(rating);
  if (g < 1 || g > 4) throw std::invalid_argument("FSRS: a rating must be again, hard, good or easy");
  Scheduler s{Model(parameters), sanitized(before), {}, now_ms, 0};
  // AbstractScheduler.init
  s.current = s.last;
  int64_t interval = 0;
  if (s.last.state != CardState::New && s.last.last_review_ms) {
    interval = utc_days_between(*s.last.last_review_ms, now_ms);
  }
  s.current.last_review_ms = now_ms;
  s.current.elapsed_days = interval;
  s.elapsed_days = static_cast<double>(interval);
  s.current.reps += 1;
  s.model.seed = std::to_string(now_ms) + "_" + std::to_string(s.current.reps) + "_" +
                 fsrs_detail::js_number_text(s.current.difficulty * s.current.stability);
  return parameters.enable_short_term ? s.short_term(g) : s.long_term(g);
}

double retrievability(const FsrsParameters& parameters, const CardMemory& card, int64_t now_ms) {
  check_arguments(parameters, now_ms);
  if (card.state == CardState::New) return 0;
  if (!(std::isfinite(card.stability) && card.stability > 0)) return 0;
  int64_t days = 0;
  if (card.last_review_ms) days = std::max<int64_t>(0, floor_div(now_ms - *card.last_review_ms, kDayMs));
  // +stability.toFixed(8): the exact decimal value rounded to 8 places,
  // halves up (%.70f prints a double of this range exactly), read back.
  char text[128];
  std::snprintf(text, sizeof text, "%.70f", clamp(card.stability, kFsrsMinStability, kFsrsMaxStability));
  const std::string exact(text);
  const size_t dot = exact.find('.');
  int64_t scaled = std::stoll(exact.substr(0, dot) + exact.substr(dot + 1, 8));
  if (exact[dot + 9] >= '5') scaled += 1;
  std::string fixed = std::to_string(scaled % 100'000'000);
  fixed = std::to_string(scaled / 100'000'000) + "." + std::string(8 - fixed.size(), '0') + fixed;
  const double s = std::strtod(fixed.c_str(), nullptr);
  return Model(parameters).forgetting_curve(static_cast<double>(days), s);
}

}  // namespace tt
