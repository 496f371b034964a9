// The Practice tab's logic, natively: a tune started from "what to learn
// next" joins today's queue, a rating moves to the next tune and is saved,
// Undo, promotion asked (never silent), a rating for a removed tune refused,
// and a new day's queue after midnight.
#include "tests/fake_thesession/synthetic_data.h"
#include "tests/integration/web_page.h"

namespace tt {
namespace {

using testing::WebPage;
namespace ev = web::event;
namespace fx = web::effect;

constexpr double kDay = 24 * 3600 * 1000.0;

// A page with `n` synced "want to learn" tunes, on the Practice tab.
void open_practice(WebPage& page, int n) {
  page.open();
  const int64_t member = fake::kFirstMember + n;
  page.dispatch(ev::MemberIdEdited{std::to_string(member)});
  page.dispatch(ev::StartSync{});
  page.answer("tunebook?page=1", WebPage::ok(fake::tunebook_page_json(member, 1, 50)));
  page.pass(0);
  page.dispatch(ev::Saved{""});
  ViewState view = page.model.view;
  view.tab = "practice";
  page.dispatch(ev::ViewChanged{view, true});
}


// What the Practice tab shows that a rating can change.
void expect_same_practice(const web::PracticeState& read_after_rating, const web::PracticeState& read_whole) {
  EXPECT_EQ(read_after_rating.day, read_whole.day);
  EXPECT_EQ(read_after_rating.rated_today, read_whole.rated_today);
  EXPECT_EQ(read_after_rating.done_today, read_whole.done_today);
  EXPECT_EQ(read_after_rating.new_today, read_whole.new_today);
  EXPECT_EQ(read_after_rating.reviews_per_day, read_whole.reviews_per_day);
  EXPECT_EQ(read_after_rating.learned_per_month, read_whole.learned_per_month);
  EXPECT_EQ(read_after_rating.next_to_learn, read_whole.next_to_learn);
  EXPECT_EQ(read_after_rating.current(), read_whole.current());
  ASSERT_EQ(read_after_rating.sets.size(), read_whole.sets.size());
  for (size_t i = 0; i < read_whole.sets.size(); ++i) {
    EXPECT_EQ(read_after_rating.sets[i].set_id, read_whole.sets[i].set_id);
    EXPECT_EQ(read_after_rating.sets[i].rated, read_whole.sets[i].rated);
  }
  ASSERT_EQ(read_after_rating.cards.size(), read_whole.cards.size());
  for (const auto& [tune, card] : read_whole.cards) {
    ASSERT_TRUE(read_after_rating.cards.count(tune)) << tune;
    EXPECT_EQ(read_after_rating.cards.at(tune).reps, card.reps) << tune;
    EXPECT_EQ(read_after_rating.cards.at(tune).due_ms, card.due_ms) << tune;
  }
}

// The whole Practice tab read again, as opening the tab does.
web::PracticeState read_whole(WebPage& page) {
  ViewState view = page.model.view;
  view.tab = "practice";
  page.dispatch(ev::ViewChanged{view, true});
  return page.model.practice;
}

}  // namespace

TEST(WebPractice, AfterARatingThePageReadsOnlyWhatItChangedAndShowsWhatAWholeReadingWould) {
  WebPage page;
  open_practice(page, 8);
  const auto& p = page.model.practice;
  std::vector<int64_t> started;
  for (int i = 0; i < 3; ++i) {
    started.push_back(p.next_to_learn.front());
    page.dispatch(ev::SetStatus{started.back(), LearnStatus::Learning});
  }
  // A set of two tunes put in the day's practice, besides the queue.
  page.dispatch(ev::NewSet{});
  const int64_t set = page.model.view.open_set;
  page.dispatch(ev::AddToSet{set, started[0]});
  page.dispatch(ev::AddToSet{set, p.next_to_learn.front()});
  page.dispatch(ev::QueueSetToday{set, true});
  read_whole(page);

  page.dispatch(ev::Rate{started[0], Rating::Good});
  web::PracticeState after = p;
  expect_same_practice(after, read_whole(page));
  EXPECT_EQ(after.done_today, 1);
  EXPECT_EQ(after.new_today, 1);

  page.clock += 60'000;
  page.dispatch(ev::Rate{started[1], Rating::Again});
  page.dispatch(ev::RateSet{set, Rating::Hard});  // started[0] again, and a tune not in the queue
  after = p;
  expect_same_practice(after, read_whole(page));
  EXPECT_EQ(after.done_today, 4);
  EXPECT_TRUE(after.sets.at(0).rated);

  // Past midnight without a tick: the next rating reads the new day whole.
  page.clock += kDay;
  page.dispatch(ev::Rate{started[2], Rating::Good});
  after = p;
  EXPECT_NE(after.day, "");
  expect_same_practice(after, read_whole(page));
  EXPECT_EQ(after.done_today, 1);
}

TEST(WebPractice, AfterAStatusChangeThePageShowsWhatAWholeReadingWouldWithoutRemakingTheQueue) {
  WebPage page;
  open_practice(page, 8);
  const auto& p = page.model.practice;
  const int64_t first = p.next_to_learn.front();
  page.dispatch(ev::SetStatus{first, LearnStatus::Learning});  // the day's queue is made with it
  read_whole(page);
  ASSERT_FALSE(p.queue.empty());
  const double queue_read_ms = p.queue_ms;
  // Learned now (it stays in today's queue), and a waiting tune learned
  // without learning it: what to learn next and the learned chart follow.
  page.clock += 60'000;
  const int64_t waiting = p.next_to_learn.front();
  page.dispatch(ev::SetStatus{first, LearnStatus::Learned});
  page.dispatch(ev::SetStatus{waiting, LearnStatus::Learned});
  const web::PracticeState after = p;
  EXPECT_EQ(after.queue_ms, queue_read_ms) << "the queue was not read again";
  EXPECT_EQ(std::count(after.next_to_learn.begin(), after.next_to_learn.end(), waiting), 0);
  int learned = 0;
  for (const auto& [month, count] : after.learned_per_month) learned += count;
  EXPECT_EQ(learned, 2);
  expect_same_practice(after, read_whole(page));
  ASSERT_EQ(after.queue.size(), p.queue.size());
  EXPECT_EQ(after.queue.front().tune_id, p.queue.front().tune_id);
}

TEST(WebPractice, StartingToLearnFillsTodaysQueueWithinTheLimits) {
  WebPage page;
  open_practice(page, 8);
  const auto& p = page.model.practice;
  EXPECT_TRUE(p.queue.empty()) << "want-to-learn tunes are not practised";
  ASSERT_EQ(p.next_to_learn.size(), 5u);
  std::vector<int64_t> started;
  for (int i = 0; i < 4; ++i) {
    started.push_back(p.next_to_learn.front());
    page.dispatch(ev::SetStatus{started.back(), LearnStatus::Learning});
  }
  ASSERT_EQ(p.queue.size(), 3u) << "3 new a day by default";
  EXPECT_EQ(p.current(), started[0]);
  EXPECT_EQ(page.model.shown_tune(), started[0]) << "the Practice tab shows the current tune's music";
}

TEST(WebPractice, ARatingMovesOnIsSavedAndCanBeUndone) {
  WebPage page;
  open_practice(page, 8);
  const auto& p = page.model.practice;
  const int64_t first = p.next_to_learn.front();
  page.dispatch(ev::SetStatus{first, LearnStatus::Learning});
  const int64_t second = p.next_to_learn.front();
  page.dispatch(ev::SetStatus{second, LearnStatus::Learning});
  page.dispatch(ev::Saved{""});
  page.dispatch(ev::Rate{first, Rating::Good});
  EXPECT_TRUE(page.effects_of<fx::Save>().size() == 1 || page.model.save_again);
  EXPECT_EQ(p.done_today, 1);
  EXPECT_EQ(p.current(), second);
  EXPECT_EQ(p.cards.at(first).state, CardState::Learning);
  page.dispatch(ev::UndoRating{});
  EXPECT_EQ(p.done_today, 0);
  EXPECT_EQ(p.current(), first);
  EXPECT_FALSE(page.services.store->practice_card(first)) << "the first rating undone: no card left";
}

TEST(WebPractice, PromotionIsAskedNeverSilent) {
  WebPage page;
  open_practice(page, 4);
  const int64_t tune = page.model.practice.next_to_learn.front();
  page.dispatch(ev::SetStatus{tune, LearnStatus::Learning});
  // Easy until the next review is weeks away, a day apart each time.
  for (int i = 0; i < 6 && !page.model.practice.promotion_offer; ++i) {
    page.dispatch(ev::Rate{tune, Rating::Easy});
    page.clock += 30 * kDay;
    page.dispatch(ev::Tick{});
  }
  ASSERT_EQ(page.model.practice.promotion_offer, std::optional<int64_t>(tune));
  EXPECT_EQ(page.model.entry(tune)->status, LearnStatus::Learning) << "not without asking";
  page.dispatch(ev::AnswerPromotion{tune, true});
  EXPECT_EQ(page.model.entry(tune)->status, LearnStatus::Learned);
  EXPECT_FALSE(page.model.practice.promotion_offer);
}

TEST(WebPractice, ARatingForARemovedTuneIsRefused) {
  WebPage page;
  open_practice(page, 4);
  const int64_t tune = page.model.practice.next_to_learn.front();
  page.dispatch(ev::SetStatus{tune, LearnStatus::Learning});
  page.dispatch(ev::RemoveTune{tune});
  page.dispatch(ev::Rate{tune, Rating::Good});
  EXPECT_NE(page.model.practice.message.find("no longer in your collection"), std::string::npos);
  EXPECT_EQ(page.model.practice.done_today, 0);
}

TEST(WebPractice, ANewDayMakesANewQueue) {
  WebPage page;
  open_practice(page, 8);
  const auto& p = page.model.practice;
  const int64_t tune = p.next_to_learn.front();
  page.dispatch(ev::SetStatus{tune, LearnStatus::Learning});
  page.dispatch(ev::Rate{tune, Rating::Good});
  const std::string day = p.day;
  EXPECT_EQ(p.current(), 0);
  page.clock += kDay;
  page.dispatch(ev::Tick{});
  EXPECT_NE(p.day, day);
  EXPECT_EQ(p.current(), tune) << "due again the next day";
  EXPECT_EQ(p.done_today, 0);
}

}  // namespace tt

namespace tt {

TEST(WebPractice, TheExportCarriesPracticeAndAnotherPageImportsIt) {
  WebPage page;
  open_practice(page, 4);
  const int64_t tune = page.model.practice.next_to_learn.front();
  page.dispatch(ev::SetStatus{tune, LearnStatus::Learning});
  page.dispatch(ev::Rate{tune, Rating::Good});
  page.dispatch(ev::ExportCollection{true});
  const auto download = page.effects_of<fx::DownloadText>();
  ASSERT_EQ(download.size(), 1u);
  EXPECT_NE(download[0].text.find("\"practice\""), std::string::npos);
  page.dispatch(ev::ExportCollection{false});
  EXPECT_NE(page.effects_of<fx::DownloadText>().at(0).text.find("last_practised"), std::string::npos);

  WebPage other;
  other.open();
  other.dispatch(ev::FilePicked{download[0].text, ""});
  ASSERT_TRUE(other.services.store->practice_card(tune)) << other.model.import_summary;
  EXPECT_EQ(other.services.store->practice_card(tune)->reps, 1);
  // Its queue was made empty when the page opened; the import fills it.
  EXPECT_EQ(other.model.practice.queue.size(), 1u);
}

}  // namespace tt
