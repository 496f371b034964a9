// The page saves only the blocks of its database that a transaction wrote
// (shell/dirty_block_vfs.h). What a musician relies on: copying just those
// blocks onto what was saved before reproduces the database exactly, and a
// small change writes a small part of a large collection.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <string>
#include <vector>

#include "shell/actions/tune_actions.h"
#include "shell/dirty_block_vfs.h"
#include "shell/store.h"
#include "tests/integration/test_support.h"

namespace tt {
namespace {

using testing::FakeClock;
using testing::TempDir;

constexpr int64_t kBlock = 4096;

int64_t block_count(const std::string& bytes) { return (static_cast<int64_t>(bytes.size()) + kBlock - 1) / kBlock; }

// What the page's glue does with the blocks it is handed: copy each from the
// file as it is now onto the saved image, and take the file's new size.
std::string apply_blocks(std::string saved, const std::string& now, const std::vector<int64_t>& blocks) {
  saved.resize(now.size());
  for (const int64_t block : blocks) {
    const auto start = static_cast<size_t>(block * kBlock);
    if (start >= now.size()) continue;
    saved.replace(start, std::min<size_t>(kBlock, now.size() - start), now, start, kBlock);
  }
  return saved;
}

CollectionEntry entry(int64_t id) {
  CollectionEntry e;
  e.tune_id = id;
  e.name = "Tune " + std::to_string(id);
  e.type = id % 2 ? "reel" : "jig";
  return e;
}

class DirtyBlockVfs : public ::testing::Test {
 protected:
  DirtyBlockVfs() { install_dirty_block_vfs(kBlock); }
  // Three changes a musician makes, each saved by its blocks alone; the
  // page's store keeps its journal in memory and its lock (`in_memory_file`).
  void rebuild_after_changes(bool in_memory_file);
  TempDir dir;
  const std::string db = dir.path("collection.db");
};

void DirtyBlockVfs::rebuild_after_changes(bool in_memory_file) {
  FakeClock clock;
  Store store(db, clock);
  if (in_memory_file) store.tune_for_in_memory_file();
  std::vector<CollectionEntry> entries;
  for (int i = 1; i <= 3000; ++i) {
    entries.push_back(entry(i));
    entries.back().notes = std::string(200, static_cast<char>('a' + i % 26));
  }
  store.import_entries(entries, {});
  take_dirty_blocks(db);
  std::string saved = testing::read_file(db);

  const auto change = [&](const auto& act) {
    act();
    const std::vector<int64_t> blocks = take_dirty_blocks(db);
    const std::string now = testing::read_file(db);
    saved = apply_blocks(saved, now, blocks);
    EXPECT_TRUE(saved == now) << "the saved image differs from the file";
    return blocks.size();
  };
  const size_t status_blocks = change([&] { actions::set_status(store, 1500, LearnStatus::Learning, clock.now, 0); });
  change([&] { actions::set_notes(store, 7, "A long note about the B part. " + std::string(9000, 'x')); });
  change([&] { actions::remove_tune(store, 2999); });
  // A change that fails half way is rolled back: nothing of it reaches the file.
  change([&] {
    EXPECT_THROW(store.as_one_change("set_status", [&] {
      store.set_status(1, LearnStatus::Learned);
      throw StoreError("the second half failed");
      return true;
    }), StoreError);
  });
  EXPECT_EQ(store.entry(1)->status, LearnStatus::WantToLearn);
  // A status change writes a handful of blocks of a file of hundreds.
  EXPECT_GT(block_count(saved), 150);
  EXPECT_LE(static_cast<int64_t>(status_blocks), 12);
}

TEST_F(DirtyBlockVfs, ANewDatabaseReportsEveryBlockOnce) {
  { Store store(db, FakeClock{}); }
  const std::string bytes = testing::read_file(db);
  const std::vector<int64_t> blocks = take_dirty_blocks(db);
  ASSERT_EQ(static_cast<int64_t>(blocks.size()), block_count(bytes));
  for (size_t i = 0; i < blocks.size(); ++i) EXPECT_EQ(blocks[i], static_cast<int64_t>(i));
  EXPECT_TRUE(take_dirty_blocks(db).empty()) << "taken blocks are forgotten";
  EXPECT_TRUE(take_dirty_blocks(db + "-journal").empty()) << "the journal is never saved";
}

TEST_F(DirtyBlockVfs, TheBlocksOfEachChangeRebuildTheFileFromTheLastSave) { rebuild_after_changes(false); }

TEST_F(DirtyBlockVfs, AsThePageOpensItJournalInMemoryAndLockKeptTheBlocksRebuildTheFileToo) {
  rebuild_after_changes(true);
}

TEST_F(DirtyBlockVfs, AFileThatShrinksIsRebuiltFromItsBlocksAndItsSize) {
  { Store store(db, FakeClock{}); }
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &raw), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(raw, "CREATE TABLE scratch(b); INSERT INTO scratch VALUES (zeroblob(2000000))", nullptr,
                         nullptr, nullptr), SQLITE_OK);
  take_dirty_blocks(db);
  const std::string saved = testing::read_file(db);
  ASSERT_EQ(sqlite3_exec(raw, "DROP TABLE scratch; VACUUM", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(raw);
  const std::string now = testing::read_file(db);
  ASSERT_LT(now.size() * 4, saved.size());
  EXPECT_TRUE(apply_blocks(saved, now, take_dirty_blocks(db)) == now);
}

}  // namespace
}  // namespace tt
