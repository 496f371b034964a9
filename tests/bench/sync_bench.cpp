// Sync, store and filter benchmarks. Prints figures and ratios against a
// baseline measured in the same run; never passes or fails on time.
//   sync: fake-thesession on loopback with 50 ms per request; tunetrack's
//         client (50 per page, 4 at a time) against the naive client (the
//         API's default 10 per page, one page at a time).
//   store: applying a tunebook in one transaction against one transaction per row.
//   filter: the prebuilt folded index against folding every name per keystroke.
#include <cstdio>
#include <vector>

#include "core/collection_query.h"
#include "core/text_fold.h"
#include "shell/http_client.h"
#include "shell/store.h"
#include "shell/sync_runner.h"
#include "tests/bench/bench_support.h"
#include "tests/fake_thesession/fake_server.h"
#include "tests/fake_thesession/synthetic_data.h"

using namespace tt;

namespace {

struct SyncFigures {
  double wall_ms;
  int requests;
  double peak_mib;
  int tunes;
};

SyncFigures run_one(fake::FakeThesession& server, int tunes, int per_page, int concurrency, const std::string& db) {
  std::remove(db.c_str());
  Store store(db, system_now_ms);
  SyncOptions options;
  options.member_id = fake::kFirstMember + tunes;
  options.endpoint = {server.base_url(), false};
  options.per_page = per_page;
  options.concurrency = concurrency;
  server.reset_counts();
  bench::reset_peak_rss();
  const double start = bench::now_ms();
  const SyncResult r = run_sync(store, options);
  const double wall = bench::now_ms() - start;
  if (r.status != SyncStage::Completed || r.tunes_fetched != tunes) {
    std::fprintf(stderr, "sync failed: %s\n", r.message.c_str());
    std::exit(1);
  }
  return {wall, server.request_count(), bench::peak_rss_mib(), r.tunes_fetched};
}

void sync_bench() {
  fake::FakeThesession::Options options;
  options.latency_ms = 50;
  fake::FakeThesession server(options);
  server.start();
  const std::string db = "/tmp/tunetrack-bench-sync.db";
  std::printf("== sync (fake thesession.org, 50 ms per request)\n");
  std::printf("%-8s %-30s %10s %9s %10s\n", "tunes", "client", "wall ms", "requests", "peak MiB");
  for (int tunes : {500, 2000, 10000}) {
    const SyncFigures ours = run_one(server, tunes, 50, 4, db);
    std::printf("%-8d %-30s %10.0f %9d %10.1f\n", tunes, "tunetrack (50/page, 4 at once)", ours.wall_ms,
                ours.requests, ours.peak_mib);
    if (tunes <= 2000) {  // the naive client needs ~50 s for 10,000: skipped to keep the run short
      const SyncFigures naive = run_one(server, tunes, 10, 1, db);
      std::printf("%-8d %-30s %10.0f %9d %10.1f   -> %.1fx faster, %.1fx fewer requests\n", tunes,
                  "naive (10/page, 1 at once)", naive.wall_ms, naive.requests, naive.peak_mib,
                  naive.wall_ms / ours.wall_ms, static_cast<double>(naive.requests) / ours.requests);
    }
  }
  std::remove(db.c_str());
}

std::vector<TuneSummary> synthetic_tunebook(int n) {
  std::vector<TuneSummary> tunes;
  for (int i = 0; i < n; ++i) {
    const int64_t id = fake::tunebook_tune_id(fake::kFirstMember + n, i);
    tunes.push_back({id, fake::tune_name(id), fake::tune_type(id), fake::tune_url(id)});
  }
  return tunes;
}

void store_bench() {
  const int n = 10000;
  const auto tunes = synthetic_tunebook(n);
  const std::string db = "/tmp/tunetrack-bench-store.db";
  std::printf("\n== store: applying %d tunes\n", n);
  std::remove(db.c_str());
  double ours;
  {
    Store store(db, system_now_ms);
    const double start = bench::now_ms();
    const ApplyOutcome outcome = store.apply_sync(tunes, LearnStatus::WantToLearn);
    ours = bench::now_ms() - start;
    if (outcome.person_tunes_added != n) std::exit(1);
  }
  std::remove(db.c_str());
  double naive;
  {
    // Baseline: the same rows, each add in its own transaction (what a
    // per-tune API call loop would do).
    Store store(db, system_now_ms);
    const double start = bench::now_ms();
    for (const auto& t : tunes) store.add_tune(t, LearnStatus::WantToLearn, "tunebook");
    naive = bench::now_ms() - start;
  }
  std::remove(db.c_str());
  std::printf("one transaction (tunetrack): %8.1f ms\n", ours);
  std::printf("one per tune (baseline):     %8.1f ms   -> %.0fx faster\n", naive, naive / ours);
}

void filter_bench() {
  const int n = 10000;
  std::vector<CollectionEntry> entries;
  for (const auto& t : synthetic_tunebook(n)) {
    CollectionEntry e;
    e.tune_id = t.id;
    e.name = t.name;
    e.type = t.type;
    e.aliases = fake::tune_aliases(t.id);
    entries.push_back(std::move(e));
  }
  std::printf("\n== filter: %d tunes, typing \"maire's\" letter by letter\n", n);
  const std::string typed = "maire's";
  const int rounds = 20;
  double build_ms;
  {
    const double start = bench::now_ms();
    CollectionIndex index(entries);
    build_ms = bench::now_ms() - start;
    size_t hits = 0;
    const double t0 = bench::now_ms();
    for (int r = 0; r < rounds; ++r) {
      for (size_t len = 1; len <= typed.size(); ++len) {
        CollectionFilter f;
        f.search = typed.substr(0, len);
        f.type = len % 2 ? "reel" : "";
        hits += index.query(f, {}).size();
      }
    }
    const double per_query = (bench::now_ms() - t0) / (rounds * typed.size());
    // Baseline: fold every name on every keystroke, no index.
    const double t1 = bench::now_ms();
    size_t naive_hits = 0;
    for (int r = 0; r < rounds; ++r) {
      for (size_t len = 1; len <= typed.size(); ++len) {
        const std::string needle = fold_for_search(typed.substr(0, len));
        for (const auto& e : entries) {
          if (len % 2 && e.type != "reel") continue;
          std::string text = fold_for_search(e.name);
          for (const auto& a : e.aliases) text += "\n" + fold_for_search(a);
          naive_hits += text.find(needle) != std::string::npos;
        }
      }
    }
    const double naive_per_query = (bench::now_ms() - t1) / (rounds * typed.size());
    std::printf("index build (once per collection change): %6.2f ms\n", build_ms);
    std::printf("query with index (tunetrack):             %6.3f ms (sorted by name)\n", per_query);
    std::printf("query folding every name (baseline):      %6.3f ms (unsorted)  -> %.1fx faster\n", naive_per_query,
                naive_per_query / per_query);
    if (hits == 0 || naive_hits == 0) std::printf("(no hits?)\n");
  }
}

}  // namespace

int main() {
  sync_bench();
  store_bench();
  filter_bench();
  return 0;
}
