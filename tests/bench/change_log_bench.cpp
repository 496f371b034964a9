// The change log's cost, natively: the bytes one record of each action adds,
// what 100,000 ratings add to the database file (the same file with and
// without its log, in the same run), the time of one rating, and how long a
// rebuild from the log alone takes. Prints figures; never fails on time.
#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <vector>

#include "shell/store.h"
#include "tests/bench/bench_support.h"

namespace {

using namespace tt;

constexpr int kTunes = 10000;
constexpr int kRatings = 100000;
constexpr int64_t kNow = 1764410400000;  // 2025-11-29 10:00 UTC

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

double file_mib(const std::filesystem::path& path) {
  return static_cast<double>(std::filesystem::file_size(path)) / (1024.0 * 1024.0);
}

void fill(Store& store) {
  std::vector<CollectionEntry> entries;
  for (int i = 1; i <= kTunes; ++i) {
    CollectionEntry e;
    e.tune_id = i;
    e.name = "Bench Tune " + std::to_string(i);
    e.type = i % 3 ? "reel" : "jig";
    e.status = i % 2 ? LearnStatus::Learning : LearnStatus::Learned;
    e.created_at_ms = e.updated_at_ms = kNow - 400LL * 86400000 + i;
    entries.push_back(e);
  }
  store.import_entries(entries);
}

// The size of the newest record as stored (its text columns).
size_t last_record_bytes(Store& store) {
  const auto log = store.change_log(0);
  const ChangeRecord& r = log.back();
  return r.changes.dump().size() + to_string(r.hlc).size() + r.device.size() + r.action.size() + sizeof(int64_t);
}

}  // namespace

int main() {
  // Memory-backed when there is /dev/shm: the figures are SQLite's and ours,
  // not the disk's sync.
  const std::filesystem::path base = std::filesystem::exists("/dev/shm") ? "/dev/shm" : std::filesystem::temp_directory_path();
  const auto dir = base / "tunetrack-change-log-bench";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  int64_t clock = kNow;
  const auto db_path = dir / "bench.db";
  Store store(db_path.string(), [&] { return clock; });
  double t = bench::now_ms();
  fill(store);
  std::printf("== change log: %d tunes imported in %.0f ms; that import's record: %.1f KiB (%.0f bytes a tune)\n", kTunes,
              bench::now_ms() - t, static_cast<double>(last_record_bytes(store)) / 1024.0,
              static_cast<double>(last_record_bytes(store)) / kTunes);

  std::printf("bytes one record adds, by action:\n");
  const FsrsParameters params = store.practice_parameters();
  const auto show = [&](const char* what, const auto& act) {
    clock += 60000;
    act();
    std::printf("  %-44s %6zu\n", what, last_record_bytes(store));
  };
  show("set a status", [&] { store.set_status(2, LearnStatus::Learning); });
  show("heard \"+\"", [&] { store.heard(2, false); });
  show("notes (40 characters)", [&] { store.set_notes(2, "Learnt from Mary at the Tuesday session."); });
  show("rate a tune (new card)", [&] { store.rate(3, Rating::Good, params, clock); });
  show("rate it again", [&] { store.rate(3, Rating::Good, params, clock + 86400000); });
  show("undo that rating", [&] { store.undo_last_rating(); });
  show("a new set", [&] { store.create_set("Kesh set"); });
  show("a tune added to that set", [&] { store.add_set_entry(1, 5); });
  show("a tune's details (2 settings of ABC)", [&] {
    store.save_tune_details({7, "Bench Tune 7", "reel", "", 120, {},
                             {{1, "Gmajor", "X:1\nT:Bench\nM:4/4\nK:G\n|:GABc dedB|dedB dBGB|ABcB ABAG:|\n"},
                              {2, "Amixolydian", "X:2\nK:Amix\n|:eAAB cBcd|eaaf gfed:|\n"}}});
  });
  show("a sync adding one tune", [&] { store.apply_sync({{kTunes + 1, "New Tune", "reel", ""}}, LearnStatus::WantToLearn); });

  // 100,000 ratings, a few per tune, a minute apart.
  std::vector<double> times;
  times.reserve(kRatings);
  const double before_mib = file_mib(db_path);
  t = bench::now_ms();
  for (int i = 0; i < kRatings; ++i) {
    clock += 60000;
    const double start = bench::now_ms();
    store.rate(1 + i % kTunes, i % 9 == 0 ? Rating::Again : Rating::Good, params, clock);
    times.push_back(bench::now_ms() - start);
  }
  const double total_s = (bench::now_ms() - t) / 1000.0;
  const double with_log = file_mib(db_path);
  std::printf("%d ratings in %.1f s: one rating median %.3f ms, p99 %.3f ms (card, rating and record in one transaction)\n",
              kRatings, total_s, median(times),
              [&] { std::sort(times.begin(), times.end()); return times[times.size() * 99 / 100]; }());

  // Rebuilt from the log alone, then the same file without its log, to see what the log costs on disk.
  const auto rebuilt_path = dir / "rebuilt.db";
  t = bench::now_ms();
  size_t records = 0;
  {
    Store rebuilt(rebuilt_path.string(), [] { return int64_t{0}; });
    for (int64_t after = 0;;) {
      const auto batch = store.change_log(after, 1000);
      for (const auto& r : batch) rebuilt.replay(r);
      records += batch.size();
      if (batch.size() < 1000) break;
      after = batch.back().seq;
    }
  }
  std::printf("rebuilt from its log alone (%zu records) in %.1f s\n", records, (bench::now_ms() - t) / 1000.0);
  {
    Database db(db_path.string());
    db.exec("VACUUM");
  }
  const double vacuumed = file_mib(db_path);
  {
    Database db(db_path.string());
    db.exec("DELETE FROM change_log");
    db.exec("VACUUM");
  }
  const double without_log = file_mib(db_path);
  std::printf("database file: %.1f MiB before the ratings, %.1f MiB after (%.1f MiB compacted); without its log "
              "%.1f MiB: the log adds %.1f MiB (%.0f bytes a rating), %.2fx the file without it\n",
              before_mib, with_log, vacuumed, without_log, vacuumed - without_log,
              (vacuumed - without_log) * 1024 * 1024 / kRatings, vacuumed / without_log);
  std::filesystem::remove_all(dir);
  return 0;
}
