// Every collected tune's music kept for offline, natively: after a sync the
// page asks for each tune's details in the background, two at a time, keeps
// them in the store, and says how far it is; it waits while offline, while
// a sync runs and in a read-only tab, waits longer after each failure that
// may pass, leaves out a tune that is not there, and never asks twice.
#include <algorithm>

#include "core/change_record.h"
#include "tests/fake_thesession/synthetic_data.h"
#include "tests/integration/web_page.h"

namespace tt {
namespace {

using testing::WebPage;
namespace ev = web::event;
namespace fx = web::effect;

constexpr int64_t kMember = fake::kFirstMember + 12;  // 12 tunes
constexpr const char* kDetails = "/api/thesession/tunes/";

void sync_member(WebPage& page, int64_t member = kMember) {
  page.dispatch(ev::MemberIdEdited{std::to_string(member)});
  page.dispatch(ev::StartSync{});
  page.answer("tunebook?page=1", WebPage::ok(fake::tunebook_page_json(member, 1, 50)));
  page.pass(0);
  ASSERT_FALSE(page.model.syncing);
  page.dispatch(ev::Saved{""});
}

// The tunes asked for, in the order asked.
std::vector<int64_t> asked(const WebPage& page) {
  std::vector<int64_t> ids;
  for (const auto& f : page.outstanding) {
    const auto at = f.url.find(kDetails);
    if (at != std::string::npos) ids.push_back(std::stoll(f.url.substr(at + std::string(kDetails).size())));
  }
  return ids;
}

// Answers what is asked, as thesession.org would, until nothing is; returns
// the most asked at once.
size_t answer_all(WebPage& page) {
  size_t most = 0;
  for (int guard = 0; guard < 1000 && !asked(page).empty(); ++guard) {
    most = std::max(most, asked(page).size());
    const int64_t id = asked(page).front();
    page.answer(kDetails + std::to_string(id), WebPage::ok(fake::tune_json(id)));
    if (page.model.saving) page.dispatch(ev::Saved{""});
  }
  return most;
}

int kept_in_store(WebPage& page) {
  int kept = 0;
  for (const auto& e : page.model.collection.entries()) kept += page.services.store->tune_details(e.tune_id) ? 1 : 0;
  return kept;
}

}  // namespace

TEST(WebOfflineMusic, AfterASyncEveryTunesMusicIsKeptTwoAtATimeAndSaidOnTheDataTab) {
  WebPage page;
  page.open();
  sync_member(page);
  EXPECT_EQ(asked(page).size(), 2u) << "two at a time, at once after the sync";
  EXPECT_EQ(page.model.offline_music.total, 12);
  EXPECT_EQ(page.model.offline_music.kept, 0);
  const uint64_t said = page.model.announcements.count;
  const auto last_change = page.model.keep.history.last_change_ms;
  page.clock += 60'000;
  EXPECT_EQ(answer_all(page), 2u) << "never more than two in flight";
  EXPECT_EQ(page.model.offline_music.kept, 12);
  EXPECT_EQ(kept_in_store(page), 12) << "kept in the store, for offline";
  for (const auto& e : page.model.collection.entries()) EXPECT_FALSE(e.key.empty()) << "the list shows each key";
  EXPECT_TRUE(page.model.details.empty()) << "kept in the store, not in the page's memory";
  EXPECT_EQ(page.model.announcements.count, said) << "a background keep says nothing (no \"Saved.\")";
  EXPECT_EQ(page.model.keep.history.last_change_ms, last_change)
      << "thesession.org's data is not the musician's change to export";
  const auto s = page.snapshot();
  EXPECT_EQ(s["offline_music"]["kept"], 12);
  EXPECT_EQ(s["offline_music"]["total"], 12);
  // Nothing more to ask: frames go by and nothing is asked.
  page.pass(60'000);
  EXPECT_TRUE(asked(page).empty());
}

TEST(WebOfflineMusic, ItWaitsOfflineWhileASyncRunsAndInAReadOnlyTab) {
  WebPage page;
  page.open();
  sync_member(page);
  page.dispatch(ev::OnlineChanged{false});
  page.answer(kDetails, WebPage::ok(fake::tune_json(asked(page).front())));
  page.answer(kDetails, WebPage::ok(fake::tune_json(asked(page).front())));
  EXPECT_TRUE(asked(page).empty()) << "offline: nothing more is asked";
  EXPECT_EQ(page.model.offline_music.paused, "offline");
  page.dispatch(ev::OnlineChanged{true});
  EXPECT_EQ(asked(page).size(), 2u) << "back online: it goes on";

  // A sync: it waits for it, then goes on with the tunes the sync added.
  answer_all(page);
  sync_member(page, kMember + 3);  // another tunebook: its tunes are added
  const int total = static_cast<int>(page.model.collection.entries().size());
  EXPECT_GT(total, 12);
  EXPECT_EQ(page.model.offline_music.total, total);
  page.dispatch(ev::MemberIdEdited{std::to_string(kMember)});
  page.dispatch(ev::StartSync{});
  EXPECT_TRUE(page.model.syncing);
  const size_t before = asked(page).size();
  answer_all(page);  // what was in flight
  EXPECT_EQ(asked(page).size(), 0u);
  EXPECT_LE(before, 2u);
  EXPECT_EQ(page.model.offline_music.paused, "a sync runs");
  page.answer("tunebook?page=1", WebPage::ok(fake::tunebook_page_json(kMember, 1, 50)));
  page.pass(0);
  answer_all(page);
  EXPECT_EQ(page.model.offline_music.kept, total);

  // A read-only tab asks for nothing: the tab that owns the database keeps it.
  WebPage reader;
  reader.open(0);
  reader.pass(1000);
  EXPECT_TRUE(asked(reader).empty());
}

TEST(WebOfflineMusic, AFailureThatMayPassWaitsLongerEachTimeAndATuneNotThereIsLeftOut) {
  WebPage page;
  page.open();
  sync_member(page);
  const int64_t gone = asked(page).front();
  page.answer(kDetails + std::to_string(gone), WebPage::status(404));
  const int64_t busy = asked(page).front();
  page.answer(kDetails + std::to_string(busy), WebPage::status(503));
  // One still in flight; nothing more is asked until the wait is over.
  answer_all(page);
  EXPECT_TRUE(asked(page).empty());
  EXPECT_NE(page.model.offline_music.paused.find("trying again soon"), std::string::npos);
  page.pass(14'000);
  EXPECT_TRUE(asked(page).empty()) << "still waiting";
  page.pass(2'000);
  ASSERT_FALSE(asked(page).empty()) << "the wait is over";
  EXPECT_EQ(asked(page).front(), busy) << "the tune that failed is asked again first";
  page.answer(kDetails + std::to_string(busy), WebPage::status(503));
  answer_all(page);
  page.pass(16'000);
  EXPECT_TRUE(asked(page).empty()) << "the second wait is longer";
  page.pass(16'000);
  answer_all(page);
  EXPECT_EQ(page.model.offline_music.kept, 11);
  EXPECT_EQ(page.model.offline_music.not_kept.size(), 1u) << "the tune not on thesession.org";
  EXPECT_FALSE(page.services.store->tune_details(gone));
  page.pass(60'000);
  EXPECT_TRUE(asked(page).empty()) << "not asked again this session";
}

TEST(WebOfflineMusic, ATuneOpenedWhileItsMusicIsAskedForIsNotAskedTwiceAndShows) {
  WebPage page;
  page.open();
  sync_member(page);
  const int64_t id = asked(page).front();
  page.dispatch(ev::OpenTune{id});
  const std::vector<int64_t> in_flight = asked(page);
  EXPECT_EQ(std::count(in_flight.begin(), in_flight.end(), id), 1) << "one request for it";
  page.answer(kDetails + std::to_string(id), WebPage::ok(fake::tune_json(id)));
  ASSERT_NE(page.model.tune_details(id), nullptr) << "the open tune shows its details";
  EXPECT_TRUE(page.services.store->tune_details(id)) << "and they are kept";
}

TEST(WebOfflineMusic, APassStoppedByAReloadGoesOnWhereItWas) {
  WebPage page;
  page.open();
  sync_member(page);
  for (int i = 0; i < 3; ++i) page.answer(kDetails, WebPage::ok(fake::tune_json(asked(page).front())));
  // What a reload leaves: the store, not the pass.
  page.outstanding.clear();
  page.model.requests.clear();
  page.model.offline_music = {};
  page.model.details_requests.clear();
  page.pass(0);
  EXPECT_EQ(page.model.offline_music.kept, 3);
  for (const int64_t id : asked(page)) EXPECT_FALSE(page.services.store->tune_details(id)) << "only what is not kept";
  answer_all(page);
  EXPECT_EQ(page.model.offline_music.kept, 12);
  // A reload with no network: nothing is asked, and the Data tab still says how much is kept.
  page.model.offline_music = {};
  page.dispatch(ev::OnlineChanged{false});
  EXPECT_EQ(page.model.offline_music.paused, "offline");
  EXPECT_EQ(page.model.offline_music.kept, 12);
  EXPECT_EQ(page.model.offline_music.total, 12);
}

TEST(WebOfflineMusic, TurnedOffItAsksForNothingAndTheChoiceStaysOnThisDevice) {
  WebPage page;
  page.open();
  page.dispatch(ev::SetOfflineMusic{false});
  sync_member(page);
  page.pass(60'000);
  EXPECT_TRUE(asked(page).empty()) << "a phone on metered data said no";
  EXPECT_EQ(page.model.offline_music.paused, "turned off");
  EXPECT_EQ(page.services.store->setting("keep.offline_music"), std::optional<std::string>("0"));
  EXPECT_TRUE(is_device_setting("keep.offline_music")) << "not sent to the musician's other devices";
  page.dispatch(ev::SetOfflineMusic{true});
  EXPECT_EQ(asked(page).size(), 2u) << "turned on: it starts at once";
  answer_all(page);
  EXPECT_EQ(page.model.offline_music.kept, 12);
}

}  // namespace tt
