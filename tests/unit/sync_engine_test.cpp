// The sync engine driven by hand: every command it issues is inspected and
// every event (responses, timers) is fed with a fake clock. Nothing sleeps.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/sync_engine.h"

namespace tt {
namespace {

template <class T>
bool is(const SyncCommand& c) { return std::holds_alternative<T>(c); }
template <class T>
const T& as(const SyncCommand& c) { return std::get<T>(c); }
// The id of a Fetch or a Wait.
int id_of(const SyncCommand& c) { return is<sync::Fetch>(c) ? as<sync::Fetch>(c).id : as<sync::Wait>(c).id; }

// A tunebook page body with tunes [first, first + count).
std::string page_body(int page, int pages, int64_t first, int count) {
  nlohmann::json tunes = nlohmann::json::array();
  for (int64_t id = first; id < first + count; ++id) {
    tunes.push_back({{"id", id}, {"name", "Tune " + std::to_string(id)}, {"type", "reel"}});
  }
  return nlohmann::json{{"pages", pages}, {"page", page}, {"total", 0}, {"tunes", tunes}}.dump();
}

HttpOutcome ok(std::string body) {
  HttpOutcome o;
  o.status = 200;
  o.body = std::move(body);
  return o;
}

HttpOutcome status(int code, std::optional<int64_t> retry_after_ms = std::nullopt) {
  HttpOutcome o;
  o.status = code;
  o.retry_after_ms = retry_after_ms;
  return o;
}

HttpOutcome network_error() {
  HttpOutcome o;
  o.transport_error = "Connection refused";
  return o;
}

SyncOptions options(int64_t member = 7) {
  SyncOptions o;
  o.member_id = member;
  o.endpoint = {"http://fake", false};
  return o;
}

std::vector<sync::Fetch> fetches_in(const std::vector<SyncCommand>& cs) {
  std::vector<sync::Fetch> out;
  for (const auto& c : cs) if (is<sync::Fetch>(c)) out.push_back(as<sync::Fetch>(c));
  return out;
}

}  // namespace

TEST(SyncEngine, FirstFetchIsPageOneAtFiftyPerPage) {
  SyncEngine engine(options(42));
  const auto cs = engine.start(1000);
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_TRUE(is<sync::Fetch>(cs[0]));
  EXPECT_EQ(as<sync::Fetch>(cs[0]).url, "http://fake/members/42/tunebook?format=json&page=1&perpage=50");
  EXPECT_EQ(engine.progress().stage, SyncStage::FetchingMetadata);
  EXPECT_EQ(engine.progress().percent, 10);
}

TEST(SyncEngine, RemainingPagesGoWithBoundedConcurrency) {
  SyncEngine engine(options());
  const auto first = engine.start(0);
  auto cs = engine.on_response(id_of(first[0]), ok(page_body(1, 10, 1, 50)), 10);
  auto fetches = fetches_in(cs);
  ASSERT_EQ(fetches.size(), 4u);  // default concurrency
  EXPECT_EQ(fetches[0].page, 2);
  EXPECT_EQ(fetches[3].page, 5);
  // Each answer frees one slot for the next page, never more than 4 in flight.
  cs = engine.on_response(fetches[0].id, ok(page_body(2, 10, 51, 50)), 20);
  ASSERT_EQ(fetches_in(cs).size(), 1u);
  EXPECT_EQ(fetches_in(cs)[0].page, 6);
}

TEST(SyncEngine, ConcurrencyIsConfigurable) {
  auto o = options();
  o.concurrency = 2;
  SyncEngine engine(o);
  const auto first = engine.start(0);
  const auto cs = engine.on_response(id_of(first[0]), ok(page_body(1, 10, 1, 50)), 1);
  EXPECT_EQ(fetches_in(cs).size(), 2u);
}

TEST(SyncEngine, ProgressMovesFromTenToSixtyByPagesThenApplies) {
  SyncEngine engine(options());
  auto cs = engine.start(0);
  cs = engine.on_response(id_of(cs[0]), ok(page_body(1, 4, 1, 50)), 1);
  EXPECT_EQ(engine.progress().percent, 10 + 50 / 4);
  EXPECT_EQ(engine.progress().pages_total, 4);
  std::vector<SyncCommand> last;
  for (size_t i = 0; i < cs.size(); ++i) {
    last = engine.on_response(id_of(cs[i]), ok(page_body(as<sync::Fetch>(cs[i]).page, 4, as<sync::Fetch>(cs[i]).page * 100, 50)), 2);
  }
  ASSERT_EQ(last.size(), 1u);
  EXPECT_TRUE(is<sync::Apply>(last[0]));
  EXPECT_EQ(engine.progress().stage, SyncStage::AddingToCollection);
  EXPECT_EQ(engine.progress().percent, 60);
  engine.on_apply_progress(0.5);
  EXPECT_EQ(engine.progress().percent, 77);
  engine.on_apply_progress(1.0);
  EXPECT_EQ(engine.progress().percent, 95);
  const auto done = engine.on_applied({200, 190, 10, 3}, 500);
  ASSERT_EQ(done.size(), 1u);
  EXPECT_TRUE(is<sync::Done>(done[0]));
  const SyncResult& r = engine.result();
  EXPECT_EQ(r.status, SyncStage::Completed);
  EXPECT_EQ(r.progress_percent, 100);
  EXPECT_EQ(r.tunes_fetched, 200);
  EXPECT_EQ(r.tunes_created, 200);
  EXPECT_EQ(r.person_tunes_added, 190);
  EXPECT_EQ(r.person_tunes_skipped, 10);
  EXPECT_EQ(r.left_tunebook, 3);
  EXPECT_EQ(r.pages, 4);
  EXPECT_EQ(r.requests, 4);
  EXPECT_EQ(r.duration_ms, 500);
  EXPECT_EQ(exit_code_for(r), 0);
}

TEST(SyncEngine, DeduplicatesTunesThatShiftAcrossPages) {
  SyncEngine engine(options());
  auto cs = engine.start(0);
  cs = engine.on_response(id_of(cs[0]), ok(page_body(1, 2, 1, 50)), 1);
  // Page 2 repeats tunes 41..50 because the tunebook shifted meanwhile.
  cs = engine.on_response(id_of(cs[0]), ok(page_body(2, 2, 41, 50)), 2);
  ASSERT_TRUE(is<sync::Apply>(cs[0]));
  const auto& tunes = as<sync::Apply>(cs[0]).tunes;
  EXPECT_EQ(tunes.size(), 90u);
  EXPECT_EQ(tunes.front().id, 1);
  EXPECT_EQ(tunes.back().id, 90);
}

TEST(SyncEngine, EmptyTunebookCompletes) {
  SyncEngine engine(options());
  auto cs = engine.start(0);
  cs = engine.on_response(id_of(cs[0]), ok(R"({"pages":1,"page":1,"total":0,"tunes":[]})"), 1);
  ASSERT_TRUE(is<sync::Apply>(cs[0]));
  engine.on_applied({}, 2);
  EXPECT_EQ(engine.result().status, SyncStage::Completed);
  EXPECT_EQ(engine.result().tunes_fetched, 0);
}

TEST(SyncEngine, RetriesTransientFailuresWithTwoThenFourSeconds) {
  SyncEngine engine(options());
  auto cs = engine.start(0);
  cs = engine.on_response(id_of(cs[0]), status(503), 100);
  ASSERT_EQ(cs.size(), 1u);
  ASSERT_TRUE(is<sync::Wait>(cs[0]));
  EXPECT_EQ(as<sync::Wait>(cs[0]).delay_ms, 2000);
  cs = engine.on_timer(id_of(cs[0]));
  ASSERT_TRUE(is<sync::Fetch>(cs[0]));
  EXPECT_EQ(as<sync::Fetch>(cs[0]).attempt, 2);
  EXPECT_EQ(as<sync::Fetch>(cs[0]).page, 1);
  cs = engine.on_response(id_of(cs[0]), network_error(), 2200);
  ASSERT_TRUE(is<sync::Wait>(cs[0]));
  EXPECT_EQ(as<sync::Wait>(cs[0]).delay_ms, 4000);
  cs = engine.on_timer(id_of(cs[0]));
  EXPECT_EQ(as<sync::Fetch>(cs[0]).attempt, 3);
  cs = engine.on_response(id_of(cs[0]), status(502), 6300);
  ASSERT_TRUE(is<sync::Done>(cs[0]));
  const SyncResult& r = engine.result();
  EXPECT_EQ(r.status, SyncStage::Failed);
  EXPECT_EQ(r.progress_percent, 0);
  EXPECT_EQ(r.failure, SyncFailure::Unavailable);
  EXPECT_EQ(r.message, "thesession.org is unavailable: HTTP 502 on page 1 (after 3 attempts)");
  EXPECT_EQ(r.errors.back(), r.message);
  EXPECT_EQ(r.requests, 3);
  EXPECT_EQ(r.duration_ms, 6300);
  EXPECT_EQ(exit_code_for(r), 4);
}

TEST(SyncEngine, RecoversWhenARetrySucceeds) {
  SyncEngine engine(options());
  auto cs = engine.start(0);
  cs = engine.on_response(id_of(cs[0]), status(504), 1);
  cs = engine.on_timer(id_of(cs[0]));
  cs = engine.on_response(id_of(cs[0]), ok(page_body(1, 1, 1, 3)), 2);
  ASSERT_TRUE(is<sync::Apply>(cs[0]));
  engine.on_applied({3, 3, 0, 0}, 3);
  EXPECT_EQ(engine.result().status, SyncStage::Completed);
  EXPECT_EQ(engine.result().requests, 2);
}

TEST(SyncEngine, TimeoutsAndResetsAreTransient) {
  for (HttpOutcome failure : {network_error(), [] { HttpOutcome o; o.timed_out = true; return o; }()}) {
    SyncEngine engine(options());
    auto cs = engine.start(0);
    cs = engine.on_response(id_of(cs[0]), failure, 1);
    EXPECT_TRUE(is<sync::Wait>(cs[0]));
  }
}

TEST(SyncEngine, OfflineFailsAtOnceWithoutRetrying) {
  SyncEngine engine(options());
  auto cs = engine.start(0);
  HttpOutcome offline;
  offline.offline = true;
  offline.transport_error = "the proxy at 127.0.0.1:8080 cannot be reached";
  cs = engine.on_response(id_of(cs[0]), offline, 1);
  ASSERT_EQ(cs.size(), 1u);
  ASSERT_TRUE(is<sync::Done>(cs[0]));
  EXPECT_EQ(engine.result().status, SyncStage::Failed);
  EXPECT_EQ(engine.result().failure, SyncFailure::Offline);
  EXPECT_EQ(engine.result().requests, 1);
  EXPECT_EQ(engine.result().message.rfind("You are offline: the proxy at 127.0.0.1:8080 cannot be reached.", 0), 0u)
      << engine.result().message;
  EXPECT_EQ(exit_code_for(engine.result()), 4);
}

TEST(SyncEngine, HonoursRetryAfterOn429) {
  SyncEngine engine(options());
  auto cs = engine.start(0);
  cs = engine.on_response(id_of(cs[0]), status(429, 7000), 1);
  ASSERT_TRUE(is<sync::Wait>(cs[0]));
  EXPECT_EQ(as<sync::Wait>(cs[0]).delay_ms, 7000);
  cs = engine.on_timer(id_of(cs[0]));
  cs = engine.on_response(id_of(cs[0]), status(429), 2);  // no Retry-After: backoff
  EXPECT_EQ(as<sync::Wait>(cs[0]).delay_ms, 4000);
}

TEST(SyncEngine, NotFoundFailsAtOnceNamingTheMember) {
  SyncEngine engine(options(999));
  auto cs = engine.start(0);
  cs = engine.on_response(id_of(cs[0]), status(404), 5);
  ASSERT_TRUE(is<sync::Done>(cs[0]));
  EXPECT_EQ(engine.result().message, "No member 999 on thesession.org: check the number at the end of your profile's address");
  EXPECT_EQ(engine.result().failure, SyncFailure::NotFound);
  EXPECT_EQ(engine.result().requests, 1);
  EXPECT_EQ(exit_code_for(engine.result()), 3);
}

TEST(SyncEngine, InvalidDataFailsAtOnceWithoutRetry) {
  SyncEngine engine(options());
  auto cs = engine.start(0);
  cs = engine.on_response(id_of(cs[0]), ok(R"({"pages":1})"), 5);
  ASSERT_TRUE(is<sync::Done>(cs[0]));
  EXPECT_EQ(engine.result().failure, SyncFailure::InvalidData);
  EXPECT_EQ(engine.result().message.rfind("Invalid tunebook data received from thesession.org", 0), 0u);
  EXPECT_EQ(engine.result().requests, 1);
  EXPECT_EQ(exit_code_for(engine.result()), 1);
}

TEST(SyncEngine, OtherHttpErrorsAreNotRetried) {
  SyncEngine engine(options());
  auto cs = engine.start(0);
  cs = engine.on_response(id_of(cs[0]), status(500), 5);
  ASSERT_TRUE(is<sync::Done>(cs[0]));
  EXPECT_EQ(engine.result().failure, SyncFailure::Other);
  EXPECT_EQ(engine.result().message, "Unexpected answer from thesession.org: HTTP 500 on page 1 (after 1 attempt)");
}

TEST(SyncEngine, RetryCanBeTurnedOff) {
  auto o = options();
  o.retry.enabled = false;
  SyncEngine engine(o);
  auto cs = engine.start(0);
  cs = engine.on_response(id_of(cs[0]), status(503), 5);
  ASSERT_TRUE(is<sync::Done>(cs[0]));
  EXPECT_EQ(engine.result().message, "thesession.org is unavailable: HTTP 503 on page 1 (after 1 attempt)");
}

TEST(SyncEngine, RetryDelaysAreConfigurable) {
  auto o = options();
  o.retry.initial_delay_ms = 100;
  o.retry.multiplier = 3;
  o.retry.max_attempts = 4;
  SyncEngine engine(o);
  auto cs = engine.start(0);
  std::vector<int64_t> delays;
  for (int i = 0; i < 3; ++i) {
    cs = engine.on_response(id_of(cs[0]), status(503), 1);
    ASSERT_TRUE(is<sync::Wait>(cs[0]));
    delays.push_back(as<sync::Wait>(cs[0]).delay_ms);
    cs = engine.on_timer(id_of(cs[0]));
  }
  EXPECT_EQ(delays, (std::vector<int64_t>{100, 300, 900}));
  cs = engine.on_response(id_of(cs[0]), status(503), 1);
  EXPECT_TRUE(is<sync::Done>(cs[0]));
  EXPECT_NE(engine.result().message.find("(after 4 attempts)"), std::string::npos);
}

TEST(SyncEngine, AFailingLaterPageFailsTheWholeSyncAndIgnoresLateAnswers) {
  auto o = options();
  o.retry.enabled = false;
  SyncEngine engine(o);
  auto cs = engine.start(0);
  cs = engine.on_response(id_of(cs[0]), ok(page_body(1, 3, 1, 50)), 1);
  ASSERT_EQ(cs.size(), 2u);
  auto done = engine.on_response(id_of(cs[1]), status(503), 2);
  ASSERT_TRUE(is<sync::Done>(done[0]));
  EXPECT_NE(engine.result().message.find("on page 3"), std::string::npos);
  // Its other page was still in flight: the layer above drops that answer
  // (SyncSession); handing it to the engine is a protocol error, said loudly.
  EXPECT_THROW(engine.on_response(id_of(cs[0]), ok(page_body(2, 3, 51, 50)), 3), SyncProtocolError);
  EXPECT_EQ(engine.result().status, SyncStage::Failed);
}

TEST(SyncEngine, BadEntriesCompleteWithErrors) {
  SyncEngine engine(options());
  auto cs = engine.start(0);
  cs = engine.on_response(id_of(cs[0]), ok(R"({"pages":1,"tunes":[{"id":1,"name":"A"},{"id":123}]})"), 1);
  ASSERT_TRUE(is<sync::Apply>(cs[0]));
  engine.on_applied({1, 1, 0, 0}, 2);
  EXPECT_EQ(engine.result().status, SyncStage::CompletedWithErrors);
  EXPECT_EQ(engine.result().progress_percent, 100);
  EXPECT_EQ(engine.result().errors, (std::vector<std::string>{"Tune #123: missing name"}));
  EXPECT_EQ(exit_code_for(engine.result()), 2);
}

TEST(SyncEngine, CancelStopsEverythingAndChangesNothing) {
  SyncEngine engine(options());
  auto cs = engine.start(0);
  cs = engine.on_response(id_of(cs[0]), ok(page_body(1, 3, 1, 50)), 1);
  const auto done = engine.cancel(5);
  ASSERT_TRUE(is<sync::Done>(done[0]));
  EXPECT_EQ(engine.result().status, SyncStage::Cancelled);
  EXPECT_EQ(engine.result().failure, SyncFailure::Cancelled);
  EXPECT_THROW(engine.on_response(id_of(cs[0]), ok(page_body(2, 3, 51, 50)), 6), SyncProtocolError);
  EXPECT_THROW(engine.on_applied({}, 7), SyncProtocolError);  // no Apply was ever issued
}

TEST(SyncEngine, CancelDuringAWaitDropsTheTimer) {
  SyncEngine engine(options());
  auto cs = engine.start(0);
  cs = engine.on_response(id_of(cs[0]), status(503), 1);
  ASSERT_TRUE(is<sync::Wait>(cs[0]));
  const auto done = engine.cancel(2);
  ASSERT_TRUE(is<sync::Done>(done[0]));
  EXPECT_EQ(as<sync::Done>(done[0]).result.status, SyncStage::Cancelled);
  EXPECT_THROW(engine.on_timer(id_of(cs[0])), SyncProtocolError);
}

TEST(SyncEngine, ApplyFailureFailsTheSync) {
  SyncEngine engine(options());
  auto cs = engine.start(0);
  cs = engine.on_response(id_of(cs[0]), ok(page_body(1, 1, 1, 2)), 1);
  engine.on_apply_failed("disk full", 2);
  EXPECT_EQ(engine.result().status, SyncStage::Failed);
  EXPECT_EQ(engine.result().message, "Could not save the tunebook: disk full");
}

TEST(SyncEngine, MisuseIsAProtocolError) {
  SyncEngine engine(options());
  const auto cs = engine.start(0);
  EXPECT_THROW(engine.start(1), SyncProtocolError);
  EXPECT_THROW(engine.on_response(id_of(cs[0]) + 100, ok(page_body(1, 1, 1, 1)), 2), SyncProtocolError);
  EXPECT_THROW(engine.on_timer(12345), SyncProtocolError);
  EXPECT_THROW(engine.on_applied({}, 3), SyncProtocolError);
}

TEST(SyncEngine, ApplyCarriesTheTunesAndStatusAndDoneCarriesTheResult) {
  auto o = options();
  o.default_status = LearnStatus::Learning;
  SyncEngine engine(o);
  auto cs = engine.start(0);
  cs = engine.on_response(id_of(cs[0]), ok(page_body(1, 1, 10, 3)), 1);
  ASSERT_TRUE(is<sync::Apply>(cs[0]));
  EXPECT_EQ(as<sync::Apply>(cs[0]).default_status, LearnStatus::Learning);
  EXPECT_EQ(as<sync::Apply>(cs[0]).tunes.size(), 3u);
  const auto done = engine.on_applied({3, 3, 0, 0}, 9);
  ASSERT_TRUE(is<sync::Done>(done[0]));
  EXPECT_EQ(as<sync::Done>(done[0]).result.person_tunes_added, 3);
  EXPECT_EQ(as<sync::Done>(done[0]).result.duration_ms, 9);
}

TEST(SyncEngine, ViaProxyUsesTheProxyPaths) {
  auto o = options(5);
  o.endpoint = {"http://127.0.0.1:8080", true};
  SyncEngine engine(o);
  EXPECT_EQ(as<sync::Fetch>(engine.start(0)[0]).url, "http://127.0.0.1:8080/api/thesession/members/5/tunebook?page=1&perpage=50");
}

TEST(SyncResultJson, HasEveryResultField) {
  SyncResult r;
  r.status = SyncStage::CompletedWithErrors;
  r.progress_percent = 100;
  r.tunes_fetched = 3;
  r.errors = {"Tune #1: missing name"};
  const auto doc = nlohmann::json::parse(to_json(r));
  for (const char* key : {"tunes_fetched", "tunes_created", "person_tunes_added", "person_tunes_skipped", "errors",
                          "status", "progress_percent", "pages", "duration_ms", "left_tunebook"}) {
    EXPECT_TRUE(doc.contains(key)) << key;
  }
  EXPECT_EQ(doc["status"], "completed_with_errors");
  EXPECT_FALSE(doc.contains("failure"));
}

}  // namespace tt
