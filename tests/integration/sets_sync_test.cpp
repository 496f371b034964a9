// Bringing in a member's sets end to end: the shared SyncSession running a
// sets sync (one transaction, one commit), the native runner against
// fake-thesession's awkward sets and faults, and the proxy's sets route.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "shell/http_client.h"
#include "shell/sync_runner.h"
#include "shell/sync_session.h"
#include "tests/fake_thesession/fake_server.h"
#include "tests/fake_thesession/synthetic_data.h"
#include "tests/fake_thesession/synthetic_sets.h"
#include "tests/integration/proxy_fixture.h"
#include "tests/integration/test_support.h"

namespace tt {
namespace {

using nlohmann::json;
constexpr int64_t kAwkward = fake::kFirstMember + 47;  // 11 sets, awkward ones among them

// Records what the session asks; the test answers.
struct Transport : SyncTransport {
  uint64_t next_id = 500;
  std::map<uint64_t, std::string> fetches;
  std::map<uint64_t, int64_t> timers;
  uint64_t fetch(const std::string& url) override { fetches[++next_id] = url; return next_id; }
  void abort(uint64_t id) override { fetches.erase(id); }
  uint64_t start_timer(int64_t delay_ms) override { timers[++next_id] = delay_ms; return next_id; }
  void cancel_timer(uint64_t id) override { timers.erase(id); }
};

HttpOutcome ok(std::string body) {
  HttpOutcome o;
  o.status = 200;
  o.body = std::move(body);
  return o;
}

class SetsRunnerTest : public ::testing::Test {
 protected:
  void SetUp() override { server_.start(); }

  SyncOptions options(int64_t member, int per_page = 5) {
    SyncOptions o;
    o.what = SyncKind::Sets;
    o.member_id = member;
    o.endpoint = {server_.base_url(), false};
    o.per_page = per_page;
    o.retry.initial_delay_ms = 20;
    return o;
  }
  SyncResult sync(const SyncOptions& o, std::vector<SyncProgress>* seen = nullptr) {
    SyncRunnerHooks hooks;
    hooks.get = [](const std::string& url) {
      HttpClientOptions http;
      http.read_timeout_ms = 1000;
      return http_get(url, http);
    };
    if (seen) hooks.on_progress = [seen](const SyncProgress& p) { seen->push_back(p); };
    return run_sync(store_, o, hooks);
  }
  const TuneSet* find(const std::vector<TuneSet>& sets, int index) {
    for (const auto& s : sets) if (s.thesession_id == fake::member_set_id(kAwkward, index)) return &s;
    return nullptr;
  }

  testing::TempDir dir_;
  Store store_{dir_.path("s.db"), system_now_ms};
  fake::FakeThesession server_;
};

}  // namespace

TEST(SetsSession, ASetsSyncIsOneTransactionAndOneCommitLikeTheTunebooks) {
  testing::TempDir dir;
  Store store(dir.path("s.db"), testing::FakeClock{});
  store.add_tune({1, "Known", "jig", ""}, LearnStatus::Learning, "search");
  Transport transport;
  SyncSession session(transport);
  std::vector<SyncProgress> seen;
  session.on_progress = [&](const SyncProgress& p) { seen.push_back(p); };
  SyncOptions o;
  o.what = SyncKind::Sets;
  o.member_id = 7;
  o.endpoint = {"http://proxy", true};
  o.known_tunes = {99};  // the session reads the store's own, whatever was given
  session.start(store, o, 0);
  ASSERT_EQ(transport.fetches.size(), 1u);
  EXPECT_EQ(transport.fetches.begin()->second, "http://proxy/api/thesession/members/7/sets?page=1&perpage=50");
  const json sets = {{"pages", 1}, {"sets", json::array({{{"id", 5}, {"name", "Two"}, {"settings", json::array({
      {{"url", "/tunes/1#setting10"}, {"name", "Known"}, {"key", "Gmajor"}},
      {{"url", "/tunes/99"}, {"name", "Ninety-nine"}, {"type", "reel"}, {"key", "Dmajor"}}})}}})}};
  const auto take = [&] {
    const uint64_t id = transport.fetches.begin()->first;
    transport.fetches.erase(transport.fetches.begin());
    return id;
  };
  session.on_response(take(), ok(sets.dump()), 1);
  ASSERT_EQ(transport.fetches.size(), 1u);  // only the unknown tune is checked
  EXPECT_EQ(transport.fetches.begin()->second, "http://proxy/api/thesession/tunes/99");
  const SyncStep fetched = session.on_response(
      take(), ok(R"({"id":99,"name":"Ninety-nine","type":"reel","settings":[{"id":990,"key":"Dmajor"}]})"), 2);
  EXPECT_FALSE(fetched.changed.any());
  EXPECT_EQ(session.progress()->stage, SyncStage::AddingToCollection);
  ASSERT_EQ(transport.timers.size(), 1u);
  const uint64_t apply = transport.timers.begin()->first;
  transport.timers.clear();
  const SyncStep applied = session.on_timer(apply, 3);
  EXPECT_FALSE(session.running());
  EXPECT_TRUE(applied.changed.collection && applied.changed.sets);
  const SyncResult& r = *session.last_result();
  EXPECT_EQ(r.status, SyncStage::Completed) << r.message;
  EXPECT_EQ(r.sets_added, 1);
  EXPECT_EQ(r.person_tunes_added, 1);
  EXPECT_EQ(r.person_tunes_skipped, 1);
  EXPECT_EQ(seen.back().kind, SyncKind::Sets);
  EXPECT_EQ(seen.back().percent, 100);
  const auto runs = store.sync_runs();
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0].kind, "sets");
  EXPECT_EQ(runs[0].sets_added, 1);
  ASSERT_EQ(store.list_sets().size(), 1u);
  EXPECT_EQ(set_key_chain(store.list_sets()[0].entries), "G major \xE2\x86\x92 D major");
}

TEST_F(SetsRunnerTest, BringsInEverySetOverSeveralPagesWithTheAwkwardOnes) {
  std::vector<SyncProgress> seen;
  const SyncResult r = sync(options(kAwkward), &seen);
  EXPECT_EQ(r.status, SyncStage::CompletedWithErrors) << r.message;
  EXPECT_EQ(r.pages, 3);
  EXPECT_EQ(r.sets_fetched, 11);
  EXPECT_EQ(r.sets_added, 11);
  EXPECT_EQ(r.set_entries_skipped, 1);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].find("tune #" + std::to_string(fake::gone_tune_id(kAwkward)) + " is no longer on thesession.org"),
            std::string::npos) << r.errors[0];
  EXPECT_EQ(server_.request_count("/sets"), 3);
  EXPECT_EQ(server_.request_count("/tunes/"), r.tunes_checked);
  EXPECT_LE(server_.max_concurrent(), 4);  // polite, like the tunebook

  const auto sets = store_.list_sets();
  ASSERT_EQ(sets.size(), 11u);
  EXPECT_TRUE(find(sets, 1)->entries.empty());  // the empty set, kept
  EXPECT_FALSE(find(sets, 2)->entries[1].setting_id);  // named without "#setting"
  EXPECT_TRUE(find(sets, 2)->entries[0].setting_id);
  EXPECT_EQ(find(sets, 3)->entries.size(), 1u);  // its gone tune left out
  // A tune outside the member's tunebook is in the collection now, for its set.
  const int64_t outside = find(sets, 4)->entries.back().tune_id;
  const auto entry = store_.entry(outside);
  ASSERT_TRUE(entry);
  EXPECT_EQ(entry->source, "set");
  EXPECT_EQ(entry->status, LearnStatus::WantToLearn);
  EXPECT_EQ(r.person_tunes_added, static_cast<int>(store_.list_collection().size()));
  for (size_t i = 1; i < seen.size(); ++i) EXPECT_GE(seen[i].percent, seen[i - 1].percent);
  EXPECT_EQ(seen.back().percent, 100);
}

TEST_F(SetsRunnerTest, ASecondSyncAddsNothingAndKeepsLocalEdits) {
  sync(options(kAwkward));
  const std::vector<TuneSet> sets = store_.list_sets();  // kept: `first` points into it
  const TuneSet* first = find(sets, 0);
  ASSERT_NE(first, nullptr);
  const int64_t id = first->id;
  ASSERT_TRUE(store_.rename_set(id, "Our opener"));
  ASSERT_TRUE(store_.move_set_entry(id, 0, 2));
  const auto edited = store_.get_set(id)->entries;
  server_.reset_counts();
  const SyncResult again = sync(options(kAwkward));
  EXPECT_EQ(again.status, SyncStage::Completed) << again.message;
  EXPECT_EQ(again.sets_added, 0);
  EXPECT_EQ(again.sets_already_there, 11);
  EXPECT_EQ(again.tunes_checked, 0);
  EXPECT_EQ(server_.request_count("/tunes/"), 0);  // nothing to check again
  EXPECT_EQ(store_.list_sets().size(), 11u);
  EXPECT_EQ(store_.get_set(id)->name, "Our opener");
  EXPECT_EQ(store_.get_set(id)->entries[0].tune_id, edited[0].tune_id);
}

TEST_F(SetsRunnerTest, AFlakyPageRecoversAndOneThatStaysDownChangesNothing) {
  server_.add_fault({"/sets", 2, "status", 503, 0, -1, 0, 1});
  const SyncResult recovered = sync(options(kAwkward));
  EXPECT_EQ(recovered.status, SyncStage::CompletedWithErrors) << recovered.message;
  EXPECT_EQ(recovered.sets_added, 11);
  EXPECT_EQ(server_.request_count("/sets?format=json&page=2"), 2);

  testing::TempDir other;
  Store fresh(other.path("f.db"), system_now_ms);
  server_.add_fault({"/sets", 3, "status", 503, 0, -1, 0, -1});
  server_.reset_counts();
  SyncRunnerHooks hooks;
  const SyncResult failed = run_sync(fresh, options(kAwkward), hooks);
  EXPECT_EQ(failed.status, SyncStage::Failed);
  EXPECT_EQ(failed.failure, SyncFailure::Unavailable);
  EXPECT_NE(failed.message.find("on page 3 (after 3 attempts)"), std::string::npos) << failed.message;
  EXPECT_EQ(server_.request_count("/sets?format=json&page=3"), 3);
  EXPECT_TRUE(fresh.list_sets().empty());
  EXPECT_TRUE(fresh.list_collection().empty());
  EXPECT_EQ(fresh.sync_runs().at(0).status, "failed");
}

TEST_F(SetsRunnerTest, AGoneTunePageIsNotRetriedButADownOneIs) {
  server_.add_fault({"/tunes/", 0, "status", 503, 0, -1, 0, 2});  // the first two tune pages: once each, then fine
  const SyncResult r = sync(options(kAwkward));
  EXPECT_EQ(r.status, SyncStage::CompletedWithErrors) << r.message;
  EXPECT_EQ(server_.request_count("/tunes/" + std::to_string(fake::gone_tune_id(kAwkward))), 1);
  EXPECT_EQ(r.requests, 3 + r.tunes_checked + 2);
}

TEST_F(SetsRunnerTest, UnknownMemberIsNotFoundAndNothingIsWritten) {
  const SyncResult r = sync(options(5));
  EXPECT_EQ(r.failure, SyncFailure::NotFound);
  EXPECT_EQ(exit_code_for(r), 3);
  EXPECT_TRUE(store_.list_sets().empty());
}

TEST(FakeSets, PagesOfSyntheticSetsShapedLikeTheTunebooks) {
  const json page = json::parse(fake::sets_page_json(fake::kFirstMember + 2000, 2, 50));
  EXPECT_EQ(page["pages"], 10);
  EXPECT_EQ(page["page"], 2);
  EXPECT_EQ(page["perpage"], 50);
  EXPECT_EQ(page["total"], 500);
  EXPECT_EQ(page["member"]["id"], fake::kFirstMember + 2000);
  EXPECT_EQ(page["sets"].size(), 50u);
  int entries = 0;
  for (int i = 0; i < 500; ++i) entries += static_cast<int>(fake::member_set_entries(fake::kFirstMember + 2000, i).size());
  EXPECT_EQ(entries, 1400);
  EXPECT_EQ(fake::sets_page_json(fake::kFirstMember + 2000, 2, 50), page.dump());  // deterministic
  EXPECT_FALSE(fake::awkward_sets_member(fake::kFirstMember + 2000));
  EXPECT_TRUE(fake::awkward_sets_member(kAwkward));
}

TEST_F(ProxyTest, ForwardsAMembersSetsWithTheTunebooksChecksCacheAndErrors) {
  start_proxy();
  const std::string path = "/api/thesession/members/" + member(47) + "/sets?page=1&perpage=5";
  const auto first = get(path);
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(json::parse(first.body)["sets"].size(), 5u);
  EXPECT_EQ(first.header("X-Cache"), "miss");
  EXPECT_FALSE(first.header("ETag").empty());
  EXPECT_NE(first.header("Cache-Control").find("max-age=60"), std::string::npos) << first.header("Cache-Control");
  EXPECT_EQ(get(path).header("X-Cache"), "hit");
  EXPECT_EQ(fake_.request_count("/sets?format=json&page=1&perpage=5"), 1);

  const auto missing = get("/api/thesession/members/5/sets");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(json::parse(missing.body)["message"], "Member #5 not found on thesession.org");
  fake_.add_fault({"/sets", 0, "status", 503, 0, -1, 0, -1});
  const auto down = get("/api/thesession/members/" + member(48) + "/sets");
  EXPECT_EQ(down.status, 503);
  EXPECT_FALSE(down.header("Retry-After").empty());
  fake_.clear_faults();
  fake_.add_fault({"/sets", 0, "no_tunes", 503, 0, -1, 0, -1});
  EXPECT_EQ(get("/api/thesession/members/" + member(49) + "/sets").status, 500);  // no sets list: never passed on

  fake_.reset_counts();
  EXPECT_EQ(get("/api/thesession/members/1/sets?perpage=51").status, 400);
  EXPECT_EQ(get("/api/thesession/members/1/sets?callback=x").status, 400);
  EXPECT_EQ(get("/api/thesession/members/x1/sets").status, 404);
  EXPECT_EQ(fake_.request_count(), 0);
}

TEST_F(ProxyTest, ASetsSyncThroughTheProxy) {
  start_proxy();
  testing::TempDir dir;
  Store store(dir.path("p.db"), system_now_ms);
  SyncOptions o;
  o.what = SyncKind::Sets;
  o.member_id = fake::kFirstMember + 47;
  o.endpoint = {"http://127.0.0.1:" + std::to_string(port_), true};
  const SyncResult r = run_sync(store, o);
  EXPECT_EQ(r.status, SyncStage::CompletedWithErrors) << r.message;
  EXPECT_EQ(r.sets_added, 11);
  EXPECT_EQ(r.set_entries_skipped, 1);
}

}  // namespace tt
