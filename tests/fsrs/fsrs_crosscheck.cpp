// Cross-checks core/fsrs against ts-fsrs, the reference implementation.
// Generates deterministic review histories (ratings with many Agains; reviews
// on time, early, late, minutes apart, across UTC midnight, years later, and
// a little back in time on the same UTC date; fuzz on and off; retentions
// 0.7..0.97; every kind of (re)learning steps; perturbed and out-of-range
// weights), replays them through core and through reference.mjs (node +
// ts-fsrs), and requires: the same due time to the millisecond, the same
// state, reps, lapses, learning step, scheduled and elapsed days, and
// stability, difficulty and retrievability within 1e-6 relative. The one
// deliberate difference: where ts-fsrs schedules past the maximum interval,
// core schedules at it (see core/fsrs.h).
//
// usage: fsrs_crosscheck <node> <tests/fsrs/reference.mjs>   (ctest: fsrs.crosscheck)
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/fsrs.h"

namespace {

using tt::CardMemory;
using tt::CardState;
using tt::FsrsParameters;
using tt::Rating;

constexpr int kSequences = 400;
constexpr double kTolerance = 1e-6;
constexpr int64_t kMinute = 60'000, kDay = 86'400'000;

struct Rng {  // splitmix64: the same numbers on every platform
  uint64_t state;
  uint64_t next() {
    uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  double real() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }  // [0, 1)
  int64_t below(int64_t n) { return static_cast<int64_t>(next() % static_cast<uint64_t>(n)); }
  bool chance(double p) { return real() < p; }
};

struct History {
  FsrsParameters parameters;
  int64_t start_ms = 0;
  std::vector<std::pair<Rating, int64_t>> reviews;
};

FsrsParameters random_parameters(Rng& rng, int index) {
  FsrsParameters p;
  const double retentions[] = {0.7, 0.75, 0.8, 0.85, 0.9, 0.93, 0.95, 0.97};
  p.request_retention = rng.chance(0.5) ? retentions[rng.below(8)] : 0.7 + 0.27 * rng.real();
  p.enable_fuzz = index % 2 == 1;
  p.enable_short_term = !rng.chance(0.2);
  const std::vector<std::vector<int64_t>> learning = {
      {kMinute, 10 * kMinute}, {}, {kMinute}, {kMinute, 10 * kMinute, 60 * kMinute},
      {5 * kMinute, 1440 * kMinute}, {10 * kMinute, 2 * kDay}, {3 * kMinute, 7 * kMinute}};
  const std::vector<std::vector<int64_t>> relearning = {
      {10 * kMinute}, {}, {10 * kMinute, 60 * kMinute}, {5 * kMinute, 30 * kMinute, 1440 * kMinute},
      {2 * kDay}, {kMinute, 2 * kMinute, 3 * kMinute, 4 * kMinute}};
  p.learning_steps_ms = rng.chance(0.5) ? learning[0] : learning[static_cast<size_t>(rng.below(7))];
  p.relearning_steps_ms = rng.chance(0.5) ? relearning[0] : relearning[static_cast<size_t>(rng.below(6))];
  const int max_intervals[] = {36500, 36500, 36500, 3650, 365, 100, 30, 7, 1};
  p.maximum_interval_days = max_intervals[rng.below(9)];
  if (rng.chance(0.35)) {  // someone's optimised weights, sometimes out of bounds (clipped)
    for (double& w : p.w) w *= 0.6 + 0.8 * rng.real();
    p.w[20] = 0.1 + 0.7 * rng.real();
    if (rng.chance(0.3)) p.w[static_cast<size_t>(rng.below(21))] = rng.chance(0.5) ? -1.0 : 120.0;
  }
  if (!tt::validate_fsrs_parameters(p)) p.maximum_interval_days = 7;  // a 2-day step needs room
  return p;
}

Rating random_rating(Rng& rng) {
  const double x = rng.real();
  return x < 0.3 ? Rating::Again : x < 0.45 ? Rating::Hard : x < 0.85 ? Rating::Good : Rating::Easy;
}

// The next review time, chosen from where the card stands (core's view;
// should the two disagree, the comparison fails anyway).
int64_t next_time(Rng& rng, const CardMemory& card, int64_t last_ms) {
  const int64_t due = std::max(card.due_ms, last_ms);
  const double x = rng.real();
  if (x < 0.33) return due + rng.below(2 * 3'600'000);                     // on time
  if (x < 0.47) return last_ms + static_cast<int64_t>(rng.real() * static_cast<double>(due - last_ms));  // early
  if (x < 0.57) return last_ms + kMinute * (1 + rng.below(30));            // minutes later
  if (x < 0.63) return last_ms + rng.below(3) * 1000;                      // at once
  if (x < 0.73) return due + kDay * (1 + rng.below(30)) + rng.below(kDay); // late
  if (x < 0.80) return due + kDay * (365 + rng.below(4 * 365));            // years later
  if (x < 0.88) {                                                          // across UTC midnight
    const int64_t midnight = (last_ms / kDay + 1) * kDay;
    return midnight + (rng.chance(0.5) ? -1 : 1) * rng.below(10 * kMinute);
  }
  if (x < 0.94) {  // a little back in time, same UTC date (the clock was corrected)
    const int64_t since_midnight = last_ms % kDay;
    return last_ms - (since_midnight > 0 ? rng.below(since_midnight) : 0);
  }
  return due + rng.below(kDay);
}

nlohmann::json to_json(const History& h) {
  const auto& p = h.parameters;
  nlohmann::json reviews = nlohmann::json::array();
  for (const auto& [rating, at] : h.reviews) {
    reviews.push_back({{"rating", std::string(tt::to_string(rating))}, {"at_ms", at}});
  }
  return {{"parameters",
           {{"w", p.w},
            {"request_retention", p.request_retention},
            {"maximum_interval_days", p.maximum_interval_days},
            {"enable_fuzz", p.enable_fuzz},
            {"enable_short_term", p.enable_short_term},
            {"learning_steps_ms", p.learning_steps_ms},
            {"relearning_steps_ms", p.relearning_steps_ms}}},
          {"start_ms", h.start_ms},
          {"reviews", reviews}};
}

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

double relative_difference(double a, double b) {
  if (a == b) return 0;
  return std::fabs(a - b) / std::max(std::fabs(a), std::fabs(b));
}

struct Tally {
  int failures = 0;
  long values = 0, identical = 0;
  double max_stability = 0, max_difficulty = 0, max_retrievability = 0;
};

void report(Tally& t, int seq, size_t review, const std::string& what, const std::string& core,
            const std::string& reference) {
  if (++t.failures <= 25) {
    std::cerr << "sequence " << seq << ", review " << review + 1 << ": " << what << " core " << core
              << " ts-fsrs " << reference << "\n";
  }
}

void compare_real(Tally& t, int seq, size_t review, const char* what, double core, double ref, double& max) {
  const double diff = relative_difference(core, ref);
  ++t.values;
  if (diff == 0) ++t.identical;
  max = std::max(max, diff);
  if (!(diff <= kTolerance)) {
    std::ostringstream a, b;
    a.precision(17), b.precision(17);
    a << core, b << ref;
    report(t, seq, review, what, a.str(), b.str());
  }
}

template <typename T>
void compare_exact(Tally& t, int seq, size_t review, const char* what, const T& core, const T& ref) {
  if (!(core == ref)) {
    std::ostringstream a, b;
    a << core, b << ref;
    report(t, seq, review, what, a.str(), b.str());
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: fsrs_crosscheck <node> <tests/fsrs/reference.mjs>\n";
    return 2;
  }
  const std::string node = argv[1];
  const std::filesystem::path reference = argv[2];
  const auto package = reference.parent_path() / "node_modules" / "ts-fsrs" / "package.json";
  if (!std::filesystem::exists(package)) {
    std::cerr << "FAIL: " << package.parent_path().string()
              << " is missing. Run `make setup` (it installs the pinned ts-fsrs into tests/fsrs),"
                 " then run this test again.\n";
    return 1;
  }

  // Generate the histories, following core's card to choose review times.
  Rng rng{20250611};
  std::vector<History> histories;
  nlohmann::json input = nlohmann::json::array();
  for (int i = 0; i < kSequences; ++i) {
    History h;
    h.parameters = random_parameters(rng, i);
    h.start_ms = 946'684'800'000 + rng.below(40LL * 365 * kDay);  // 2000..2040, any time of day
    CardMemory card = tt::new_card(h.start_ms);
    int64_t at = h.start_ms + (rng.chance(0.5) ? 0 : rng.below(3 * kDay));
    const int count = 3 + static_cast<int>(rng.below(38));
    for (int r = 0; r < count; ++r) {
      const Rating rating = i % 25 == 0 ? Rating::Again : i % 25 == 1 ? Rating::Easy : random_rating(rng);
      h.reviews.emplace_back(rating, at);
      card = tt::review(h.parameters, card, rating, at);
      at = next_time(rng, card, at);
    }
    input.push_back(to_json(h));
    histories.push_back(std::move(h));
  }

  const std::string in_path = "fsrs_crosscheck_in.json", out_path = "fsrs_crosscheck_out.json";
  std::ofstream(in_path) << input.dump();
  const std::string command = shell_quote(node) + " " + shell_quote(reference.string()) + " < " + in_path +
                              " > " + out_path;
  if (std::system(command.c_str()) != 0) {
    std::cerr << "FAIL: the reference did not run: " << command << "\n"
              << "(node is needed, and tests/fsrs/node_modules from `make setup`)\n";
    return 1;
  }
  nlohmann::json output;
  try {
    std::ifstream(out_path) >> output;
  } catch (const std::exception& e) {
    std::cerr << "FAIL: unreadable output from the reference: " << e.what() << "\n";
    return 1;
  }
  if (!output.is_array() || output.size() != histories.size()) {
    std::cerr << "FAIL: the reference answered " << output.size() << " histories for " << histories.size() << "\n";
    return 1;
  }

  Tally t;
  long reviews = 0, fuzzed = 0, lapses = 0, back_in_time = 0, long_term = 0, at_maximum = 0, capped = 0;
  for (size_t i = 0; i < histories.size(); ++i) {
    const History& h = histories[i];
    const auto& expected = output[i];
    const int seq = static_cast<int>(i);
    if (expected.contains("error")) {
      report(t, seq, expected["cards"].size(), "ts-fsrs refused:", "-", expected["error"].get<std::string>());
      continue;
    }
    CardMemory card = tt::new_card(h.start_ms);
    for (size_t r = 0; r < h.reviews.size(); ++r) {
      const auto& [rating, at] = h.reviews[r];
      const auto& e = expected["cards"][r];
      if (!e["retrievability_before"].is_null()) {
        compare_real(t, seq, r, "retrievability before", tt::retrievability(h.parameters, card, at),
                     e["retrievability_before"].get<double>(), t.max_retrievability);
      }
      back_in_time += card.last_review_ms && at < *card.last_review_ms ? 1 : 0;
      card = tt::review(h.parameters, card, rating, at);
      ++reviews;
      fuzzed += h.parameters.enable_fuzz && card.scheduled_days >= 3 ? 1 : 0;
      long_term += h.parameters.enable_short_term ? 0 : 1;
      at_maximum += card.scheduled_days == h.parameters.maximum_interval_days ? 1 : 0;
      // Our one deliberate difference (fsrs.h): ts-fsrs can schedule Good and
      // Easy a day or two past the maximum interval; we cap them.
      int64_t ref_days = e["scheduled_days"].get<int64_t>(), ref_due = e["due_ms"].get<int64_t>();
      if (ref_days > h.parameters.maximum_interval_days) {
        ref_due -= (ref_days - h.parameters.maximum_interval_days) * kDay;
        ref_days = h.parameters.maximum_interval_days;
        ++capped;
      }
      compare_exact(t, seq, r, "due_ms", card.due_ms, ref_due);
      compare_exact(t, seq, r, "state", std::string(tt::to_string(card.state)), e["state"].get<std::string>());
      compare_exact(t, seq, r, "reps", card.reps, e["reps"].get<int>());
      compare_exact(t, seq, r, "lapses", card.lapses, e["lapses"].get<int>());
      compare_exact(t, seq, r, "learning_step", card.learning_step, e["learning_step"].get<int>());
      compare_exact(t, seq, r, "scheduled_days", card.scheduled_days, ref_days);
      compare_exact(t, seq, r, "elapsed_days", card.elapsed_days, e["elapsed_days"].get<int64_t>());
      compare_exact(t, seq, r, "last_review_ms", card.last_review_ms.value_or(-1), e["last_review_ms"].get<int64_t>());
      compare_real(t, seq, r, "stability", card.stability, e["stability"].get<double>(), t.max_stability);
      compare_real(t, seq, r, "difficulty", card.difficulty, e["difficulty"].get<double>(), t.max_difficulty);
    }
    lapses += card.lapses;
  }

  std::cout << "fsrs crosscheck against ts-fsrs: " << histories.size() << " sequences, " << reviews
            << " reviews, " << lapses << " lapses; " << fuzzed << " fuzzed intervals, " << back_in_time
            << " reviews back in time, " << long_term << " without short-term, " << at_maximum
            << " at the maximum interval (" << capped << " of them past it in ts-fsrs)\n"
            << "max relative difference: stability " << t.max_stability << ", difficulty " << t.max_difficulty
            << ", retrievability " << t.max_retrievability << " (" << t.identical << " of " << t.values
            << " values bit-identical)\n";
  if (t.failures > 0) {
    std::cerr << "FAIL: " << t.failures << " differences from ts-fsrs\n";
    return 1;
  }
  std::remove(in_path.c_str());
  std::remove(out_path.c_str());
  return 0;
}
