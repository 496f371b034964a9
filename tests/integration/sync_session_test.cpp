// SyncSession on a real store with a transport that records what it is asked
// and lets the test answer in any order: late answers, retries, aborts, and
// the single transaction and save of a sync.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "shell/sync_session.h"
#include "tests/integration/test_support.h"

namespace tt {
namespace {

using testing::FakeClock;
using testing::TempDir;

std::string page_body(int page, int pages, int64_t first, int count) {
  nlohmann::json tunes = nlohmann::json::array();
  for (int64_t id = first; id < first + count; ++id) {
    tunes.push_back({{"id", id}, {"name", "Tune " + std::to_string(id)}, {"type", "reel"}});
  }
  return nlohmann::json{{"pages", pages}, {"page", page}, {"tunes", tunes}}.dump();
}

HttpOutcome ok(std::string body) {
  HttpOutcome o;
  o.status = 200;
  o.body = std::move(body);
  return o;
}

HttpOutcome status(int code) {
  HttpOutcome o;
  o.status = code;
  return o;
}

struct RecordingTransport : SyncTransport {
  uint64_t next_id = 100;  // a front end's ids: anything unique will do
  std::map<uint64_t, std::string> fetches;  // outstanding: id -> url
  std::map<uint64_t, int64_t> timers;
  std::vector<uint64_t> aborted, cancelled;
  int writes = 0;  // steps of fire_zero_timers that wrote

  uint64_t fetch(const std::string& url) override { fetches[++next_id] = url; return next_id; }
  void abort(uint64_t id) override { aborted.push_back(id); fetches.erase(id); }
  uint64_t start_timer(int64_t delay_ms) override { timers[++next_id] = delay_ms; return next_id; }
  void cancel_timer(uint64_t id) override { cancelled.push_back(id); timers.erase(id); }

  // Fires every zero-delay timer (the session applies a fetched tunebook on
  // one); returns what they wrote.
  actions::Changed fire_zero_timers(SyncSession& session, int64_t now) {
    actions::Changed written;
    for (auto it = timers.begin(); it != timers.end();) {
      if (it->second == 0) {
        const uint64_t id = it->first;
        it = timers.erase(it);
        const SyncStep step = session.on_timer(id, now);
        writes += step.changed.any();
        written |= step.changed;
      } else {
        ++it;
      }
    }
    return written;
  }

  // The outstanding fetch whose URL contains `part` (asserts there is one).
  uint64_t take(const std::string& part) {
    for (auto it = fetches.begin(); it != fetches.end(); ++it) {
      if (it->second.find(part) != std::string::npos) {
        const uint64_t id = it->first;
        fetches.erase(it);
        return id;
      }
    }
    ADD_FAILURE() << "no outstanding fetch for " << part;
    return 0;
  }
};

SyncOptions member(int64_t id) {
  SyncOptions o;
  o.member_id = id;
  o.endpoint = {"http://proxy", true};
  return o;
}

class SyncSessionTest : public ::testing::Test {
 protected:
  TempDir dir;
  Store store{dir.path("s.db"), FakeClock{}};
  RecordingTransport transport;
  SyncSession session{transport};
};

}  // namespace

TEST_F(SyncSessionTest, ASyncAppliesAndRecordsInOneCommitAndOneSave) {
  EXPECT_FALSE(session.start(store, member(7), 0).changed.any());
  EXPECT_TRUE(session.running());
  const SyncStep page1 = session.on_response(transport.take("members/7/tunebook?page=1"), ok(page_body(1, 2, 1, 50)), 10);
  const SyncStep page2 = session.on_response(transport.take("page=2"), ok(page_body(2, 2, 51, 20)), 20);
  EXPECT_TRUE(page1 && page2);
  EXPECT_TRUE(session.running());  // the apply waits for the transport's next turn
  EXPECT_EQ(session.progress()->stage, SyncStage::AddingToCollection);
  EXPECT_FALSE(page1.changed.any() || page2.changed.any());  // nothing written yet
  const actions::Changed written = transport.fire_zero_timers(session, 21);
  EXPECT_FALSE(session.running());
  ASSERT_TRUE(session.last_result());
  EXPECT_EQ(session.last_result()->status, SyncStage::Completed);
  EXPECT_EQ(session.last_result()->person_tunes_added, 70);
  EXPECT_EQ(store.list_collection().size(), 70u);
  // One write for the plan and the run together: the list, the sets and practice follow.
  EXPECT_EQ(transport.writes, 1);
  EXPECT_TRUE(written.collection && written.sets && written.practice);
  const auto runs = store.sync_runs();
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0].person_tunes_added, 70);
  EXPECT_EQ(runs[0].status, "completed");
}

// Regression (issue 8): engine ids restart at 1 for every sync, so a page of
// an ended sync used to be taken by the next one as its own.
TEST_F(SyncSessionTest, ALateAnswerFromAnEndedSyncChangesNothing) {
  SyncOptions first = member(1);
  first.retry.enabled = false;
  session.start(store, first, 0);
  session.on_response(transport.take("members/1/tunebook?page=1"), ok(page_body(1, 3, 1, 50)), 1);
  const uint64_t member1_page2 = transport.take("members/1/tunebook?page=2");
  // Page 3 fails: the sync ends while page 2 is still in flight...
  session.on_response(transport.take("members/1/tunebook?page=3"), status(503), 2);
  EXPECT_EQ(session.last_result()->status, SyncStage::Failed);
  EXPECT_EQ(transport.aborted, (std::vector<uint64_t>{member1_page2}));  // ...and is aborted.

  // The user syncs member 2; member 1's page 2 answers late anyway.
  session.start(store, member(2), 3);
  EXPECT_FALSE(session.on_response(member1_page2, ok(page_body(2, 3, 9001, 50)), 4));
  session.on_response(transport.take("members/2/tunebook?page=1"), ok(page_body(1, 1, 500, 5)), 5);
  transport.fire_zero_timers(session, 6);
  EXPECT_EQ(session.last_result()->status, SyncStage::Completed);
  const auto entries = store.list_collection();
  ASSERT_EQ(entries.size(), 5u);
  for (const auto& e : entries) EXPECT_GE(e.tune_id, 500);  // nothing of member 1's
}

TEST_F(SyncSessionTest, CancelAbortsEveryFetchAndTimerAndChangesNothing) {
  session.start(store, member(3), 0);
  session.on_response(transport.take("page=1"), ok(page_body(1, 6, 1, 50)), 1);
  session.on_response(transport.take("page=2"), status(503), 2);  // waits to retry
  ASSERT_EQ(transport.timers.size(), 1u);
  const uint64_t timer = transport.timers.begin()->first;
  EXPECT_EQ(transport.timers.begin()->second, 2000);
  const SyncStep cancelled = session.cancel(3);
  EXPECT_FALSE(session.running());
  EXPECT_EQ(session.last_result()->status, SyncStage::Cancelled);
  EXPECT_TRUE(transport.fetches.empty());
  EXPECT_EQ(transport.aborted.size(), 3u);  // pages 3..5 were in flight (page 2 waited: 4 busy)
  EXPECT_EQ(transport.cancelled, (std::vector<uint64_t>{timer}));
  EXPECT_FALSE(session.on_timer(timer, 4));
  EXPECT_TRUE(store.list_collection().empty());
  ASSERT_EQ(store.sync_runs().size(), 1u);
  EXPECT_EQ(store.sync_runs()[0].status, "cancelled");
  EXPECT_TRUE(cancelled.changed.history);  // the history line, to be saved
  EXPECT_FALSE(cancelled.changed.collection);
}

TEST_F(SyncSessionTest, RetriesGoThroughTheTransportTimers) {
  session.start(store, member(4), 0);
  session.on_response(transport.take("page=1"), status(503), 1);
  ASSERT_EQ(transport.timers.size(), 1u);
  const uint64_t timer = transport.timers.begin()->first;
  transport.timers.clear();
  EXPECT_TRUE(session.on_timer(timer, 2001));
  session.on_response(transport.take("page=1"), ok(page_body(1, 1, 1, 2)), 2100);
  transport.fire_zero_timers(session, 2101);
  EXPECT_EQ(session.last_result()->status, SyncStage::Completed);
  EXPECT_EQ(session.last_result()->requests, 2);
}

TEST_F(SyncSessionTest, CancelBeforeTheApplyWritesNothing) {
  session.start(store, member(9), 0);
  session.on_response(transport.take("page=1"), ok(page_body(1, 1, 1, 5)), 1);
  ASSERT_EQ(transport.timers.size(), 1u);  // the apply's turn
  session.cancel(2);
  EXPECT_TRUE(transport.timers.empty());
  EXPECT_EQ(session.last_result()->status, SyncStage::Cancelled);
  EXPECT_TRUE(store.list_collection().empty());
}

TEST_F(SyncSessionTest, StartingWhileRunningIsAProtocolError) {
  session.start(store, member(5), 0);
  EXPECT_THROW(session.start(store, member(6), 1), SyncProtocolError);
  session.cancel(2);
  EXPECT_NO_THROW(session.start(store, member(6), 3));
}

TEST_F(SyncSessionTest, AnUnknownAnswerIsDropped) {
  EXPECT_FALSE(session.on_response(424242, ok("{}"), 0));
  EXPECT_FALSE(session.on_timer(424242, 0));
}

TEST_F(SyncSessionTest, ProgressIsReportedAsTheSyncMovesOn) {
  std::vector<int> percents;
  session.on_progress = [&](const SyncProgress& p) { percents.push_back(p.percent); };
  session.start(store, member(8), 0);
  session.on_response(transport.take("page=1"), ok(page_body(1, 2, 1, 50)), 1);
  session.on_response(transport.take("page=2"), ok(page_body(2, 2, 51, 50)), 2);
  EXPECT_EQ(percents.back(), 60);
  transport.fire_zero_timers(session, 3);
  ASSERT_GE(percents.size(), 4u);
  EXPECT_EQ(percents.front(), 10);
  EXPECT_EQ(percents[1], 35);
  EXPECT_EQ(percents.back(), 100);
}

}  // namespace tt
