// `tunetrack sync-sets`, `sets` and the sets export as a user runs them,
// against fake-thesession.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/fake_thesession/fake_server.h"
#include "tests/fake_thesession/synthetic_data.h"
#include "tests/integration/test_support.h"

namespace tt {
namespace {

using nlohmann::json;
using testing::CommandResult;

class SetsCliTest : public ::testing::Test {
 protected:
  void SetUp() override { server_.start(); }
  CommandResult cli(const std::string& args) {
    return testing::run_command(std::string("TUNETRACK_RETRY_DELAY_MS=20 TUNETRACK_TIMEOUT_MS=1000 ") + TT_CLI_PATH +
                                " " + args);
  }
  std::string db() const { return dir_.path("c.db"); }
  std::string sync_sets(int tunes) const {
    return "sync-sets --member " + std::to_string(fake::kFirstMember + tunes) + " --db " + db() + " --upstream " +
           server_.base_url();
  }

  testing::TempDir dir_;
  fake::FakeThesession server_;
};

}  // namespace

TEST_F(SetsCliTest, SyncSetsTwiceBringsEachSetInOnce) {
  CommandResult first = cli(sync_sets(40) + " --json");
  ASSERT_EQ(first.exit_code, 0) << first.err;
  const json doc = json::parse(first.out);
  EXPECT_EQ(doc["kind"], "sets");
  EXPECT_EQ(doc["status"], "completed");
  EXPECT_EQ(doc["sets_added"], 10);
  EXPECT_EQ(doc["sets_fetched"], 10);
  EXPECT_EQ(doc["sets_already_there"], 0);
  CommandResult second = cli(sync_sets(40) + " --json");
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_EQ(json::parse(second.out)["sets_added"], 0);
  EXPECT_EQ(json::parse(second.out)["sets_already_there"], 10);
  const CommandResult listed = cli("sets --db " + db() + " --json");
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  const json sets = json::parse(listed.out);
  ASSERT_EQ(sets.size(), 10u);
  EXPECT_TRUE(sets[0].contains("keys"));
  EXPECT_EQ(sets[0]["entries"][0]["in_collection"], true);
  EXPECT_TRUE(sets[0]["thesession_id"].is_number());
}

TEST_F(SetsCliTest, ExitCodesAreTheSyncsAndTheSummarySaysWhatWasSkipped) {
  EXPECT_EQ(cli("sync-sets --member 5 --db " + db() + " --upstream " + server_.base_url()).exit_code, 3);
  server_.add_fault({"/sets", 1, "status", 503, 0, -1, 0, -1});
  CommandResult down = cli(sync_sets(47));
  EXPECT_EQ(down.exit_code, 4);
  EXPECT_NE(down.err.find("(after 3 attempts)"), std::string::npos) << down.err;
  down = cli(sync_sets(47) + " --no-retry");
  EXPECT_EQ(down.exit_code, 4);
  EXPECT_NE(down.err.find("(after 1 attempt)"), std::string::npos) << down.err;
  server_.clear_faults();
  const CommandResult r = cli(sync_sets(47) + " --status learning");
  EXPECT_EQ(r.exit_code, 2) << r.err;  // completed with errors: a tune of a set is gone
  EXPECT_NE(r.out.find("sets added: 11"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("entries skipped: 1"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("is no longer on thesession.org"), std::string::npos) << r.out;
  const CommandResult learning = cli("list --db " + db() + " --status learning --json");
  EXPECT_GT(json::parse(learning.out).size(), 20u);
  EXPECT_EQ(cli("sync-sets --member 100047 --db " + db() + " --upstream x --proxy y").exit_code, 1);
}

TEST_F(SetsCliTest, SetsAndTheirExportsReadLikeAMusicianWouldSayThem) {
  ASSERT_EQ(cli(sync_sets(20)).exit_code, 0);
  const CommandResult text = cli("sets --db " + db());
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find(" \xE2\x86\x92 "), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("5 sets, 14 tunes"), std::string::npos) << text.out;
  const CommandResult csv = cli("export --db " + db() + " --format sets");
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_EQ(csv.out.rfind("set_id,set,position,tune_id,", 0), 0u);
  EXPECT_EQ(std::count(csv.out.begin(), csv.out.end(), '\n'), 15);  // header and one row per tune (set 4 has two)
  // The JSON export carries the sets; importing it into a new file twice adds them once.
  const std::string file = dir_.path("export.json");
  ASSERT_EQ(cli("export --db " + db() + " --format json --out " + file).exit_code, 0);
  const std::string other = dir_.path("other.db");
  const CommandResult in = cli("import --db " + other + " " + file);
  ASSERT_EQ(in.exit_code, 0) << in.err;
  EXPECT_NE(in.out.find("sets: 5 added, 0 already there"), std::string::npos) << in.out;
  const CommandResult again = cli("import --db " + other + " " + file);
  EXPECT_NE(again.out.find("sets: 0 added, 5 already there"), std::string::npos) << again.out;
  EXPECT_EQ(json::parse(cli("sets --db " + other + " --json").out).size(), 5u);
  EXPECT_EQ(cli("sets --db " + dir_.path("missing.db")).exit_code, 1);
  EXPECT_NE(cli("--help").out.find("tunetrack sync-sets --member ID"), std::string::npos);
}

}  // namespace tt
