#pragma once
// The practice benchmarks' collection: 10,000 tunes with 100,000 ratings,
// made by the real FSRS (practice_bench.cpp, action_bench.cpp).
#include <algorithm>
#include <string>
#include <vector>

#include "core/collection_io.h"
#include "core/fsrs.h"
#include "shell/store.h"

namespace tt::bench {

constexpr int kTunes = 10000;
constexpr int kRatingsPerTune = 10;
constexpr int64_t kDayMs = 24LL * 3600 * 1000;
constexpr int64_t kNow = 1764410400000;  // 2025-11-29 10:00 UTC

inline double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// 10,000 tunes, each with ten ratings a few days apart over the last months,
// scheduled by the real FSRS (so the cards are ones a musician could have),
// and `notes_chars` of notes each.
inline void fill(Store& store, size_t notes_chars = 0) {
  std::vector<CollectionEntry> entries;
  PracticeData practice;
  FsrsParameters params;
  for (int i = 1; i <= kTunes; ++i) {
    CollectionEntry e;
    e.tune_id = i;
    e.name = "Bench Tune " + std::to_string(i);
    e.type = i % 3 ? "reel" : "jig";
    e.status = i % 4 == 0 ? LearnStatus::WantToLearn : i % 2 ? LearnStatus::Learning : LearnStatus::Learned;
    e.created_at_ms = kNow - 400 * kDayMs + i;
    e.updated_at_ms = e.created_at_ms;
    while (e.notes.size() < notes_chars) e.notes += "Lift the B part, roll on the long notes. " + std::to_string(i) + " ";
    entries.push_back(e);
    CardMemory card = new_card(kNow - 200 * kDayMs);
    int64_t at = kNow - 200 * kDayMs + (i % 97) * 3600 * 1000;
    for (int r = 0; r < kRatingsPerTune; ++r) {
      const Rating rating = (i + r) % 7 == 0 ? Rating::Again : (i + r) % 5 == 0 ? Rating::Hard : Rating::Good;
      PracticeLogEntry log{0, i, at, rating, card, review(params, card, rating, at)};
      card = log.after;
      practice.log.push_back(log);
      at += (1 + (i + r) % 19) * kDayMs;
    }
    practice.cards[i] = card;
  }
  store.import_entries(entries, practice);
}

}  // namespace tt::bench
