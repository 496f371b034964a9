// The page's collection, natively: filters and the URL both ways, status and
// "+", notes drafts, import, a second tab, a damaged database, a full disk.
#include "core/collection_io.h"
#include "tests/fake_thesession/synthetic_data.h"
#include "tests/integration/web_page.h"

namespace tt {
namespace {

using testing::WebPage;
namespace ev = web::event;
namespace fx = web::effect;

// A page with 120 synced tunes.
void open_with_tunes(WebPage& page) {
  page.open();
  const int64_t member = fake::kFirstMember + 120;
  page.dispatch(ev::MemberIdEdited{std::to_string(member)});
  page.dispatch(ev::StartSync{});
  for (int p = 1; p <= 3; ++p) {
    page.answer("tunebook?page=" + std::to_string(p), WebPage::ok(fake::tunebook_page_json(member, p, 50)));
  }
  page.pass(0);
  ASSERT_EQ(page.model.collection.entries().size(), 120u);
  page.dispatch(ev::Saved{""});
}

int64_t first_tune(const WebPage& page) { return page.model.collection.entries()[page.model.collection.visible()[0]].tune_id; }

}  // namespace

TEST(WebCollection, TypingFiltersAtOnceAndReachesTheUrlWhenTypingPauses) {
  WebPage page;
  open_with_tunes(page);
  ViewState v = page.model.view;
  v.filter.search = "the";
  page.dispatch(ev::ViewChanged{v, false});
  EXPECT_LT(page.model.collection.visible().size(), 120u);
  EXPECT_TRUE(page.effects_of<fx::SetUrl>().empty());
  page.pass(100);
  EXPECT_TRUE(page.effects_of<fx::SetUrl>().empty());
  page.pass(300);
  ASSERT_EQ(page.effects_of<fx::SetUrl>().size(), 1u);
  EXPECT_EQ(page.effects_of<fx::SetUrl>()[0].fragment, "q=the");
  EXPECT_FALSE(page.effects_of<fx::SetUrl>()[0].push);  // typing replaces the history entry

  v.filter.type = "reel";  // picking a filter makes a new entry
  page.dispatch(ev::ViewChanged{v, true});
  ASSERT_EQ(page.effects_of<fx::SetUrl>().size(), 1u);
  EXPECT_TRUE(page.effects_of<fx::SetUrl>()[0].push);
  for (size_t i : page.model.collection.visible()) EXPECT_EQ(page.model.collection.entries()[i].type, "reel");
}

TEST(WebCollection, AUrlOpensTheSameViewAndBackRestoresTheLastOne) {
  WebPage page;
  page.fragment = "type=jig&status=want_to_learn";
  open_with_tunes(page);
  EXPECT_EQ(page.model.view.filter.status, LearnStatus::WantToLearn);
  EXPECT_EQ(page.model.view.filter.type, "jig");
  const size_t shown = page.model.collection.visible().size();
  EXPECT_GT(shown, 0u);
  for (size_t i : page.model.collection.visible()) EXPECT_EQ(page.model.collection.entries()[i].type, "jig");
  page.dispatch(ev::UrlChanged{""});  // Back to the unfiltered list
  EXPECT_EQ(page.model.collection.visible().size(), 120u);
  page.dispatch(ev::UrlChanged{page.fragment});  // Forward
  EXPECT_EQ(page.model.collection.visible().size(), shown);
}

TEST(WebCollection, StatusAndHeardAreStoredAndSaved) {
  WebPage page;
  open_with_tunes(page);
  const int64_t tune = first_tune(page);
  page.dispatch(ev::Heard{tune, false});
  page.dispatch(ev::Saved{""});
  page.dispatch(ev::Heard{tune, false});
  EXPECT_EQ(page.model.entry(tune)->heard_count, 2);
  page.dispatch(ev::SetStatus{tune, LearnStatus::Learned});
  EXPECT_EQ(page.model.entry(tune)->status, LearnStatus::Learned);
  EXPECT_TRUE(page.model.entry(tune)->learned_at_ms.has_value());
  EXPECT_EQ(page.services.store->entry(tune)->status, LearnStatus::Learned);
  EXPECT_EQ(page.model.collection.status_counts().learned, 1);
  EXPECT_TRUE(page.model.saving);
}

TEST(WebCollection, NotesAreCommittedWhenTypingPausesNotPerKeystroke) {
  WebPage page;
  open_with_tunes(page);
  const int64_t tune = first_tune(page);
  const int saves = page.saves;
  for (const char* text : {"P", "Pl", "Pla", "Play it slow"}) {
    page.dispatch(ev::NotesEdited{tune, text});
    page.pass(100);
  }
  EXPECT_EQ(page.saves, saves);
  EXPECT_EQ(page.services.store->entry(tune)->notes, "");
  EXPECT_EQ(page.model.notes_shown(tune), "Play it slow");
  page.pass(800);
  EXPECT_EQ(page.saves, saves + 1);
  EXPECT_EQ(page.services.store->entry(tune)->notes, "Play it slow");

  page.dispatch(ev::NotesEdited{tune, "Play it slower"});
  page.dispatch(ev::NotesLeft{tune});  // leaving the field commits at once
  EXPECT_EQ(page.services.store->entry(tune)->notes, "Play it slower");
}

// Regression (issue 8): the notes field kept a draft of its own, so after an
// import (or another tab's change) it went on showing the old notes.
TEST(WebCollection, TheNotesShownFollowAnImport) {
  WebPage page;
  page.open();
  CollectionEntry kesh;
  kesh.tune_id = 55;
  kesh.name = "The Kesh";
  kesh.type = "jig";
  page.dispatch(ev::OpenTune{55});
  EXPECT_EQ(page.model.notes_shown(55), "");
  kesh.notes = "from my old phone";
  page.dispatch(ev::FilePicked{export_json({kesh}), ""});
  EXPECT_EQ(page.model.import_summary, "1 added, 0 already there, 0 kept as they were (different data), 0 invalid");
  EXPECT_EQ(page.model.notes_shown(55), "from my old phone");
}

TEST(WebCollection, ImportMergesAndReportsInvalidEntries) {
  WebPage page;
  open_with_tunes(page);
  const auto existing = page.model.collection.entries()[0];
  CollectionEntry changed = existing;
  changed.notes = "different";
  CollectionEntry fresh;
  fresh.tune_id = 29999;
  fresh.name = "New one";
  page.dispatch(ev::FilePicked{export_json({existing, changed, fresh}), ""});
  EXPECT_EQ(page.model.collection.entries().size(), 121u);
  EXPECT_EQ(page.model.import_summary.substr(0, 60),
            std::string("1 added, 1 already there, 1 kept as they were (different data), 0 invalid").substr(0, 60));
  page.dispatch(ev::FilePicked{"not json", ""});
  EXPECT_EQ(page.model.import_summary.rfind("Nothing imported: ", 0), 0u);
  EXPECT_EQ(page.model.collection.entries().size(), 121u);
}

TEST(WebCollection, DetailsAreFetchedOnceThenKept) {
  WebPage page;
  open_with_tunes(page);
  const int64_t tune = first_tune(page);
  page.dispatch(ev::OpenTune{tune});
  ASSERT_TRUE(page.has_fetch("/api/thesession/tunes/" + std::to_string(tune)));
  page.answer("/api/thesession/tunes/" + std::to_string(tune), WebPage::ok(fake::tune_json(tune)));
  ASSERT_NE(page.model.tune_details(tune), nullptr);
  EXPECT_FALSE(page.model.entry(tune)->key.empty());
  page.dispatch(ev::CloseTune{});
  page.model.details.clear();  // as after a reload
  page.dispatch(ev::OpenTune{tune});
  EXPECT_EQ(page.model.details_requests.count(tune), 0u);  // from the store this time
  page.dispatch(ev::CopyAbc{tune});
  ASSERT_EQ(page.effects_of<fx::CopyToClipboard>().size(), 1u);
  EXPECT_EQ(page.effects_of<fx::CopyToClipboard>()[0].text.rfind("X: 1\nT: ", 0), 0u);
}

TEST(WebTabs, ASecondTabIsReadOnlyFollowsAndTakesOver) {
  WebPage page;
  open_with_tunes(page);  // as the first tab
  WebPage second;
  second.services.db_path = page.services.db_path;  // the same IndexedDB file
  second.open(0);
  EXPECT_TRUE(second.model.read_only());
  EXPECT_EQ(second.model.collection.entries().size(), 120u);
  const int64_t tune = first_tune(second);
  second.dispatch(ev::SetStatus{tune, LearnStatus::Learning});
  EXPECT_EQ(second.model.entry(tune)->status, LearnStatus::WantToLearn);
  EXPECT_EQ(second.saves, 0);

  page.dispatch(ev::SetStatus{tune, LearnStatus::Learning});  // the first tab edits...
  second.dispatch(ev::OtherTabSaved{});
  ASSERT_EQ(second.effects_of<fx::ReloadStorage>().size(), 1u);
  second.dispatch(ev::StorageReloaded{""});  // ...the second follows
  EXPECT_EQ(second.model.entry(tune)->status, LearnStatus::Learning);

  second.dispatch(ev::LockChanged{2});  // the first tab closed
  EXPECT_FALSE(second.model.read_only());
  EXPECT_EQ(second.model.banners.back().text, "The other tab closed: this tab can edit again.");
}

TEST(WebStorage, ADamagedDatabaseIsSetAsideNeverWiped) {
  WebPage page;
  testing::write_file(page.services.db_path, std::string(8192, 'x'));
  page.open();
  EXPECT_TRUE(page.model.ready);
  EXPECT_FALSE(page.model.damaged_copy.empty());
  EXPECT_EQ(testing::read_file(page.model.damaged_copy), std::string(8192, 'x'));
  EXPECT_NE(page.model.banners.at(0).text.find("set aside, not deleted"), std::string::npos);
  page.dispatch(ev::DownloadDamagedCopy{});
  ASSERT_EQ(page.effects_of<fx::DownloadFile>().size(), 1u);
  EXPECT_EQ(page.effects_of<fx::DownloadFile>()[0].path, page.model.damaged_copy);
}

TEST(WebStorage, AFullDiskKeepsTheChangesAndSaysSo) {
  WebPage page;
  open_with_tunes(page);
  const int64_t tune = first_tune(page);
  page.dispatch(ev::SetStatus{tune, LearnStatus::Learning});
  page.dispatch(ev::Saved{"Browser storage is full (quota exceeded)"});
  EXPECT_EQ(page.model.banners.back().text.rfind("Not saved to this browser: Browser storage is full", 0), 0u);
  EXPECT_EQ(page.model.entry(tune)->status, LearnStatus::Learning);  // kept in memory
  page.dispatch(ev::Heard{tune, false});
  page.dispatch(ev::Saved{""});
  EXPECT_TRUE(page.model.banners.empty());  // a later save that works clears it
}

TEST(WebStorage, AFailedSaveIsTriedAgainByItselfLaterAndLaterUntilOneWorks) {
  WebPage page;
  open_with_tunes(page);
  page.dispatch(ev::SetStatus{first_tune(page), LearnStatus::Learning});
  std::vector<int64_t> waits;
  for (int i = 0; i < 7; ++i) {
    page.dispatch(ev::Saved{"QuotaExceededError"});
    const auto timers = page.effects_of<fx::StartTimer>();
    ASSERT_EQ(timers.size(), 1u) << "one retry waits after each failure";
    waits.push_back(timers[0].delay_ms);
    const int saves = page.saves;
    page.dispatch(ev::TimerFired{timers[0].id});
    EXPECT_EQ(page.saves, saves + 1) << "the retry saves without any new change";
  }
  EXPECT_EQ(waits.front(), 2000);
  for (size_t i = 1; i < waits.size(); ++i) EXPECT_GE(waits[i], waits[i - 1]);
  EXPECT_EQ(waits.back(), 60000) << "never longer than a minute";
  page.dispatch(ev::Saved{""});
  EXPECT_TRUE(page.model.banners.empty());
  EXPECT_EQ(page.model.storage.retry_timer, 0u);
  page.dispatch(ev::Heard{first_tune(page), false});
  page.dispatch(ev::Saved{"QuotaExceededError"});
  ASSERT_EQ(page.effects_of<fx::StartTimer>().size(), 1u);
  EXPECT_EQ(page.effects_of<fx::StartTimer>()[0].delay_ms, 2000) << "a save that worked starts the waits afresh";
}

TEST(WebStorage, DataThatCouldNotBeLoadedIsNeverSavedOver) {
  WebPage page;
  page.open(1, "Could not load saved data: UnknownError");
  EXPECT_TRUE(page.model.storage_unavailable);
  page.dispatch(ev::AddTune{{5, "The Kesh", "jig", ""}});
  EXPECT_EQ(page.model.collection.entries().size(), 1u);
  EXPECT_EQ(page.saves, 0);
}

TEST(WebStorage, ChangesDuringASaveAreSavedAfterItAndTimedFromTheChange) {
  WebPage page;
  open_with_tunes(page);
  const int64_t tune = first_tune(page);
  page.dispatch(ev::Heard{tune, false});
  const int saves = page.saves;
  page.clock += 100;
  page.dispatch(ev::Heard{tune, false});  // while the first save runs
  EXPECT_EQ(page.saves, saves);
  page.clock += 50;
  page.dispatch(ev::Saved{""});
  EXPECT_EQ(page.saves, saves + 1);
  EXPECT_EQ(page.model.last_save_ms, 150) << "the first change, durable 150 ms after it was made";
  page.clock += 30;
  page.dispatch(ev::Saved{"QuotaExceededError"});
  page.clock += 2000;
  page.dispatch(ev::TimerFired{page.model.storage.retry_timer});
  page.clock += 20;
  page.dispatch(ev::Saved{""});
  EXPECT_EQ(page.model.last_save_ms, 2100) << "the second change waited for the first save and a failed one";
}

}  // namespace tt

namespace tt {

// A reload on a tune's address shows its kept details: no network needed.
TEST(WebCollection, AReloadOnATuneUsesTheDetailsAlreadyKept) {
  WebPage page;
  page.open();
  page.dispatch(web::event::AddTune{{77, "The Kesh", "jig", ""}});
  page.dispatch(web::event::OpenTune{77});
  page.answer("/api/thesession/tunes/77", WebPage::ok(fake::tune_json(77)));
  ASSERT_NE(page.model.tune_details(77), nullptr);

  WebPage reloaded;
  reloaded.services.db_path = page.services.db_path;
  reloaded.fragment = "tune=77";
  reloaded.open();
  EXPECT_EQ(reloaded.model.view.open_tune, 77);
  EXPECT_NE(reloaded.model.tune_details(77), nullptr);
  EXPECT_FALSE(reloaded.has_fetch("/api/thesession/tunes/"));
}

TEST(WebCollection, OpeningATuneAgainRetriesDetailsThatFailed) {
  WebPage page;
  page.open();
  page.dispatch(web::event::OpenTune{78});
  page.answer("/api/thesession/tunes/78", WebPage::status(503));
  EXPECT_NE(page.model.details_error.find("unavailable"), std::string::npos) << page.model.details_error;
  page.dispatch(web::event::OpenTune{78});
  EXPECT_TRUE(page.has_fetch("/api/thesession/tunes/78"));
}

TEST(WebCollection, AReadOnlyTabKeepsNoNotesDraft) {
  WebPage page;
  page.open(0);
  page.dispatch(web::event::NotesEdited{5, "lost?"});
  EXPECT_FALSE(page.model.notes.dirty);
}

}  // namespace tt
