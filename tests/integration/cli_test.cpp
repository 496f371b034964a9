// The `tunetrack` program as a user runs it, against fake-thesession.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "proxy/proxy_server.h"
#include "shell/store.h"
#include "tests/fake_thesession/fake_server.h"
#include "tests/fake_thesession/synthetic_data.h"
#include "tests/integration/test_support.h"

namespace tt {
namespace {

using testing::CommandResult;
using testing::run_command;

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override { server_.start(); }

  CommandResult cli(const std::string& args) {
    return run_command(std::string("TUNETRACK_RETRY_DELAY_MS=20 TUNETRACK_TIMEOUT_MS=1000 ") + TT_CLI_PATH + " " + args);
  }
  std::string db() const { return dir_.path("c.db"); }
  std::string sync_args(int tunes) const {
    return "sync --member " + std::to_string(fake::kFirstMember + tunes) + " --db " + db() + " --upstream " +
           server_.base_url();
  }

  testing::TempDir dir_;
  fake::FakeThesession server_;
};

}  // namespace

TEST_F(CliTest, SyncPrintsTheResultsAsJson) {
  const CommandResult r = cli(sync_args(130) + " --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["status"], "completed");
  EXPECT_EQ(doc["tunes_fetched"], 130);
  EXPECT_EQ(doc["person_tunes_added"], 130);
  EXPECT_EQ(doc["progress_percent"], 100);
  EXPECT_EQ(doc["pages"], 3);
}

TEST_F(CliTest, SyncWithAChosenStatusAndAHumanSummary) {
  const CommandResult r = cli(sync_args(20) + " --status learning");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("added to collection: 20"), std::string::npos) << r.out;
  const CommandResult list = cli("list --db " + db() + " --status learning --json");
  EXPECT_EQ(nlohmann::json::parse(list.out).size(), 20u);
}

TEST_F(CliTest, ExitCodesSayWhatHappened) {
  EXPECT_EQ(cli("sync --member 5 --db " + db() + " --upstream " + server_.base_url()).exit_code, 3);
  server_.add_fault({"/tunebook", 1, "status", 503, 0, -1, 0, -1});
  CommandResult r = cli(sync_args(10));
  EXPECT_EQ(r.exit_code, 4);
  EXPECT_NE(r.err.find("(after 3 attempts)"), std::string::npos) << r.err;
  r = cli(sync_args(10) + " --no-retry");
  EXPECT_EQ(r.exit_code, 4);
  EXPECT_NE(r.err.find("(after 1 attempt)"), std::string::npos) << r.err;
  server_.clear_faults();
  server_.add_fault({"/tunebook", 1, "malformed", 0, 0, -1, 0, 1});
  r = cli(sync_args(10));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("Invalid tunebook data received from thesession.org"), std::string::npos) << r.err;
}

TEST_F(CliTest, NetworkDownIsUnavailable) {
  const CommandResult r = cli("sync --member 100010 --db " + db() + " --upstream http://127.0.0.1:1");
  EXPECT_EQ(r.exit_code, 4);
  EXPECT_NE(r.err.find("unavailable"), std::string::npos) << r.err;
}

TEST_F(CliTest, SyncThroughTheProxy) {
  proxy::ProxyConfig config;
  config.port = 0;
  config.upstream = server_.base_url();
  config.access_log = "off";
  proxy::ProxyServer proxy(config);
  const int port = proxy.start();
  const CommandResult r = cli("sync --member 100075 --db " + db() + " --proxy http://127.0.0.1:" +
                              std::to_string(port) + " --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["tunes_fetched"], 75);
  EXPECT_EQ(server_.request_count("format=json"), 2);
}

// One retry layer (issue 8): the CLI's engine retries, the proxy forwards
// once, so an always-503 tunebook costs exactly 3 upstream requests.
TEST_F(CliTest, SyncThroughTheProxyRetriesInOneLayer) {
  proxy::ProxyConfig config;  // defaults, as deployed
  config.port = 0;
  config.upstream = server_.base_url();
  config.access_log = "off";
  proxy::ProxyServer proxy(config);
  const int port = proxy.start();
  server_.add_fault({"/tunebook", 0, "status", 503, 0, -1, 0, -1});
  const CommandResult r = cli("sync --member 100010 --db " + db() + " --proxy http://127.0.0.1:" +
                              std::to_string(port));
  EXPECT_EQ(r.exit_code, 4) << r.err;
  EXPECT_NE(r.err.find("(after 3 attempts)"), std::string::npos) << r.err;
  EXPECT_EQ(server_.request_count("/tunebook"), 3);
}

TEST_F(CliTest, ListFiltersBySearchTypeAndStatus) {
  ASSERT_EQ(cli(sync_args(200)).exit_code, 0);
  const auto all = nlohmann::json::parse(cli("list --db " + db() + " --json").out);
  ASSERT_EQ(all.size(), 200u);
  for (const char* key : {"tune_id", "name", "type", "learn_status", "heard_count", "learned_at", "notes"}) {
    EXPECT_TRUE(all[0].contains(key)) << key;
  }
  const auto reels = nlohmann::json::parse(cli("list --db " + db() + " --type reel --json").out);
  EXPECT_GT(reels.size(), 0u);
  for (const auto& t : reels) EXPECT_EQ(t["type"], "reel");
  // Accent-insensitive: synthetic names include "Máire’s"; "maire" finds them.
  const auto maire = nlohmann::json::parse(cli("list --db " + db() + " --search MAIRE --json").out);
  for (const auto& t : maire) EXPECT_NE(t["name"].get<std::string>().find("Máire"), std::string::npos);
  const auto text = cli("list --db " + db() + " --search zzzz");
  EXPECT_NE(text.out.find("0 of 200 tunes"), std::string::npos);
}

TEST_F(CliTest, SetStatusAndHeard) {
  ASSERT_EQ(cli(sync_args(5)).exit_code, 0);
  const std::string tune = std::to_string(fake::tunebook_tune_id(fake::kFirstMember + 5, 0));
  EXPECT_EQ(cli("set-status --db " + db() + " --tune " + tune + " --status learned").exit_code, 0);
  EXPECT_EQ(cli("heard --db " + db() + " --tune " + tune).exit_code, 0);
  EXPECT_EQ(cli("heard --db " + db() + " --tune " + tune).exit_code, 0);
  EXPECT_EQ(cli("heard --db " + db() + " --tune " + tune + " --undo").exit_code, 0);
  const auto list = nlohmann::json::parse(cli("list --db " + db() + " --status learned --json").out);
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]["heard_count"], 1);
  EXPECT_TRUE(list[0]["learned_at"].is_string());
  const CommandResult missing = cli("heard --db " + db() + " --tune 999999");
  EXPECT_EQ(missing.exit_code, 3);
  EXPECT_NE(missing.err.find("not in the collection"), std::string::npos);
}

TEST_F(CliTest, ExportAndImportRoundTripWithoutDuplicates) {
  ASSERT_EQ(cli(sync_args(30)).exit_code, 0);
  const std::string out = dir_.path("export.json");
  ASSERT_EQ(cli("export --db " + db() + " --format json --out " + out).exit_code, 0);
  const std::string other = dir_.path("other.db");
  CommandResult r = cli("import --db " + other + " " + out);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("30 added"), std::string::npos) << r.out;
  r = cli("import --db " + other + " " + out);
  EXPECT_NE(r.out.find("0 added, 30 already there"), std::string::npos) << r.out;
  EXPECT_EQ(nlohmann::json::parse(cli("list --db " + other + " --json").out).size(), 30u);
  const CommandResult csv = cli("export --db " + db() + " --format csv");
  EXPECT_EQ(csv.out.rfind("tune_id,name,type", 0), 0u);
  EXPECT_EQ(std::count(csv.out.begin(), csv.out.end(), '\n'), 31);
}

TEST_F(CliTest, BadInputGetsAClearErrorAndLosesNothing) {
  ASSERT_EQ(cli(sync_args(3)).exit_code, 0);
  const std::string bad = dir_.path("bad.json");
  testing::write_file(bad, "{not json");
  CommandResult r = cli("import --db " + db() + " " + bad);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("not valid JSON"), std::string::npos) << r.err;
  EXPECT_EQ(nlohmann::json::parse(cli("list --db " + db() + " --json").out).size(), 3u);

  for (const std::string& args : std::vector<std::string>{"", "frobnicate", "sync --db x.db", "sync --member abc --db x.db",
                                 "list --db " + db() + " --status mastered", "list --db " + db() + " --colour red",
                                 "export --db " + db() + " --format xml", "sync --member 1 --db x --upstream a --proxy b"}) {
    r = cli(args);
    EXPECT_EQ(r.exit_code, 1) << args;
    EXPECT_NE(r.err.find("usage:"), std::string::npos) << args << ": " << r.err;
  }
  r = cli("list --db " + dir_.path("missing.db"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("no database at"), std::string::npos);

  const std::string corrupt = dir_.path("corrupt.db");
  testing::write_file(corrupt, std::string(4096, 'z'));
  r = cli("list --db " + corrupt);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("cannot be used"), std::string::npos) << r.err;
  EXPECT_EQ(testing::read_file(corrupt), std::string(4096, 'z'));
}

}  // namespace tt

namespace tt {

TEST_F(CliTest, MalformedNumbersInTheEnvironmentAreRefusedNotTruncated) {
  CommandResult r = run_command("TUNETRACK_RETRY_ATTEMPTS=1.5 " + std::string(TT_CLI_PATH) + " " + sync_args(10));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("TUNETRACK_RETRY_ATTEMPTS: expected a whole number from 1 to 10, got \"1.5\""),
            std::string::npos) << r.err;
  r = run_command("TUNETRACK_CONCURRENCY=4294967297 " + std::string(TT_CLI_PATH) + " " + sync_args(10));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("TUNETRACK_CONCURRENCY: expected a whole number from 1 to 16"), std::string::npos) << r.err;
  // A multiplier is a decimal: 1.5 means 1.5.
  r = run_command("TUNETRACK_RETRY_DELAY_MS=10 TUNETRACK_RETRY_MULTIPLIER=1.5 " + std::string(TT_CLI_PATH) + " " +
                  sync_args(10) + " --json");
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

}  // namespace tt

namespace tt {

// Practice from the command line (issue 10): today's queue, a rating, and
// the refusals, exit 2 with a message, nothing written.
TEST_F(CliTest, PracticeShowsTodaysQueueAndRateRecordsARating) {
  ASSERT_EQ(cli(sync_args(5) + " --status learning").exit_code, 0);
  const auto practice = [&](const std::string& tz) {
    const CommandResult r = run_command("TZ=" + tz + " " + std::string(TT_CLI_PATH) + " practice --db " + db() + " --json");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return nlohmann::json::parse(r.out);
  };
  auto today = practice("UTC0");
  EXPECT_EQ(today["utc_offset_minutes"], 0);
  EXPECT_EQ(today["per_day"], 10);
  EXPECT_EQ(today["new_per_day"], 3);
  ASSERT_EQ(today["queue"].size(), 3u) << "3 new tunes a day";
  for (const auto& item : today["queue"]) {
    EXPECT_EQ(item["reason"], "new");
    EXPECT_TRUE(item["due"].is_null());
    EXPECT_EQ(item["done"], false);
    for (const char* key : {"tune_id", "name", "type", "key"}) EXPECT_TRUE(item.contains(key)) << key;
  }
  const std::string first = std::to_string(today["queue"][0]["tune_id"].get<int64_t>());

  CommandResult r = run_command("TZ=UTC0 " + std::string(TT_CLI_PATH) + " rate --db " + db() + " --tune " + first +
                                " --rating good");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find(": good. Next due "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("(in 10 min)"), std::string::npos) << r.out;

  // The queue is kept for the day; the rated tune is marked done.
  const auto after = practice("UTC0");
  EXPECT_EQ(after["queue"], [&] {
    auto expected = today["queue"];
    expected[0]["done"] = true;
    return expected;
  }());
  EXPECT_EQ(after["done_today"], 1);
  EXPECT_EQ(after["new_today"], 1);
  const CommandResult text = run_command("TZ=UTC0 " + std::string(TT_CLI_PATH) + " practice --db " + db());
  EXPECT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("\tnew\t-\tdone\n"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find(": 3 tunes, 2 to go (1 rating today; limits 10 a day, 3 new)"), std::string::npos) << text.out;

  // The offset is the system time zone's (POSIX TZ: "XYZ+5" is five hours west).
  EXPECT_EQ(practice("XYZ+5")["utc_offset_minutes"], -300);
  EXPECT_EQ(practice("XYZ-5:30")["utc_offset_minutes"], 330);
}

TEST_F(CliTest, RateAtAGivenTimeSuggestsPromotion) {
  ASSERT_EQ(cli(sync_args(2) + " --status learning").exit_code, 0);
  const std::string tune = std::to_string(fake::tunebook_tune_id(fake::kFirstMember + 2, 0));
  std::string at = "2025-01-06T09:00:00Z";
  bool suggested = false;
  for (int i = 0; i < 6 && !suggested; ++i) {
    const CommandResult r = cli("rate --db " + db() + " --tune " + tune + " --rating easy --at " + at + " --json");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto doc = nlohmann::json::parse(r.out);
    EXPECT_EQ(doc["at"], at);
    EXPECT_EQ(doc["state"], "review");
    suggested = doc["suggests_promotion"];
    EXPECT_EQ(suggested, doc["scheduled_days"].get<int>() >= 21);
    at = doc["due"];
  }
  ASSERT_TRUE(suggested);
  // In words: the hint names the command that marks it learned.
  const CommandResult r = cli("rate --db " + db() + " --tune " + tune + " --rating good --at " + at);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("tunetrack set-status --db " + db() + " --tune " + tune + " --status learned"), std::string::npos)
      << r.out;
  EXPECT_TRUE(r.out.find(" days).") != std::string::npos || r.out.find(" months).") != std::string::npos) << r.out;
}

TEST_F(CliTest, RateRefusesUnknownTunesRatingsAndTimesWritingNothing) {
  ASSERT_EQ(cli(sync_args(3) + " --status learning").exit_code, 0);
  const std::string tune = std::to_string(fake::tunebook_tune_id(fake::kFirstMember + 3, 0));
  const std::vector<std::pair<std::string, std::string>> refused = {
      {"--tune 999999 --rating good", "Tune #999999 is not in your collection"},
      {"--tune " + tune + " --rating meh", "unknown rating \"meh\" (use again, hard, good or easy)"},
      {"--tune " + tune + " --rating good --at yesterday", "--at must be a UTC time like 2025-01-06T09:00:00Z"},
      {"--tune " + tune + " --rating good --at 2025-02-30T09:00:00Z", "--at must be a UTC time"},
      {"--tune abc --rating good", "--tune: \"abc\" is not a tune number"},
  };
  for (const auto& [args, message] : refused) {
    const CommandResult r = cli("rate --db " + db() + " " + args);
    EXPECT_EQ(r.exit_code, 2) << args;
    EXPECT_NE(r.err.find(message), std::string::npos) << args << ": " << r.err;
    EXPECT_EQ(r.err.find("usage:"), std::string::npos) << args;
  }
  // Forgetting a flag is a usage error, as for every command.
  CommandResult r = cli("rate --db " + db() + " --tune " + tune);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("'rate' needs --rating"), std::string::npos) << r.err;
  r = cli("practice --db " + dir_.path("missing.db"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("no database at"), std::string::npos) << r.err;
  // Nothing was written: no rating today, no card.
  const auto today = nlohmann::json::parse(cli("practice --db " + db() + " --json").out);
  EXPECT_EQ(today["done_today"], 0);
  const CommandResult csv = cli("export --db " + db() + " --format csv");
  EXPECT_NE(csv.out.find(",,\r\n"), std::string::npos) << "due and last practised empty";
  EXPECT_EQ(nlohmann::json::parse(cli("export --db " + db() + " --format json").out)["practice"]["log"].size(), 0u);
}

}  // namespace tt

namespace tt {

// The change log from the command line: a sync, notes, a status and a
// rating are each one line of `log`; `rebuild` makes from that log alone a
// database whose export is the same, and never overwrites a file.
TEST_F(CliTest, TheLogListsEachChangeAndRebuildMakesTheSameCollectionFromItAlone) {
  ASSERT_EQ(cli(sync_args(12)).exit_code, 0);
  const int64_t tune = nlohmann::json::parse(cli("list --db " + db() + " --json").out)[0]["tune_id"].get<int64_t>();
  const std::string id = std::to_string(tune);
  CommandResult r = cli("notes --db " + db() + " --tune " + id + " --text 'Learnt from Mary, slowly'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find(": notes saved"), std::string::npos) << r.out;
  ASSERT_EQ(cli("set-status --db " + db() + " --tune " + id + " --status learning").exit_code, 0);
  ASSERT_EQ(cli("rate --db " + db() + " --tune " + id + " --rating good").exit_code, 0);

  r = cli("log --db " + db());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* action : {"  apply_sync  ", "  set_notes  ", "  set_status  ", "  rate  "}) {
    EXPECT_NE(r.out.find(action), std::string::npos) << action << " in:\n" << r.out;
  }
  r = cli("log --db " + db() + " --json");
  const auto records = nlohmann::json::parse(r.out);
  ASSERT_GE(records.size(), 4u);
  EXPECT_EQ(records[0]["seq"], 1);
  const auto sync = std::find_if(records.begin(), records.end(), [](const auto& r) { return r["action"] == "apply_sync"; });
  ASSERT_NE(sync, records.end());
  EXPECT_EQ((*sync)["changes"]["collection"]["put"].size(), 12u);

  const std::string rebuilt = dir_.path("rebuilt.db");
  r = cli("rebuild --from-log " + db() + " --db " + rebuilt);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("12 tunes in the collection, 1 ratings"), std::string::npos) << r.out;
  EXPECT_EQ(cli("export --db " + rebuilt + " --format json").out, cli("export --db " + db() + " --format json").out);
  EXPECT_EQ(cli("log --db " + rebuilt + " --json").out, cli("log --db " + db() + " --json").out);

  r = cli("rebuild --from-log " + db() + " --db " + rebuilt);  // never over an existing file
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("exists already"), std::string::npos) << r.err;
}

TEST_F(CliTest, NotesForATuneNotCollectedIsExitTwoAndChangesNothing) {
  ASSERT_EQ(cli(sync_args(3)).exit_code, 0);
  const std::string before = cli("log --db " + db() + " --json").out;
  CommandResult r = cli("notes --db " + db() + " --tune 99999999 --text hello");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("Tune #99999999 is not in your collection"), std::string::npos) << r.err;
  EXPECT_EQ(cli("log --db " + db() + " --json").out, before);
  r = cli("notes --db " + db() + " --tune 1");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("needs --text"), std::string::npos) << r.err;
  r = cli("notes --db " + db() + " --tune 1 --text \"$(printf 'caf\\351')\"");  // Latin-1 from an old terminal
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("must be UTF-8"), std::string::npos) << r.err;
  EXPECT_EQ(cli("log --db " + db() + " --json").out, before);
  EXPECT_EQ(cli("log --db " + dir_.path("missing.db")).exit_code, 1);
  EXPECT_EQ(cli("rebuild --from-log " + dir_.path("missing.db") + " --db " + dir_.path("x.db")).exit_code, 1);
}

TEST_F(CliTest, AnEmptyLogSaysSo) {
  {
    Store store(db(), [] { return int64_t{1}; });
  }
  const CommandResult r = cli("log --db " + db());
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("The change log is empty"), std::string::npos) << r.out;
  EXPECT_EQ(nlohmann::json::parse(cli("log --db " + db() + " --json").out), nlohmann::json::array());
}

}  // namespace tt
