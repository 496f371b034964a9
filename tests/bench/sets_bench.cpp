// Bringing in a member's sets: 500 sets (1,400 entries) from fake-thesession
// with 50 ms per request, tunetrack's client (50 a page, 4 requests at once)
// against a one-page-at-a-time client (the API's default 10 a page, one
// request at a time) measured in the same run. Prints figures and the ratio;
// never passes or fails on time.
//
// As a musician does it, the tunebook is synced first (not timed), so the
// tunes of the sets are known and only the few outside the tunebook have
// their page checked (core/sets_sync.h says why). A last line shows the cold
// case, sets brought in before any tunebook sync: every tune is checked.
#include <cstdio>
#include <string>

#include "shell/store.h"
#include "shell/sync_runner.h"
#include "tests/bench/bench_support.h"
#include "tests/fake_thesession/fake_server.h"
#include "tests/fake_thesession/synthetic_data.h"
#include "tests/fake_thesession/synthetic_sets.h"

using namespace tt;

namespace {

constexpr int kTunebook = 2000;  // member kFirstMember + 2000: 500 sets, 1,400 entries

struct Figures {
  double wall_ms = 0;
  int requests = 0;
  SyncResult result;
};

SyncOptions options_for(const fake::FakeThesession& server, SyncKind what, int per_page, int concurrency) {
  SyncOptions o;
  o.what = what;
  o.member_id = fake::kFirstMember + kTunebook;
  o.endpoint = {server.base_url(), false};
  o.per_page = per_page;
  o.concurrency = concurrency;
  return o;
}

Figures bring_in(fake::FakeThesession& server, bool tunebook_first, int per_page, int concurrency) {
  const std::string db = "/tmp/tunetrack-bench-sets.db";
  std::remove(db.c_str());
  Store store(db, system_now_ms);
  if (tunebook_first) run_sync(store, options_for(server, SyncKind::Tunebook, 50, 4));
  server.reset_counts();
  Figures f;
  const double start = bench::now_ms();
  f.result = run_sync(store, options_for(server, SyncKind::Sets, per_page, concurrency));
  f.wall_ms = bench::now_ms() - start;
  f.requests = server.request_count();
  if (f.result.status != SyncStage::Completed || f.result.sets_added != 500 || store.list_sets().size() != 500) {
    std::fprintf(stderr, "sets sync failed: %s\n", f.result.message.c_str());
    std::exit(1);
  }
  std::remove(db.c_str());
  return f;
}

void print(const char* client, const Figures& f) {
  size_t entries = 0;
  for (int i = 0; i < 500; ++i) entries += fake::member_set_entries(fake::kFirstMember + kTunebook, i).size();
  std::printf("%-36s %9.0f %9d %12d %8d %8zu\n", client, f.wall_ms, f.requests, f.result.tunes_checked,
              f.result.sets_added, entries);
}

}  // namespace

int main() {
  fake::FakeThesession::Options options;
  options.latency_ms = 50;
  fake::FakeThesession server(options);
  server.start();
  std::printf("== sets: bringing in 500 sets (1,400 entries), fake thesession.org, 50 ms per request\n");
  std::printf("%-36s %9s %9s %12s %8s %8s\n", "client (tunebook synced first)", "wall ms", "requests", "tunes checked",
              "sets", "entries");
  const Figures ours = bring_in(server, true, 50, 4);
  print("tunetrack (50/page, 4 at once)", ours);
  const Figures naive = bring_in(server, true, 10, 1);
  print("one page at a time (10/page, 1)", naive);
  std::printf("-> tunetrack %.1fx faster (goal: under 2000 ms and at least 10x)\n", naive.wall_ms / ours.wall_ms);
  const Figures cold = bring_in(server, false, 50, 4);
  print("tunetrack, no tunebook synced before", cold);
  return 0;
}
