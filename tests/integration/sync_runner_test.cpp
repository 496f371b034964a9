// The whole sync natively: real HTTP against fake-thesession on loopback,
// real SQLite, every injected fault.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "shell/http_client.h"
#include "shell/sync_runner.h"
#include "tests/fake_thesession/fake_server.h"
#include "tests/fake_thesession/synthetic_data.h"
#include "tests/integration/test_support.h"

namespace tt {
namespace {

using fake::FakeThesession;
using fake::FaultRule;

class SyncRunnerTest : public ::testing::Test {
 protected:
  void SetUp() override { server_.start(); }

  SyncOptions options(int tunes) {
    SyncOptions o;
    o.member_id = fake::kFirstMember + tunes;
    o.endpoint = {server_.base_url(), false};
    o.retry.initial_delay_ms = 20;  // the rule's shape, at test speed
    return o;
  }

  SyncResult sync(const SyncOptions& o, std::vector<SyncProgress>* seen = nullptr) {
    SyncRunnerHooks hooks;
    hooks.get = [](const std::string& url) {
      HttpClientOptions http;
      http.read_timeout_ms = 500;
      http.max_body_bytes = 8u << 20;
      return http_get(url, http);
    };
    if (seen) hooks.on_progress = [seen](const SyncProgress& p) { seen->push_back(p); };
    return run_sync(*store_, o, hooks);
  }

  testing::TempDir dir_;
  std::unique_ptr<Store> store_ = std::make_unique<Store>(dir_.path("c.db"), system_now_ms);
  FakeThesession server_;
};

}  // namespace

TEST_F(SyncRunnerTest, FetchesEveryPageAndAddsEveryTune) {
  std::vector<SyncProgress> seen;
  const SyncResult r = sync(options(300), &seen);
  EXPECT_EQ(r.status, SyncStage::Completed) << r.message;
  EXPECT_EQ(r.tunes_fetched, 300);
  EXPECT_EQ(r.tunes_created, 300);
  EXPECT_EQ(r.person_tunes_added, 300);
  EXPECT_EQ(r.pages, 6);
  EXPECT_EQ(server_.request_count("/tunebook"), 6);
  EXPECT_EQ(server_.request_count("perpage=50"), 6);
  EXPECT_EQ(store_->list_collection().size(), 300u);
  // Progress: starts at 10 % fetching, never goes back, ends at 100 % completed.
  ASSERT_FALSE(seen.empty());
  EXPECT_EQ(seen.front().stage, SyncStage::FetchingMetadata);
  EXPECT_EQ(seen.front().percent, 10);
  for (size_t i = 1; i < seen.size(); ++i) EXPECT_GE(seen[i].percent, seen[i - 1].percent);
  EXPECT_EQ(seen.back().stage, SyncStage::Completed);
  EXPECT_EQ(seen.back().percent, 100);
  const auto runs = store_->sync_runs();
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0].status, "completed");
}

TEST_F(SyncRunnerTest, SecondSyncSkipsEverythingAndKeepsUserData) {
  sync(options(120));
  const int64_t tune = fake::tunebook_tune_id(fake::kFirstMember + 120, 5);
  store_->set_status(tune, LearnStatus::Learned);
  store_->heard(tune, false);
  const SyncResult r = sync(options(120));
  EXPECT_EQ(r.person_tunes_added, 0);
  EXPECT_EQ(r.person_tunes_skipped, 120);
  EXPECT_EQ(r.tunes_created, 0);
  EXPECT_EQ(store_->entry(tune)->status, LearnStatus::Learned);
  EXPECT_EQ(store_->entry(tune)->heard_count, 1);
}

TEST_F(SyncRunnerTest, EmptyTunebook) {
  const SyncResult r = sync(options(0));
  EXPECT_EQ(r.status, SyncStage::Completed);
  EXPECT_EQ(r.tunes_fetched, 0);
}

TEST_F(SyncRunnerTest, UnknownMemberIsNotFoundAtOnce) {
  auto o = options(0);
  o.member_id = 5;
  const SyncResult r = sync(o);
  EXPECT_EQ(r.failure, SyncFailure::NotFound);
  EXPECT_EQ(r.message, "No member 5 on thesession.org: check the number at the end of your profile's address");
  EXPECT_EQ(server_.request_count(), 1);
}

TEST_F(SyncRunnerTest, TransientFailuresAreRetriedThenSucceed) {
  server_.add_fault({"/tunebook", 2, "status", 503, 0, -1, 0, 2});
  const SyncResult r = sync(options(150));
  EXPECT_EQ(r.status, SyncStage::Completed) << r.message;
  EXPECT_EQ(server_.request_count("page=2&"), 3);
  EXPECT_EQ(r.tunes_fetched, 150);
}

TEST_F(SyncRunnerTest, EachTransientFaultIsRetried) {
  for (const char* fault : {"reset", "timeout"}) {
    server_.reset_counts();
    FaultRule rule{"/tunebook", 1, fault, 503, 1500, -1, 0, 1};
    server_.add_fault(rule);
    const SyncResult r = sync(options(10));
    EXPECT_EQ(r.status, SyncStage::Completed) << fault << ": " << r.message;
    EXPECT_EQ(server_.request_count("/tunebook"), 2) << fault;
  }
  for (int status : {502, 504, 429}) {
    server_.reset_counts();
    server_.add_fault({"/tunebook", 1, "status", status, 0, status == 429 ? 0 : -1, 0, 1});
    const SyncResult r = sync(options(10));
    EXPECT_EQ(r.status, SyncStage::Completed) << status << ": " << r.message;
    EXPECT_EQ(server_.request_count("/tunebook"), 2) << status;
  }
}

TEST_F(SyncRunnerTest, PersistentFailureFailsAfterThreeAttemptsAndChangesNothing) {
  sync(options(60));
  const size_t before = store_->list_collection().size();
  server_.reset_counts();
  server_.add_fault({"/tunebook", 2, "status", 503, 0, -1, 0, -1});
  const SyncResult r = sync(options(160));
  EXPECT_EQ(r.status, SyncStage::Failed);
  EXPECT_EQ(r.failure, SyncFailure::Unavailable);
  EXPECT_EQ(r.message, "thesession.org is unavailable: HTTP 503 on page 2 (after 3 attempts)");
  EXPECT_EQ(store_->list_collection().size(), before);
  EXPECT_EQ(server_.request_count("page=2&"), 3);
}

TEST_F(SyncRunnerTest, NoRetryMeansOneAttempt) {
  server_.add_fault({"/tunebook", 1, "status", 503, 0, -1, 0, -1});
  auto o = options(10);
  o.retry.enabled = false;
  const SyncResult r = sync(o);
  EXPECT_EQ(r.message, "thesession.org is unavailable: HTTP 503 on page 1 (after 1 attempt)");
  EXPECT_EQ(server_.request_count(), 1);
}

TEST_F(SyncRunnerTest, ServerErrorAndBadDataAreNotRetried) {
  const std::vector<std::pair<FaultRule, SyncFailure>> cases = {
      {{"/tunebook", 1, "status", 500, 0, -1, 0, 1}, SyncFailure::Other},
      {{"/tunebook", 1, "malformed", 0, 0, -1, 0, 1}, SyncFailure::InvalidData},
      {{"/tunebook", 1, "no_tunes", 0, 0, -1, 0, 1}, SyncFailure::InvalidData},
      {{"/tunebook", 1, "huge", 0, 0, -1, 16, 1}, SyncFailure::Other},
  };
  for (const auto& [rule, expected] : cases) {
    server_.reset_counts();
    server_.add_fault(rule);
    const SyncResult r = sync(options(10));
    EXPECT_EQ(r.failure, expected) << rule.fault << ": " << r.message;
    EXPECT_EQ(server_.request_count(), 1) << rule.fault;
    EXPECT_TRUE(store_->list_collection().empty());
  }
}

TEST_F(SyncRunnerTest, ShiftingPagesNeverDuplicate) {
  server_.add_fault({"/tunebook", 3, "shift", 0, 0, -1, 7, 1});
  const SyncResult r = sync(options(200));
  EXPECT_EQ(r.status, SyncStage::Completed);
  EXPECT_EQ(r.tunes_fetched, 193);  // 7 repeated tunes counted once
  EXPECT_EQ(store_->list_collection().size(), 193u);
}

TEST_F(SyncRunnerTest, CancelChangesNothing) {
  server_.add_fault({"/tunebook", 0, "delay", 0, 300, -1, 0, -1});
  std::atomic<bool> cancel{false};
  std::thread canceller([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    cancel = true;
  });
  SyncRunnerHooks hooks;
  hooks.cancel_requested = &cancel;
  const SyncResult r = run_sync(*store_, options(300), hooks);
  canceller.join();
  EXPECT_EQ(r.status, SyncStage::Cancelled);
  EXPECT_TRUE(store_->list_collection().empty());
}

TEST_F(SyncRunnerTest, ConcurrencyStaysWithinTheLimit) {
  server_.add_fault({"/tunebook", 0, "delay", 0, 30, -1, 0, -1});
  const SyncResult r = sync(options(1000));  // 20 pages
  EXPECT_EQ(r.status, SyncStage::Completed);
  // Never more than the limit; and the limit is used (pages do go in parallel).
  EXPECT_LE(server_.max_concurrent(), 4);
  EXPECT_GE(server_.max_concurrent(), 3);
  auto o = options(1000);
  o.concurrency = 2;
  server_.reset_counts();
  sync(o);
  EXPECT_EQ(server_.max_concurrent(), 2);
}

}  // namespace tt
