// One rating as each front end makes it, in a collection of 10,000 tunes with
// 100,000 ratings: the action alone (actions::rate, what the CLI's `rate`
// calls), the whole `tunetrack rate` process (open, rate, print), and the
// page's update() for a Rate event on the day's current tune (the action,
// then its one refresh: what a rating changes) and for a status change. SQL statements are counted with SQLite's trace
// hook; times are medians. Prints figures and ratios; never fails on time.
#include <sqlite3.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "shell/actions/practice_actions.h"
#include "tests/bench/bench_support.h"
#include "tests/bench/practice_fixture.h"
#include "web/update/update.h"

using namespace tt;
using namespace tt::bench;

namespace {

constexpr int kRuns = 40;

int count_statement(unsigned, void* count, void*, void*) {
  ++*static_cast<int*>(count);
  return 0;
}

struct Figures {
  std::vector<double> ms;
  std::vector<int> statements;
};

void print(const char* what, const Figures& f, double baseline_ms) {
  std::printf("  %-46s median %7.2f ms (%5.1fx the action)", what, median(f.ms), median(f.ms) / baseline_ms);
  if (f.statements.empty()) {
    std::printf("  (statements not counted: another process)\n");
  } else {
    std::vector<double> counts(f.statements.begin(), f.statements.end());
    std::printf("  %3.0f SQL statements\n", median(counts));
  }
}

}  // namespace

int main() {
  const auto dir = std::filesystem::temp_directory_path() / "tunetrack-action-bench";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::string db = (dir / "bench.db").string();
  int64_t clock = kNow;
  {
    Store store(db, [&] { return clock; });
    fill(store);
  }
  std::printf("== one rating in %d tunes with %d ratings\n", kTunes, kTunes * kRatingsPerTune);

  Figures action;
  {
    Store store(db, [&] { return clock; });
    int count = 0;
    sqlite3_trace_v2(store.sqlite_handle(), SQLITE_TRACE_STMT, count_statement, &count);
    const FsrsParameters params = store.practice_parameters();
    for (int i = 0; i < kRuns; ++i) {
      clock += 60000;
      count = 0;
      const double t = now_ms();
      actions::rate(store, 2 * i + 1, Rating::Good, params, clock);
      action.ms.push_back(now_ms() - t);
      action.statements.push_back(count);
    }
  }

  Figures cli;
  for (int i = 0; i < 10; ++i) {
    const std::string command = std::string(TT_CLI_PATH) + " rate --db " + db + " --tune " +
                                std::to_string(201 + 2 * i) + " --rating good > /dev/null";
    const double t = now_ms();
    if (std::system(command.c_str()) != 0) std::printf("  (the CLI failed: %s)\n", command.c_str());
    cli.ms.push_back(now_ms() - t);
  }

  // The page: kRuns events of one kind, each handled by update() as the
  // browser would, a minute apart.
  const auto page_updates = [&](int64_t start_ms, const std::function<web::Event(int, const web::Model&)>& event_for) {
    Figures f;
    double page_clock = static_cast<double>(start_ms);
    web::Services services(db, [&] { return page_clock; });
    web::Model model;
    model.proxy = "http://proxy";
    web::update(model, services, web::event::StorageLoaded{});
    web::update(model, services, web::event::LockChanged{1});
    int count = 0;
    sqlite3_trace_v2(services.store->sqlite_handle(), SQLITE_TRACE_STMT, count_statement, &count);
    for (int i = 0; i < kRuns; ++i) {
      page_clock += 60000;
      count = 0;
      const double t = now_ms();
      web::update(model, services, event_for(i, model));
      f.ms.push_back(now_ms() - t);
      f.statements.push_back(count);
    }
    return f;
  };
  // A day's queue of kRuns tunes (the default is 10), so every rating is of
  // the tune the Practice tab offers, as a musician gives them. (The page
  // reads the queue's cards after a rating: one statement per queued tune.)
  {
    Store store(db, [&] { return clock; });
    store.set_practice_limits({kRuns, 3});
  }
  // The next day: the action's ratings above were today's.
  const Figures page = page_updates(clock + kDayMs, [](int, const web::Model& m) {
    return web::event::Rate{m.practice.current(), Rating::Good};
  });
  // A status change back and forth (learned / want to learn): what the page
  // does before its save starts.
  const Figures status = page_updates(clock + kDayMs + 3600000, [](int i, const web::Model&) {
    return web::event::SetStatus{4, i % 2 ? LearnStatus::WantToLearn : LearnStatus::Learned};
  });

  const double baseline = median(action.ms);
  print("the action (actions::rate)", action, baseline);
  print("the page's update() for Rate (+ its refresh)", page, baseline);
  print("`tunetrack rate` as a process", cli, baseline);
  print("the page's update() for a status change", status, baseline);
  std::filesystem::remove_all(dir);
  return 0;
}
