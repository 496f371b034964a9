// What the page's saves write, by block size (shell/dirty_block_vfs.h), in a
// collection of 10,000 tunes with notes and 100,000 ratings (about 30 MB):
// for each change a musician makes, the blocks SQLite wrote, as bytes a save
// would put in IndexedDB with blocks of 4, 16 and 64 KB, and the records a
// start-up reads. Blocks are noted at SQLite's page size (4 KB) and grouped
// for the larger sizes, so all sizes are measured on the same writes.
// Prints figures; never fails.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "shell/actions/practice_actions.h"
#include "shell/actions/tune_actions.h"
#include "shell/dirty_block_vfs.h"
#include "tests/bench/practice_fixture.h"

using namespace tt;
using namespace tt::bench;

namespace {

constexpr int64_t kPage = 4096;
constexpr size_t kNotesChars = 1000;  // with the practice and the change log: about 30 MB in all
const int64_t kBlockSizes[] = {4096, 16384, 65536};

double written_bytes(const std::vector<int64_t>& pages, int64_t block_size) {
  std::set<int64_t> blocks;
  for (const int64_t page : pages) blocks.insert(page * kPage / block_size);
  return static_cast<double>(blocks.size() * block_size);
}

}  // namespace

int main() {
  install_dirty_block_vfs(kPage);
  const auto dir = std::filesystem::temp_directory_path() / "tunetrack-save-blocks-bench";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::string db = (dir / "bench.db").string();
  int64_t clock = kNow;
  Store store(db, [&] { return clock; });
  fill(store, kNotesChars);
  take_dirty_blocks(db);
  const auto file_bytes = static_cast<double>(std::filesystem::file_size(db));
  std::printf("== what one save writes, by block size (%d tunes with notes, %d ratings, %.1f MB)\n", kTunes,
              kTunes * kRatingsPerTune, file_bytes / 1e6);
  std::printf("  %-34s %12s %12s %12s\n", "change", "4 KB blocks", "16 KB", "64 KB");

  const FsrsParameters params = store.practice_parameters();
  struct Change {
    const char* what;
    std::function<void()> make;
  };
  const std::vector<Change> changes = {
      {"a status change", [&] { actions::set_status(store, 5000, LearnStatus::Learned, clock, 0); }},
      {"\"+\" (heard once more)", [&] { actions::heard(store, 4000, false); }},
      {"a rating", [&] { actions::rate(store, 2001, Rating::Good, params, clock); }},
      {"a note edited", [&] { actions::set_notes(store, 3001, "Slower in the B part; from Mary's playing."); }},
      {"a tune removed", [&] { actions::remove_tune(store, 7001); }},
  };
  for (const Change& change : changes) {
    clock += 60000;
    change.make();
    const std::vector<int64_t> pages = take_dirty_blocks(db);
    std::printf("  %-34s", change.what);
    for (const int64_t size : kBlockSizes) std::printf(" %9.0f KB", written_bytes(pages, size) / 1024);
    std::printf("   (%zu pages)\n", pages.size());
  }
  std::printf("  %-34s", "records a start-up reads");
  for (const int64_t size : kBlockSizes) std::printf(" %12.0f", file_bytes / static_cast<double>(size));
  std::printf("\n  (the whole file, as before the page store: %.0f KB per save)\n", file_bytes / 1024);
  if (!std::getenv("TT_KEEP_BENCH_DB")) std::filesystem::remove_all(dir);
  return 0;
}
