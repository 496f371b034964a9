// The engine running a sets sync (SyncOptions::what = Sets), driven by hand
// with a fake clock: pages, tune pages checked for unknown tunes only, the
// same retries and concurrency bound as the tunebook, progress, the summary,
// nothing applied on failure, sets already brought in left alone.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/sync_engine.h"

namespace tt {
namespace {

using nlohmann::json;

template <class T>
bool is(const SyncCommand& c) { return std::holds_alternative<T>(c); }
template <class T>
const T& as(const SyncCommand& c) { return std::get<T>(c); }

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

// A set: id and the tune ids of its entries (setting = tune * 10).
json set_json(int64_t id, std::vector<int64_t> tunes) {
  json settings = json::array();
  for (int64_t t : tunes) {
    settings.push_back({{"url", "https://thesession.org/tunes/" + std::to_string(t) + "#setting" + std::to_string(t * 10)},
                        {"name", "Tune " + std::to_string(t)}, {"type", "jig"}, {"key", "Gmajor"}});
  }
  return {{"id", id}, {"name", "Set " + std::to_string(id)}, {"url", "https://thesession.org/members/7/sets/1"},
          {"date", "2024-01-01 00:00:00"}, {"settings", settings}};
}
std::string sets_page(int page, int pages, std::vector<json> sets) {
  return json{{"format", "json"}, {"page", page}, {"pages", pages}, {"perpage", 50}, {"total", 0}, {"sets", sets}}.dump();
}
std::string tune_page(int64_t id) {
  return json{{"id", id}, {"name", "Checked " + std::to_string(id)}, {"type", "reel"}, {"url", "u"},
              {"settings", json::array({{{"id", id * 10}, {"key", "Dmajor"}, {"abc", "A"}}})}}.dump();
}

SyncOptions sets_options(std::unordered_set<int64_t> known_tunes = {}, std::unordered_set<int64_t> known_sets = {}) {
  SyncOptions o;
  o.what = SyncKind::Sets;
  o.member_id = 7;
  o.endpoint = {"http://fake", false};
  o.known_tunes = std::move(known_tunes);
  o.known_sets = std::move(known_sets);
  return o;
}

std::vector<sync::Fetch> fetches_in(const std::vector<SyncCommand>& cs) {
  std::vector<sync::Fetch> out;
  for (const auto& c : cs) if (is<sync::Fetch>(c)) out.push_back(as<sync::Fetch>(c));
  return out;
}

// Answers every fetch (pages from `pages`, tune pages from `tune`) until the
// engine stops asking; returns the last commands.
std::vector<SyncCommand> answer_all(SyncEngine& engine, std::vector<SyncCommand> cs,
                                    const std::function<HttpOutcome(const sync::Fetch&)>& answer) {
  std::vector<SyncCommand> last = cs;
  std::vector<sync::Fetch> pending = fetches_in(cs);
  while (!pending.empty()) {
    const sync::Fetch f = pending.front();
    pending.erase(pending.begin());
    last = engine.on_response(f.id, answer(f), 1);
    for (const auto& more : fetches_in(last)) pending.push_back(more);
  }
  return last;
}

}  // namespace

TEST(SetsSyncEngine, AsksForTheMembersSetsFiftyAPage) {
  SyncEngine engine(sets_options());
  const auto cs = engine.start(0);
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(as<sync::Fetch>(cs[0]).url, "http://fake/members/7/sets?format=json&page=1&perpage=50");
  EXPECT_EQ(engine.progress().kind, SyncKind::Sets);
  SyncOptions via_proxy = sets_options();
  via_proxy.endpoint = {"http://proxy", true};
  SyncEngine proxied(via_proxy);
  EXPECT_EQ(as<sync::Fetch>(proxied.start(0)[0]).url, "http://proxy/api/thesession/members/7/sets?page=1&perpage=50");
}

TEST(SetsSyncEngine, ChecksOnlyTunesTheStoreDoesNotKnowOnceEachWithinTheConcurrencyBound) {
  SyncEngine engine(sets_options({1, 2, 3}));
  auto cs = engine.start(0);
  // Tunes 1..3 are known; 10..15 are not; 10 is in two sets but asked once.
  cs = engine.on_response(as<sync::Fetch>(cs[0]).id,
                          ok(sets_page(1, 1, {set_json(100, {1, 10, 11}), set_json(101, {2, 10, 12}),
                                              set_json(102, {13, 14, 15})})), 1);
  const auto fetches = fetches_in(cs);
  ASSERT_EQ(fetches.size(), 4u);  // the default bound, as the tunebook's
  std::vector<int64_t> asked;
  for (const auto& f : fetches) {
    EXPECT_EQ(f.page, 0);
    EXPECT_EQ(f.url, "http://fake/tunes/" + std::to_string(f.tune_id) + "?format=json");
    asked.push_back(f.tune_id);
  }
  EXPECT_EQ(asked, (std::vector<int64_t>{10, 11, 12, 13}));
  EXPECT_EQ(engine.progress().tunes_to_check, 6);
  const auto last = answer_all(engine, cs, [](const sync::Fetch& f) { return ok(tune_page(f.tune_id)); });
  ASSERT_TRUE(is<sync::ApplySets>(last.back()));
  const FetchedSets& fetched = as<sync::ApplySets>(last.back()).fetched;
  EXPECT_EQ(fetched.sets.size(), 3u);
  EXPECT_EQ(fetched.checked.size(), 6u);
  EXPECT_EQ(fetched.tunes.size(), 8u);  // 1, 2 and the six checked, each once (3 is in no set)
  EXPECT_EQ(engine.result().requests, 7);
}

TEST(SetsSyncEngine, PagesGoBeforeTunePagesAndShareTheBound) {
  auto o = sets_options();
  o.concurrency = 2;
  SyncEngine engine(o);
  auto cs = engine.start(0);
  cs = engine.on_response(as<sync::Fetch>(cs[0]).id, ok(sets_page(1, 3, {set_json(1, {50, 51})})), 1);
  auto f = fetches_in(cs);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].page, 2);
  EXPECT_EQ(f[1].page, 3);
  cs = engine.on_response(f[0].id, ok(sets_page(2, 3, {set_json(2, {52})})), 2);
  ASSERT_EQ(fetches_in(cs).size(), 1u);
  EXPECT_EQ(fetches_in(cs)[0].tune_id, 50);  // a slot freed: now the first tune page
}

TEST(SetsSyncEngine, ATuneWhosePageIsGoneLeavesItsEntryOutWithAReason) {
  SyncEngine engine(sets_options({1}));
  auto cs = engine.start(0);
  cs = engine.on_response(as<sync::Fetch>(cs[0]).id, ok(sets_page(1, 1, {set_json(100, {1, 404, 2})})), 1);
  const auto last = answer_all(engine, cs, [](const sync::Fetch& f) {
    return f.tune_id == 404 ? status(404) : ok(tune_page(f.tune_id));
  });
  const auto& apply = as<sync::ApplySets>(last.back());
  ASSERT_EQ(apply.fetched.sets.size(), 1u);
  const auto& entries = apply.fetched.sets[0].entries;
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].tune_id, 1);
  EXPECT_EQ(entries[1].tune_id, 2);
  EXPECT_EQ(apply.fetched.entries_skipped, 1);
  const auto done = engine.on_applied({1, 2, 0, 0, 1, 0}, 5);
  const SyncResult& r = engine.result();
  EXPECT_EQ(r.status, SyncStage::CompletedWithErrors);
  EXPECT_EQ(r.set_entries_skipped, 1);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].find("Set #100, tune 2"), std::string::npos) << r.errors[0];
  EXPECT_NE(r.errors[0].find("tune #404 is no longer on thesession.org"), std::string::npos) << r.errors[0];
  EXPECT_EQ(exit_code_for(r), 2);
}

TEST(SetsSyncEngine, ATransientTunePageIsRetriedAndWhenItStaysDownNothingIsApplied) {
  SyncEngine engine(sets_options());
  auto cs = engine.start(0);
  cs = engine.on_response(as<sync::Fetch>(cs[0]).id, ok(sets_page(1, 1, {set_json(100, {9})})), 1);
  int fetch_id = fetches_in(cs)[0].id;
  cs = engine.on_response(fetch_id, status(503), 10);
  ASSERT_TRUE(is<sync::Wait>(cs[0]));
  EXPECT_EQ(as<sync::Wait>(cs[0]).delay_ms, 2000);
  cs = engine.on_timer(as<sync::Wait>(cs[0]).id);
  EXPECT_EQ(as<sync::Fetch>(cs[0]).tune_id, 9);
  EXPECT_EQ(as<sync::Fetch>(cs[0]).attempt, 2);
  cs = engine.on_response(as<sync::Fetch>(cs[0]).id, status(502), 20);
  EXPECT_EQ(as<sync::Wait>(cs[0]).delay_ms, 4000);
  cs = engine.on_timer(as<sync::Wait>(cs[0]).id);
  cs = engine.on_response(as<sync::Fetch>(cs[0]).id, status(503), 30);
  ASSERT_TRUE(is<sync::Done>(cs[0]));
  const SyncResult& r = engine.result();
  EXPECT_EQ(r.status, SyncStage::Failed);
  EXPECT_EQ(r.failure, SyncFailure::Unavailable);
  EXPECT_NE(r.message.find("on tune #9 (after 3 attempts)"), std::string::npos) << r.message;
  EXPECT_EQ(r.progress_percent, 0);
  EXPECT_EQ(exit_code_for(r), 4);
}

TEST(SetsSyncEngine, OnlyTransientFailuresOfAPageAreRetried) {
  SyncEngine engine(sets_options());
  auto cs = engine.start(0);
  cs = engine.on_response(as<sync::Fetch>(cs[0]).id, status(404), 1);
  ASSERT_TRUE(is<sync::Done>(cs[0]));
  EXPECT_EQ(engine.result().failure, SyncFailure::NotFound);

  SyncEngine bad_data(sets_options());
  cs = bad_data.start(0);
  cs = bad_data.on_response(as<sync::Fetch>(cs[0]).id, ok(R"({"pages":1,"tunes":[]})"), 1);
  ASSERT_TRUE(is<sync::Done>(cs[0]));
  EXPECT_EQ(bad_data.result().failure, SyncFailure::InvalidData);
  EXPECT_NE(bad_data.result().message.find("no sets list"), std::string::npos);

  auto no_retry = sets_options();
  no_retry.retry.enabled = false;
  SyncEngine once(no_retry);
  cs = once.start(0);
  cs = once.on_response(as<sync::Fetch>(cs[0]).id, status(503), 1);
  ASSERT_TRUE(is<sync::Done>(cs[0]));
  EXPECT_NE(once.result().message.find("on page 1 (after 1 attempt)"), std::string::npos);
}

TEST(SetsSyncEngine, AFailedPageAfterOthersArrivedAppliesNothing) {
  auto o = sets_options();
  o.retry.enabled = false;
  SyncEngine engine(o);
  auto cs = engine.start(0);
  cs = engine.on_response(as<sync::Fetch>(cs[0]).id, ok(sets_page(1, 2, {set_json(1, {})})), 1);
  const auto f = fetches_in(cs);
  ASSERT_EQ(f.size(), 1u);
  cs = engine.on_response(f[0].id, status(504), 2);
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_TRUE(is<sync::Done>(cs[0]));  // never an ApplySets
  EXPECT_THROW(engine.on_applied({}, 3), SyncProtocolError);
}

TEST(SetsSyncEngine, ProgressMovesByRequestsAnsweredAndNeverBack) {
  SyncEngine engine(sets_options());
  auto cs = engine.start(0);
  EXPECT_EQ(engine.progress().percent, 10);
  cs = engine.on_response(as<sync::Fetch>(cs[0]).id, ok(sets_page(1, 2, {set_json(1, {5})})), 1);
  // 1 of 2 pages, and now 1 tune page known: 1 of 3 requests.
  const int after_first = engine.progress().percent;
  EXPECT_EQ(after_first, 10 + 50 * 1 / 3);
  std::vector<int> seen = {after_first};
  answer_all(engine, cs, [&](const sync::Fetch& f) {
    if (f.page == 2) return ok(sets_page(2, 2, {set_json(2, {6, 7, 8})}));
    return ok(tune_page(f.tune_id));
  });
  EXPECT_EQ(engine.progress().stage, SyncStage::AddingToCollection);
  EXPECT_EQ(engine.progress().percent, 60);
  EXPECT_EQ(engine.progress().pages_done, 2);
  EXPECT_EQ(engine.progress().sets_fetched, 2);
  EXPECT_EQ(engine.progress().tunes_checked, 4);
  engine.on_apply_progress(1.0);
  EXPECT_EQ(engine.progress().percent, 95);
}

TEST(SetsSyncEngine, ASetAlreadyBroughtInIsLeftAloneAndItsTunesAreNotChecked) {
  SyncEngine engine(sets_options({}, {100}));
  auto cs = engine.start(0);
  cs = engine.on_response(as<sync::Fetch>(cs[0]).id,
                          ok(sets_page(1, 1, {set_json(100, {70, 71}), set_json(101, {72})})), 1);
  const auto f = fetches_in(cs);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].tune_id, 72);
  cs = engine.on_response(f[0].id, ok(tune_page(72)), 2);
  const auto& fetched = as<sync::ApplySets>(cs[0]).fetched;
  ASSERT_EQ(fetched.sets.size(), 1u);
  EXPECT_EQ(fetched.sets[0].id, 101);
  EXPECT_EQ(fetched.already_there, 1);
  EXPECT_EQ(fetched.sets_fetched, 2);
  engine.on_applied({0, 1, 0, 0, 1, 1}, 3);
  const SyncResult& r = engine.result();
  EXPECT_EQ(r.kind, SyncKind::Sets);
  EXPECT_EQ(r.sets_fetched, 2);
  EXPECT_EQ(r.sets_added, 1);
  EXPECT_EQ(r.sets_already_there, 1);
  EXPECT_EQ(r.tunes_checked, 1);
  const json doc = json::parse(to_json(r));
  EXPECT_EQ(doc["kind"], "sets");
  EXPECT_EQ(doc["sets_added"], 1);
  EXPECT_EQ(doc["sets_already_there"], 1);
  EXPECT_FALSE(json::parse(to_json(SyncResult{})).contains("kind"));  // the tunebook's JSON is as it was
}

TEST(SetsSyncEngine, ASetOnTwoPagesCountsOnceAndAMergedTuneTakesItsNewId) {
  SyncEngine engine(sets_options());
  auto cs = engine.start(0);
  cs = engine.on_response(as<sync::Fetch>(cs[0]).id, ok(sets_page(1, 2, {set_json(1, {90001})})), 1);
  const auto last = answer_all(engine, cs, [](const sync::Fetch& f) {
    if (f.page == 2) return ok(sets_page(2, 2, {set_json(1, {90001}), set_json(2, {})}));
    return ok(tune_page(1));  // tune 90001 was merged into tune 1
  });
  const auto& fetched = as<sync::ApplySets>(last.back()).fetched;
  ASSERT_EQ(fetched.sets.size(), 2u);
  EXPECT_EQ(fetched.sets_fetched, 2);
  ASSERT_EQ(fetched.sets[0].entries.size(), 1u);
  EXPECT_EQ(fetched.sets[0].entries[0].tune_id, 1);
  EXPECT_TRUE(fetched.sets[1].entries.empty());  // an empty set is brought in as it is
}

TEST(SetsSyncEngine, ATunePageThatIsNotTheTuneLeavesOnlyThatEntryOut) {
  SyncEngine engine(sets_options());
  auto cs = engine.start(0);
  cs = engine.on_response(as<sync::Fetch>(cs[0]).id, ok(sets_page(1, 1, {set_json(1, {8, 9})})), 1);
  const auto last = answer_all(engine, cs, [](const sync::Fetch& f) {
    return f.tune_id == 8 ? ok("not json") : status(451);
  });
  const auto& fetched = as<sync::ApplySets>(last.back()).fetched;
  EXPECT_TRUE(fetched.sets[0].entries.empty());
  EXPECT_EQ(fetched.entries_skipped, 2);
  ASSERT_EQ(fetched.errors.size(), 2u);
  EXPECT_NE(fetched.errors[0].find("cannot be read"), std::string::npos);
  EXPECT_NE(fetched.errors[1].find("HTTP 451"), std::string::npos) << fetched.errors[1];
}

TEST(SetsSyncEngine, CancelEndsItAndLateAnswersAreAProtocolError) {
  SyncEngine engine(sets_options());
  auto cs = engine.start(0);
  const int id = as<sync::Fetch>(cs[0]).id;
  cs = engine.cancel(5);
  ASSERT_TRUE(is<sync::Done>(cs[0]));
  EXPECT_EQ(engine.result().status, SyncStage::Cancelled);
  EXPECT_THROW(engine.on_response(id, ok(sets_page(1, 1, {})), 6), SyncProtocolError);
}

}  // namespace tt
