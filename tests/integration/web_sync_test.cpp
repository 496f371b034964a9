// The page's sync, natively: every outcome the browser tests cover, plus the
// bugs the browser could not pin down (late answers, one save per sync).
#include "tests/fake_thesession/synthetic_data.h"
#include "tests/integration/web_page.h"

namespace tt {
namespace {

using testing::WebPage;
using web::event::MemberIdEdited;
using web::event::StartSync;

constexpr int64_t kMember = fake::kFirstMember + 120;  // 120 tunes: 3 pages of 50

std::string tunebook_url(int64_t member, int page) {
  return "/api/thesession/members/" + std::to_string(member) + "/tunebook?page=" + std::to_string(page);
}

void answer_pages(WebPage& page, int64_t member, int pages) {
  for (int p = 1; p <= pages; ++p) {
    page.answer(tunebook_url(member, p), WebPage::ok(fake::tunebook_page_json(member, p, 50)));
  }
}

}  // namespace

TEST(WebSync, CompletesShowsTheSummaryAndSavesOnce) {
  WebPage page;
  page.open();
  page.dispatch(MemberIdEdited{std::to_string(kMember)});
  page.dispatch(StartSync{});
  EXPECT_TRUE(page.model.syncing);
  EXPECT_EQ(page.model.sync_progress->stage, SyncStage::FetchingMetadata);
  const int saves_before = page.saves;
  answer_pages(page, kMember, 3);
  EXPECT_EQ(page.model.sync_progress->stage, SyncStage::AddingToCollection);  // drawn before the write
  page.pass(0);
  EXPECT_FALSE(page.model.syncing);
  ASSERT_TRUE(page.model.last_sync);
  EXPECT_EQ(page.model.last_sync->status, SyncStage::Completed);
  EXPECT_EQ(page.model.last_sync->person_tunes_added, 120);
  EXPECT_EQ(page.model.collection.entries().size(), 120u);
  EXPECT_EQ(page.saves - saves_before, 1);  // the plan and the run: one transaction, one save
  EXPECT_EQ(page.services.store->sync_runs().size(), 1u);
  EXPECT_EQ(page.services.store->setting("member_id"), std::to_string(kMember));
}

TEST(WebSync, NotFoundNamesTheMemberAndChangesNothing) {
  WebPage page;
  page.open();
  page.dispatch(MemberIdEdited{"99"});
  page.dispatch(StartSync{});
  page.answer(tunebook_url(99, 1), WebPage::status(404));
  EXPECT_FALSE(page.model.syncing);
  EXPECT_EQ(page.model.last_sync->message, "No member 99 on thesession.org: check the number at the end of your profile's address");
  EXPECT_TRUE(page.model.collection.entries().empty());
}

TEST(WebSync, UnavailableAfterThreeAttemptsThenRetryWorks) {
  WebPage page;
  page.open();
  page.dispatch(MemberIdEdited{std::to_string(kMember)});
  page.dispatch(StartSync{});
  page.answer(tunebook_url(kMember, 1), WebPage::status(503));
  page.pass(2000);  // the first wait: 2 s
  page.answer(tunebook_url(kMember, 1), WebPage::status(503));
  page.pass(4000);  // then 4 s
  page.answer(tunebook_url(kMember, 1), WebPage::status(503));
  ASSERT_FALSE(page.model.syncing);
  EXPECT_EQ(page.model.last_sync->failure, SyncFailure::Unavailable);
  EXPECT_NE(page.model.last_sync->message.find("(after 3 attempts)"), std::string::npos);
  EXPECT_TRUE(page.model.collection.entries().empty());
  EXPECT_FALSE(page.has_fetch("tunebook"));

  page.dispatch(StartSync{});  // Retry
  answer_pages(page, kMember, 3);
  page.pass(0);
  EXPECT_EQ(page.model.last_sync->status, SyncStage::Completed);
}

// Regression (issue 8): pressing Retry (or syncing another member) while the
// failed sync's other pages were in flight fed the old member's page to the
// new sync, and the wrong tunes went into the collection.
TEST(WebSync, ALateAnswerFromAnEndedSyncChangesNothing) {
  WebPage page;
  page.open();
  const int64_t other = fake::kFirstMember + 10;
  page.dispatch(MemberIdEdited{std::to_string(kMember)});
  page.dispatch(StartSync{});
  page.answer(tunebook_url(kMember, 1), WebPage::ok(fake::tunebook_page_json(kMember, 1, 50)));
  page.answer(tunebook_url(kMember, 3), WebPage::status(404));  // fails while page 2 is in flight
  ASSERT_FALSE(page.model.syncing);
  ASSERT_EQ(page.aborted.size(), 1u);  // page 2 was aborted

  page.dispatch(MemberIdEdited{std::to_string(other)});
  page.dispatch(StartSync{});
  // The browser had already received page 2 of the first member: it arrives now.
  page.answer(tunebook_url(kMember, 2), WebPage::ok(fake::tunebook_page_json(kMember, 2, 50)));
  page.answer(tunebook_url(other, 1), WebPage::ok(fake::tunebook_page_json(other, 1, 50)));
  page.pass(0);
  EXPECT_EQ(page.model.last_sync->status, SyncStage::Completed);
  EXPECT_EQ(page.model.collection.entries().size(), 10u);  // the other member's 10 tunes, nothing more
}

TEST(WebSync, CancelAbortsEverythingAndChangesNothing) {
  WebPage page;
  page.open();
  page.dispatch(MemberIdEdited{std::to_string(kMember)});
  page.dispatch(StartSync{});
  page.answer(tunebook_url(kMember, 1), WebPage::ok(fake::tunebook_page_json(kMember, 1, 50)));
  page.dispatch(web::event::CancelSync{});
  EXPECT_EQ(page.model.last_sync->status, SyncStage::Cancelled);
  EXPECT_EQ(page.effects_of<web::effect::AbortFetch>().size(), 2u);
  EXPECT_TRUE(page.model.requests.empty());
  EXPECT_TRUE(page.model.collection.entries().empty());
}

TEST(WebSync, AMemberNumberIsItsDigitsOrTheProfilesAddress) {
  WebPage page;
  page.open();
  page.dispatch(MemberIdEdited{"12a"});
  page.dispatch(StartSync{});
  EXPECT_FALSE(page.model.syncing);
  EXPECT_EQ(page.model.last_sync->message,
            "\"12a\" is not a member number: type its digits, or paste the address of the member's page "
            "(thesession.org/members/12345)");
  EXPECT_FALSE(retry_can_help(*page.model.last_sync)) << "the same text fails the same way: no Retry";
  EXPECT_FALSE(page.has_fetch("tunebook"));

  // The profile's address as a browser copies it: its number is taken.
  page.dispatch(MemberIdEdited{"https://thesession.org/members/1001"});
  page.dispatch(StartSync{});
  EXPECT_TRUE(page.model.syncing);
  EXPECT_TRUE(page.has_fetch("/members/1001/tunebook"));
  EXPECT_EQ(page.model.member_id_text, "1001") << "the field shows the number it used";
}

TEST(WebSync, AReadOnlyTabCannotSync) {
  WebPage page;
  page.open(0);
  page.dispatch(MemberIdEdited{std::to_string(kMember)});
  page.dispatch(StartSync{});
  EXPECT_FALSE(page.model.syncing);
  EXPECT_FALSE(page.has_fetch("tunebook"));
  EXPECT_EQ(page.model.banners.back().text, "This tab is read-only while tunetrack is open in another tab.");
}

}  // namespace tt
