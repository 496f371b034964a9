// The page's Sets tab, natively: making a set and every change to it, the
// URL, removing a tune that is in a set, practising a set, playing a set
// through, bringing in sets through the page's one sync session (with the
// fake's answers), and export and import with sets.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/collection_io.h"
#include "core/tune_tempo.h"
#include "tests/fake_thesession/synthetic_data.h"
#include "tests/fake_thesession/synthetic_sets.h"
#include "tests/integration/web_page.h"
#include "web/model/snapshot.h"
#include "web/screens/ui.h"

namespace tt {
namespace {

using testing::WebPage;
namespace ev = web::event;
namespace fx = web::effect;

constexpr int64_t kAwkward = fake::kFirstMember + 47;  // 47 tunes, 11 sets, awkward ones among them

// A page with member `member`'s tunebook synced (up to 50 tunes: one page).
void open_with_tunes(WebPage& page, int64_t member = fake::kFirstMember + 12) {
  page.open();
  page.dispatch(ev::MemberIdEdited{std::to_string(member)});
  page.dispatch(ev::StartSync{});
  page.answer("tunebook?page=1", WebPage::ok(fake::tunebook_page_json(member, 1, 50)));
  page.pass(0);
  ASSERT_EQ(page.model.collection.entries().size(), static_cast<size_t>(member - fake::kFirstMember));
  page.dispatch(ev::Saved{""});
}

int64_t tune_at(const WebPage& page, size_t i) { return page.model.collection.entries().at(i).tune_id; }

// A new set holding the collection's first `n` tunes; returns its id.
int64_t make_set(WebPage& page, size_t n) {
  page.dispatch(ev::NewSet{});
  const int64_t id = page.model.view.open_set;
  for (size_t i = 0; i < n; ++i) page.dispatch(ev::AddToSet{id, tune_at(page, i)});
  return id;
}

std::vector<int64_t> tunes_of(const WebPage& page, int64_t set_id) {
  std::vector<int64_t> out;
  for (const auto& e : page.model.sets.find(set_id)->entries) out.push_back(e.tune_id);
  return out;
}

std::string sets_url(int64_t member, int page) {
  return "/api/thesession/members/" + std::to_string(member) + "/sets?page=" + std::to_string(page);
}

// Answers every tune page the sets sync asks for, as the fake does (the
// gone tunes answer 404).
void answer_tune_pages(WebPage& page) {
  while (true) {
    std::string url;
    for (const auto& f : page.outstanding) {
      if (f.url.find("/api/thesession/tunes/") != std::string::npos) url = f.url;
    }
    if (url.empty()) return;
    const int64_t id = std::stoll(url.substr(url.rfind('/') + 1));
    page.answer(url, id >= fake::kGoneTuneBase ? WebPage::status(404) : WebPage::ok(fake::tune_json(id)));
  }
}

void bring_in_sets(WebPage& page, int64_t member) {
  page.dispatch(ev::StartSetsSync{});
  page.answer(sets_url(member, 1), WebPage::ok(fake::sets_page_json(member, 1, 50)));
  answer_tune_pages(page);
  page.pass(0);  // the apply's turn
}

// The render in flight answered as abcjs would.
void answer_render(WebPage& page, int texture) {
  web::NotationImage image;
  image.texture = texture;
  image.width_css = 500;
  image.height_css = 300;
  image.bars = 16;
  for (int b = 1; b <= 16; ++b) image.notes.push_back({10.f * b, 20, 8, 8, b});
  page.dispatch(ev::NotationRendered{page.model.notation.render_request, image});
}

}  // namespace

TEST(WebSets, ANewSetOpensAndIsKeptInTheUrl) {
  WebPage page;
  open_with_tunes(page);
  const int saves = page.saves;
  page.dispatch(ev::NewSet{});
  ASSERT_EQ(page.model.sets.all.size(), 1u);
  const int64_t id = page.model.sets.all[0].id;
  EXPECT_EQ(page.model.sets.all[0].name, "New set");
  EXPECT_EQ(page.model.view.tab, "sets");
  EXPECT_EQ(page.model.view.open_set, id);
  EXPECT_EQ(page.saves - saves, 1);
  const auto urls = page.effects_of<fx::SetUrl>();
  ASSERT_FALSE(urls.empty());
  EXPECT_EQ(urls.back().fragment, "tab=sets&set=" + std::to_string(id));
  EXPECT_TRUE(urls.back().push);
  page.dispatch(ev::NewSet{});
  EXPECT_EQ(page.model.sets.find(page.model.view.open_set)->name, "New set 2") << "names are not reused";
}

TEST(WebSets, TheUrlRoundTripsAndOldLinksStillWork) {
  ViewState v;
  v.tab = "sets";
  v.open_set = 42;
  EXPECT_EQ(to_fragment(v), "tab=sets&set=42");
  EXPECT_EQ(parse_fragment("tab=sets&set=42"), v);
  const ViewState old = parse_fragment("q=kesh&type=jig&tune=7");
  EXPECT_EQ(old.open_tune, 7);
  EXPECT_EQ(old.open_set, 0);
  EXPECT_EQ(old.tab, "collection");
  EXPECT_EQ(parse_fragment("tab=sets&set=abc").open_set, 0) << "a bad id is ignored";

  WebPage page;
  open_with_tunes(page);
  const int64_t id = make_set(page, 2);
  page.dispatch(ev::UrlChanged{"tab=collection"});
  EXPECT_EQ(page.model.view.open_set, 0);
  page.dispatch(ev::UrlChanged{"tab=sets&set=" + std::to_string(id)});  // Back, or a pasted link
  EXPECT_EQ(page.model.view.tab, "sets");
  EXPECT_EQ(page.model.open_set()->id, id);
}

TEST(WebSets, RenameAddFromTheCollectionReorderRemoveAndDelete) {
  WebPage page;
  open_with_tunes(page);
  page.dispatch(ev::NewSet{});
  const int64_t id = page.model.view.open_set;

  // Renamed when the field is left, not per keystroke.
  page.dispatch(ev::SetNameEdited{id, "Kesh"});
  page.dispatch(ev::SetNameEdited{id, "Kesh set"});
  EXPECT_EQ(page.model.sets.find(id)->name, "New set");
  page.dispatch(ev::SetNameLeft{id});
  EXPECT_EQ(page.model.sets.find(id)->name, "Kesh set");
  EXPECT_FALSE(page.model.sets.name.dirty);
  // An empty name is refused with the store's reason; the set keeps its name.
  page.dispatch(ev::SetNameEdited{id, "   "});
  page.dispatch(ev::SetNameLeft{id});
  EXPECT_EQ(page.model.sets.find(id)->name, "Kesh set");
  EXPECT_FALSE(page.model.sets.message.empty());

  // The collection searched as you type.
  const auto& first = page.model.collection.entries()[0];
  page.dispatch(ev::SetAddSearchEdited{first.name.substr(0, 6)});
  ASSERT_FALSE(page.model.sets.add_results.empty());
  EXPECT_EQ(page.model.sets.add_results[0], first.tune_id);
  page.dispatch(ev::AddToSet{id, first.tune_id});
  EXPECT_TRUE(page.model.sets.add_search.empty()) << "the field is cleared for the next tune";
  EXPECT_TRUE(page.model.sets.message.empty());
  const int64_t a = first.tune_id, b = tune_at(page, 1), c = tune_at(page, 2);
  page.dispatch(ev::AddToSet{id, b});
  page.dispatch(ev::AddToSet{id, c});
  EXPECT_EQ(tunes_of(page, id), (std::vector<int64_t>{a, b, c}));

  // Reorder: a drag (first to last), then the buttons (up, down).
  page.dispatch(ev::MoveSetEntry{id, 0, 2});
  EXPECT_EQ(tunes_of(page, id), (std::vector<int64_t>{b, c, a}));
  page.dispatch(ev::MoveSetEntry{id, 2, 1});
  EXPECT_EQ(tunes_of(page, id), (std::vector<int64_t>{b, a, c}));
  page.dispatch(ev::MoveSetEntry{id, 0, 7});
  EXPECT_EQ(tunes_of(page, id), (std::vector<int64_t>{b, a, c})) << "out of range: nothing moves";

  page.dispatch(ev::RemoveSetEntry{id, 1});
  EXPECT_EQ(tunes_of(page, id), (std::vector<int64_t>{b, c}));
  EXPECT_EQ(page.model.collection.entries().size(), 12u) << "the tune stays in the collection";

  // The list's search finds a set by a tune's name.
  page.dispatch(ev::SetsSearchEdited{page.model.entry(c)->name});
  EXPECT_EQ(page.model.sets.shown.size(), 1u);
  page.dispatch(ev::SetsSearchEdited{"zzzz"});
  EXPECT_TRUE(page.model.sets.shown.empty());
  page.dispatch(ev::SetsSearchEdited{""});

  page.dispatch(ev::DeleteSet{id});
  EXPECT_TRUE(page.model.sets.all.empty());
  EXPECT_EQ(page.model.view.open_set, 0) << "the deleted set's page closes";
  EXPECT_EQ(page.model.collection.entries().size(), 12u);
}

TEST(WebSets, TheSnapshotShowsSetsAndTheOpenSetWithItsKeys) {
  WebPage page;
  open_with_tunes(page);
  const int64_t id = make_set(page, 3);
  const auto s = page.snapshot();
  ASSERT_EQ(s["sets"].size(), 1u);
  EXPECT_EQ(s["sets"][0]["id"], id);
  EXPECT_EQ(s["sets"][0]["tune_ids"].size(), 3u);
  EXPECT_TRUE(s["sets"][0]["thesession_id"].is_null());
  EXPECT_EQ(s["open_set"]["id"], id);
  EXPECT_EQ(s["open_set"]["entries"].size(), 3u);
  EXPECT_EQ(s["open_set"]["keys"], set_key_chain(page.model.sets.find(id)->entries));
  EXPECT_EQ(s["open_set"]["current_index"], 0);
  EXPECT_EQ(s["view"]["open_set"], id);
  EXPECT_TRUE(s["last_sets_sync"].is_null());
}

TEST(WebSets, RemovingATuneThatIsInASetNamesTheSetAndTheSetKeepsIt) {
  WebPage page;
  open_with_tunes(page);
  const int64_t id = make_set(page, 2);
  page.dispatch(ev::SetNameEdited{id, "Jigs for Tuesday"});
  page.dispatch(ev::SetNameLeft{id});
  const int64_t tune = tune_at(page, 0);
  EXPECT_EQ(page.model.sets_holding(tune), (std::vector<std::string>{"Jigs for Tuesday"}));
  EXPECT_TRUE(page.model.sets_holding(tune_at(page, 5)).empty());
  page.dispatch(ev::RemoveTune{tune});
  ASSERT_EQ(page.model.sets.find(id)->entries.size(), 2u);
  EXPECT_FALSE(page.model.sets.find(id)->entries[0].in_collection) << "shown as not collected";
  page.dispatch(ev::AddTune{{tune, page.model.sets.find(id)->entries[0].name, "jig", ""}});
  EXPECT_TRUE(page.model.sets.find(id)->entries[0].in_collection);
}

TEST(WebSets, ASetIsPractisedAsOneItemAndEachTuneIsScheduled) {
  WebPage page;
  open_with_tunes(page);
  const int64_t id = make_set(page, 3);
  const auto tunes = tunes_of(page, id);
  page.dispatch(ev::QueueSetToday{id, true});
  ASSERT_EQ(page.model.practice.sets.size(), 1u);
  EXPECT_EQ(page.model.practice.sets[0].set_id, id);
  EXPECT_FALSE(page.model.practice.sets[0].rated);
  page.dispatch(ev::QueueSetToday{id, true});
  EXPECT_EQ(page.model.practice.sets.size(), 1u) << "once";

  while (page.model.saving) page.dispatch(ev::Saved{""});  // the saves before, done
  const int saves = page.saves;
  page.dispatch(ev::RateSet{id, Rating::Good});
  EXPECT_EQ(page.saves - saves, 1);
  ASSERT_EQ(page.model.practice.sets.size(), 1u);
  EXPECT_TRUE(page.model.practice.sets[0].rated);
  for (const int64_t t : tunes) {
    ASSERT_TRUE(page.model.practice.cards.count(t)) << t;
    EXPECT_EQ(page.model.practice.cards.at(t).reps, 1) << "each tune rated once";
  }
  const auto s = page.snapshot();
  EXPECT_EQ(s["practice"]["sets"][0]["rated"], true);
  EXPECT_EQ(s["practice"]["sets"][0]["tunes"].size(), 3u);
  EXPECT_EQ(s["practice"]["sets"][0]["tunes"][0]["reps"], 1);
  EXPECT_EQ(page.model.practice.done_today, 3);

  // Undo takes the set's rating back from every tune.
  page.dispatch(ev::UndoRating{});
  for (const int64_t t : tunes) EXPECT_FALSE(page.services.store->practice_card(t)) << t;

  // A set taken out of today's practice.
  page.dispatch(ev::QueueSetToday{id, false});
  EXPECT_TRUE(page.model.practice.sets.empty());
}

TEST(WebSets, APlayedSetGoesThroughItsTunesEachAtItsOwnTempo) {
  WebPage page;
  open_with_tunes(page);
  const int64_t id = make_set(page, 2);
  const auto tunes = tunes_of(page, id);
  // The set page asks for the first tune's music.
  ASSERT_TRUE(page.has_fetch("/api/thesession/tunes/" + std::to_string(tunes[0])));
  page.answer("/api/thesession/tunes/" + std::to_string(tunes[0]), WebPage::ok(fake::tune_json(tunes[0])));
  page.dispatch(ev::NotationWidth{tunes[0], 500});
  ASSERT_NE(page.model.notation.render_request, 0u);
  answer_render(page, 11);
  EXPECT_EQ(page.model.notation.tune_id, tunes[0]);

  page.dispatch(ev::PlaySet{});
  EXPECT_TRUE(page.model.sets.player.playing);
  auto plays = page.effects_of<fx::StartPlayback>();
  ASSERT_EQ(plays.size(), 1u);
  const auto first = plays[0];
  EXPECT_NEAR(first.ms_per_bar, bar_ms(page.model.entry(tunes[0])->type, page.model.notation.tempo_percent), 1e-6);
  page.dispatch(ev::PlaybackChanged{first.request, "started", -1, 0, 0.5, ""});
  page.dispatch(ev::PlaybackChanged{first.request, "ended", -1, 0, 0, ""});
  // On to the second tune: its details, then its music, then it plays.
  EXPECT_EQ(page.model.set_index_shown(), 1u);
  EXPECT_EQ(page.model.shown_tune(), tunes[1]);
  EXPECT_TRUE(page.model.sets.player.playing);
  page.answer("/api/thesession/tunes/" + std::to_string(tunes[1]), WebPage::ok(fake::tune_json(tunes[1])));
  ASSERT_NE(page.model.notation.render_request, 0u);
  answer_render(page, 12);
  plays = page.effects_of<fx::StartPlayback>();
  ASSERT_EQ(plays.size(), 1u);
  EXPECT_NEAR(plays[0].ms_per_bar, bar_ms(page.model.entry(tunes[1])->type, page.model.notation.tempo_percent), 1e-6);
  EXPECT_EQ(page.snapshot()["open_set"]["current_index"], 1);
  EXPECT_EQ(page.snapshot()["open_set"]["playing"], true);
  page.dispatch(ev::PlaybackChanged{plays[0].request, "ended", -1, 0, 0, ""});
  EXPECT_FALSE(page.model.sets.player.playing) << "the last tune ended the set";
  EXPECT_EQ(page.model.set_index_shown(), 0u);
  // A screen reader hears the set start and end, not a stop between its tunes.
  const auto& said = page.model.announcements.lines;
  EXPECT_EQ(std::count(said.begin(), said.end(), "Playing."), 1);
  EXPECT_EQ(std::count_if(said.begin(), said.end(), [](const std::string& l) { return l.rfind("Stopped", 0) == 0; }), 1);
  EXPECT_EQ(said.back().rfind("Stopped", 0), 0u) << "said when the last tune ended";

  // Stop stops all; leaving the set stops it too.
  page.dispatch(ev::PlaySet{});
  EXPECT_TRUE(page.model.sets.player.playing);
  page.dispatch(ev::PlaySet{});
  EXPECT_FALSE(page.model.sets.player.playing);
  page.dispatch(ev::PlaySet{});
  ViewState v = page.model.view;
  v.tab = "collection";
  page.dispatch(ev::ViewChanged{v, true});
  EXPECT_FALSE(page.model.sets.player.playing);
  EXPECT_FALSE(page.model.notation.playing);
}

TEST(WebSets, BringingInSetsRunsThroughThePagesSessionAndTwiceAddsNothing) {
  WebPage page;
  open_with_tunes(page, kAwkward);
  const int saves = page.saves;
  page.dispatch(ev::StartSetsSync{});
  EXPECT_TRUE(page.model.syncing);
  EXPECT_EQ(page.model.syncing_kind, SyncKind::Sets);
  ASSERT_TRUE(page.model.sets.sync_progress);
  EXPECT_EQ(page.model.sets.sync_progress->stage, SyncStage::FetchingMetadata);
  // One sync at a time: the tunebook waits.
  page.dispatch(ev::StartSync{});
  EXPECT_EQ(page.model.syncing_kind, SyncKind::Sets);
  page.answer(sets_url(kAwkward, 1), WebPage::ok(fake::sets_page_json(kAwkward, 1, 50)));
  answer_tune_pages(page);
  page.pass(0);
  EXPECT_FALSE(page.model.syncing);
  ASSERT_TRUE(page.model.sets.last_sync);
  const SyncResult r = *page.model.sets.last_sync;
  EXPECT_EQ(r.kind, SyncKind::Sets);
  EXPECT_EQ(r.sets_fetched, fake::member_set_count(kAwkward));
  EXPECT_EQ(r.sets_added, static_cast<int>(page.model.sets.all.size()));
  EXPECT_GT(r.sets_added, 0);
  EXPECT_GT(r.person_tunes_added, 0) << "tunes outside the tunebook came in for their sets";
  EXPECT_GT(r.set_entries_skipped, 0) << "the gone tune is left out";
  EXPECT_FALSE(r.errors.empty()) << "with its reason";
  EXPECT_EQ(page.model.collection.entries().size(), 47u + static_cast<size_t>(r.person_tunes_added));
  EXPECT_EQ(page.saves - saves, 1);
  EXPECT_EQ(page.model.last_sync->kind, SyncKind::Tunebook) << "the tunebook's result is its own";
  // Said in its own words; the tunebook's result is not said again.
  const auto& said = page.model.announcements.lines;
  EXPECT_NE(std::find(said.begin(), said.end(), "Bringing in your sets."), said.end());
  EXPECT_TRUE(std::any_of(said.begin(), said.end(), [](const std::string& l) { return l.rfind("Sets brought in: ", 0) == 0; }));
  EXPECT_EQ(std::count_if(said.begin(), said.end(), [](const std::string& l) { return l.rfind("Sync done", 0) == 0; }), 1);
  const auto s = page.snapshot();
  EXPECT_EQ(s["last_sets_sync"]["sets_added"], r.sets_added);
  EXPECT_EQ(s["sets_sync"]["percent"], 100);
  EXPECT_FALSE(s["sets"][0]["thesession_id"].is_null());

  // Again: every set is already there, none twice.
  const size_t count = page.model.sets.all.size();
  bring_in_sets(page, kAwkward);
  EXPECT_EQ(page.model.sets.last_sync->sets_added, 0);
  EXPECT_EQ(page.model.sets.last_sync->sets_already_there, r.sets_added);
  EXPECT_EQ(page.model.sets.all.size(), count);
}

TEST(WebSets, AFailedSetsSyncChangesNothingAndRetryWorks) {
  WebPage page;
  open_with_tunes(page, kAwkward);
  page.dispatch(ev::StartSetsSync{});
  page.answer(sets_url(kAwkward, 1), WebPage::status(503));
  page.pass(2000);
  page.answer(sets_url(kAwkward, 1), WebPage::status(503));
  page.pass(4000);
  page.answer(sets_url(kAwkward, 1), WebPage::status(503));
  ASSERT_FALSE(page.model.syncing);
  ASSERT_TRUE(page.model.sets.last_sync);
  EXPECT_EQ(page.model.sets.last_sync->status, SyncStage::Failed);
  EXPECT_TRUE(page.model.sets.all.empty());
  EXPECT_EQ(page.model.collection.entries().size(), 47u);
  bring_in_sets(page, kAwkward);  // Retry
  EXPECT_EQ(page.model.sets.last_sync->status, SyncStage::CompletedWithErrors);
  EXPECT_FALSE(page.model.sets.all.empty());

  // No member number: said, nothing started.
  page.dispatch(ev::MemberIdEdited{""});
  page.dispatch(ev::StartSetsSync{});
  EXPECT_FALSE(page.model.syncing);
  EXPECT_EQ(page.model.sets.last_sync->status, SyncStage::Failed);
  EXPECT_NE(page.model.sets.last_sync->message.find("member number"), std::string::npos);
}

TEST(WebSets, ExportAndImportCarrySetsAndTheSetsCsvHasARowPerEntry) {
  WebPage page;
  open_with_tunes(page);
  const int64_t id = make_set(page, 3);
  page.dispatch(ev::SetNameEdited{id, "Reels for Sunday"});
  page.dispatch(ev::SetNameLeft{id});
  page.dispatch(ev::ExportCollection{true});
  const auto json_files = page.effects_of<fx::DownloadText>();
  ASSERT_EQ(json_files.size(), 1u);
  const auto doc = nlohmann::json::parse(json_files[0].text);
  ASSERT_EQ(doc["sets"].size(), 1u);
  EXPECT_EQ(doc["sets"][0]["name"], "Reels for Sunday");

  page.dispatch(ev::ExportSetsCsv{});
  const auto csv = page.effects_of<fx::DownloadText>();
  ASSERT_EQ(csv.size(), 1u);
  EXPECT_EQ(csv[0].filename, "tunetrack-sets.csv");
  EXPECT_EQ(std::count(csv[0].text.begin(), csv[0].text.end(), '\n'), 4) << "a header and one row per entry";

  // Another page imports it: the set comes with its tunes; twice adds nothing.
  WebPage other;
  other.open();
  other.dispatch(ev::FilePicked{json_files[0].text, ""});
  ASSERT_EQ(other.model.sets.all.size(), 1u);
  EXPECT_EQ(other.model.sets.all[0].name, "Reels for Sunday");
  EXPECT_EQ(other.model.sets.all[0].entries.size(), 3u);
  EXPECT_NE(other.model.import_summary.find("sets: 1 added"), std::string::npos) << other.model.import_summary;
  other.dispatch(ev::FilePicked{json_files[0].text, ""});
  EXPECT_EQ(other.model.sets.all.size(), 1u);
}

TEST(WebSets, AReadOnlyTabChangesNoSet) {
  WebPage page;
  open_with_tunes(page);
  const int64_t id = make_set(page, 1);
  page.dispatch(ev::LockChanged{0});
  page.dispatch(ev::NewSet{});
  page.dispatch(ev::AddToSet{id, tune_at(page, 3)});
  page.dispatch(ev::DeleteSet{id});
  page.dispatch(ev::StartSetsSync{});
  EXPECT_EQ(page.model.sets.all.size(), 1u);
  EXPECT_EQ(page.model.sets.all[0].entries.size(), 1u);
  EXPECT_FALSE(page.model.syncing);
}

}  // namespace tt
