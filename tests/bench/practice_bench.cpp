// Practice in the store, natively: today's queue from 10,000 tunes with
// 100,000 ratings in the log, and one rating against one status change (the
// write the page already does per tap), in the same run. Prints figures;
// never fails on time. With a path argument it also writes that collection
// as an export, which the browser benchmark (practice_bench.mjs) imports.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <vector>

#include "core/collection_io.h"
#include "core/fsrs.h"
#include "shell/store.h"
#include "tests/bench/bench_support.h"
#include "tests/bench/practice_fixture.h"

using namespace tt;
using namespace tt::bench;

int main(int argc, char** argv) {
  const auto dir = std::filesystem::temp_directory_path() / "tunetrack-practice-bench";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  int64_t clock = kNow;
  Store store((dir / "bench.db").string(), [&] { return clock; });
  double t = bench::now_ms();
  fill(store);
  std::printf("== practice: a store with %d tunes and %d ratings (import in one transaction: %.0f ms)\n", kTunes,
              kTunes * kRatingsPerTune, bench::now_ms() - t);
  if (argc > 1) {
    std::ofstream(argv[1]) << export_json(store.list_collection(), store.practice_data());
    std::printf("export for the browser benchmark written to %s\n", argv[1]);
  }

  std::vector<double> builds;
  size_t queued = 0;
  for (int i = 0; i < 15; ++i) {
    store.save_practice_queue(practice_day(kNow, 0), {});  // an empty day's queue is made again
    t = bench::now_ms();
    queued = store.todays_practice_queue(kNow, 0, store.practice_limits()).size();
    builds.push_back(bench::now_ms() - t);
  }
  std::printf("today's queue (%zu tunes): median %.1f ms over %zu builds (goal < 20 in the browser)\n", queued,
              median(builds), builds.size());

  std::vector<double> ratings, statuses;
  const FsrsParameters params = store.practice_parameters();
  for (int i = 0; i < 40; ++i) {
    const int64_t tune = 2 * i + 1;  // learning tunes
    clock += 60000;
    t = bench::now_ms();
    store.rate(tune, Rating::Good, params, clock);
    ratings.push_back(bench::now_ms() - t);
    t = bench::now_ms();
    store.set_status(tune + 1000, i % 2 ? LearnStatus::Learned : LearnStatus::Learning);
    statuses.push_back(bench::now_ms() - t);
  }
  std::printf("one rating written: median %.2f ms; one status change (baseline): median %.2f ms (%.1fx)\n",
              median(ratings), median(statuses), median(ratings) / median(statuses));
  std::filesystem::remove_all(dir);
  return 0;
}
