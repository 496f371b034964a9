// The page's appearance and accessibility logic, natively: the palettes'
// contrast, the light/dark and text-size choices, what the aria-live region
// announces, the mirror's JSON and the header's words for thesession.org.
#include <nlohmann/json.hpp>

#include "tests/fake_thesession/synthetic_data.h"
#include "tests/integration/web_page.h"
#include "web/accessibility/a11y_node.h"
#include "web/screens/theme_palette.h"

namespace tt {
namespace {

using testing::WebPage;
namespace event = web::event;

constexpr int64_t kMember = fake::kFirstMember + 30;

std::string tunebook_url(int64_t member, int page) {
  return "/api/thesession/members/" + std::to_string(member) + "/tunebook?page=" + std::to_string(page);
}

void sync_member(WebPage& page, int64_t member, int tunes) {
  page.dispatch(event::MemberIdEdited{std::to_string(member)});
  page.dispatch(event::StartSync{});
  page.answer(tunebook_url(member, 1), WebPage::ok(fake::tunebook_page_json(member, 1, 50)));
  page.pass(0);
  ASSERT_FALSE(page.model.syncing);
  ASSERT_EQ(page.model.collection.entries().size(), static_cast<size_t>(tunes));
}

bool announced(const WebPage& page, const std::string& part) {
  for (const auto& line : page.model.announcements.lines) {
    if (line.find(part) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

TEST(WebAppearance, EveryTextColourHasContrastOfAtLeast4AndAHalfInBothThemes) {
  for (const bool dark : {false, true}) {
    const web::Palette& p = web::palette(dark);
    const struct { const char* what; web::Rgb text, background; } pairs[] = {
        {"text", p.text, p.background},
        {"secondary text", p.text_disabled, p.background},
        {"an error", p.error_text, p.background},
        {"a warning", p.warning_text, p.background},
        {"an error banner", p.text, p.banner_error},
        {"a warning banner", p.text, p.banner_warning},
        {"an info banner", p.text, p.banner_info},
        {"a button", p.text, p.button},
        {"a hovered button", p.text, p.button_hovered},
        {"a pressed button", p.text, p.button_active},
        {"a field", p.text, p.frame},
        {"a hint in a field", p.text_disabled, p.frame},
        {"the chosen section", p.text, p.selected},
        {"the done card", p.text, p.done},
        {"an alternate row", p.text, p.row_alternate},
        {"secondary text on an alternate row", p.text_disabled, p.row_alternate},
    };
    for (const auto& pair : pairs) {
      EXPECT_GE(web::contrast_ratio(pair.text, pair.background), 4.5)
          << (dark ? "dark: " : "light: ") << pair.what;
    }
  }
  // The measure itself: black on white is 21, a colour on itself 1.
  EXPECT_NEAR(web::contrast_ratio({0, 0, 0}, {1, 1, 1}), 21.0, 1e-9);
  EXPECT_NEAR(web::contrast_ratio({0.5f, 0.5f, 0.5f}, {0.5f, 0.5f, 0.5f}), 1.0, 1e-9);
}

TEST(WebAppearance, FollowsTheSystemUntilAThemeIsPickedAndKeepsThePickOnTheDevice) {
  WebPage page;
  page.dispatch(event::PreferencesLoaded{"", "", true});
  EXPECT_EQ(page.model.appearance.theme, web::ThemeChoice::System);
  EXPECT_TRUE(page.model.appearance.dark());
  page.dispatch(event::SystemThemeChanged{false});
  EXPECT_FALSE(page.model.appearance.dark());

  page.dispatch(event::SetTheme{web::ThemeChoice::Dark});
  EXPECT_TRUE(page.model.appearance.dark());
  const auto stored = page.effects_of<web::effect::StorePreference>();
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored[0].key, web::kThemePreference);
  EXPECT_EQ(stored[0].value, "dark");
  page.dispatch(event::SystemThemeChanged{false});
  EXPECT_TRUE(page.model.appearance.dark()) << "a picked theme wins over the system";

  page.dispatch(event::SetTextSize{web::TextSize::Huge});
  EXPECT_FLOAT_EQ(page.model.appearance.text_scale(), 1.5f);
  EXPECT_EQ(page.effects_of<web::effect::StorePreference>().at(0).value, "huge");
}

TEST(WebAppearance, SavedChoicesThatMakeNoSenseFallBackToTheDefaults) {
  WebPage page;
  page.dispatch(event::PreferencesLoaded{"purple", "enormous", false});
  EXPECT_EQ(page.model.appearance.theme, web::ThemeChoice::System);
  EXPECT_EQ(page.model.appearance.text_size, web::TextSize::Normal);
  page.dispatch(event::PreferencesLoaded{"light", "small", true});
  EXPECT_EQ(page.model.appearance.theme, web::ThemeChoice::Light);
  EXPECT_FALSE(page.model.appearance.dark());
  EXPECT_FLOAT_EQ(page.model.appearance.text_scale(), 0.875f);
}

TEST(WebAnnouncements, ASyncIsAnnouncedWhenItStartsAtEachStageAndWithItsResult) {
  WebPage page;
  page.open();
  sync_member(page, kMember, 30);
  EXPECT_TRUE(announced(page, "Sync started."));
  EXPECT_TRUE(announced(page, "Fetching tunebook, 10 percent."));
  EXPECT_TRUE(announced(page, "Adding to collection"));
  EXPECT_TRUE(announced(page, "Sync done: 30 tunes fetched, 30 added to collection"));
  EXPECT_FALSE(announced(page, "Saved.")) << "not before IndexedDB has it";
  page.dispatch(event::Saved{""});
  EXPECT_TRUE(announced(page, "Saved.")) << "the sync's one save, once it is written";
  const uint64_t count = page.model.announcements.count;
  page.dispatch(event::Tick{});
  EXPECT_EQ(page.model.announcements.count, count) << "nothing new, nothing said";
}

TEST(WebAnnouncements, AnEmptyTunebookIsNamedForTheMember) {
  WebPage page;
  page.open();
  const int64_t empty = fake::kFirstMember;  // member 100000 has no tunes
  page.dispatch(event::MemberIdEdited{std::to_string(empty)});
  page.dispatch(event::StartSync{});
  page.answer(tunebook_url(empty, 1), WebPage::ok(fake::tunebook_page_json(empty, 1, 50)));
  page.pass(0);
  ASSERT_TRUE(page.model.last_sync);
  EXPECT_EQ(page.model.last_sync->tunes_fetched, 0);
  EXPECT_TRUE(announced(page, "Member " + std::to_string(empty) + " has no tunes in their tunebook yet."));
}

TEST(WebAnnouncements, AFailedSyncAndAFormErrorAreSaidAndAFailedSaveIsNotCalledSaved) {
  WebPage page;
  page.open();
  page.dispatch(event::MemberIdEdited{"abc"});
  page.dispatch(event::StartSync{});
  EXPECT_TRUE(announced(page, "\"abc\" is not a member number"));

  page.dispatch(event::MemberIdEdited{std::to_string(kMember)});
  page.dispatch(event::StartSync{});
  page.answer(tunebook_url(kMember, 1), WebPage::status(404));
  EXPECT_TRUE(announced(page, "Sync failed:"));
  EXPECT_TRUE(announced(page, "Nothing was changed."));

  // A change, then its save fails: the banner is said, "Saved." is not.
  sync_member(page, kMember, 30);
  page.dispatch(event::Saved{""});
  const auto& entry = page.model.collection.entries().front();
  page.dispatch(event::SetStatus{entry.tune_id, LearnStatus::Learning});
  ASSERT_TRUE(page.model.saving);
  const uint64_t before = page.model.announcements.count;
  page.dispatch(event::Saved{"Browser storage is full (quota exceeded)"});
  ASSERT_GT(page.model.announcements.count, before);
  EXPECT_NE(page.model.announcements.lines.back(), "Saved.");
  EXPECT_TRUE(announced(page, "quota exceeded"));
}

TEST(WebMirror, ItsJsonIsInCssPixelsAndSurvivesInvalidUtf8) {
  web::A11yNode row;
  row.role = "row";
  row.name = std::string("Bad \xC3 name");
  row.cells = {"reel", "G major", "learning", "added 2026-01-01"};
  row.rect = {30, 60, 300, 90};
  row.size = {300, 90};
  web::A11yNode tab;
  tab.role = "tab";
  tab.name = "Collection";
  tab.checkable = tab.checked = true;
  tab.key = "tab_collection";
  const auto doc = nlohmann::json::parse(web::mirror_json({row, tab}, 3.0));
  ASSERT_EQ(doc.size(), 2u);
  EXPECT_EQ(doc[0]["rect"], nlohmann::json({10, 20, 100, 30}));
  EXPECT_EQ(doc[0]["cells"][1], "G major");
  EXPECT_EQ(doc[1]["checked"], true);
  EXPECT_EQ(doc[1]["key"], "tab_collection");
  EXPECT_TRUE(web::is_interactive("row"));
  EXPECT_FALSE(web::is_interactive("heading"));
}

TEST(WebMirror, ItsTableHoldsEveryRowOfTheListInItsOrderAndFollowsAFilter) {
  WebPage page;
  page.open();
  sync_member(page, kMember, 30);
  const auto& view = page.model.collection;
  auto doc = nlohmann::json::parse(web::mirror_rows_json(view));
  ASSERT_EQ(doc["total"], 30);
  ASSERT_EQ(doc["rows"].size(), 30u) << "a short list is all in the table: table navigation and find reach every tune";
  for (size_t i = 0; i < view.visible().size(); ++i) {
    const CollectionEntry& e = view.entries()[view.visible()[i]];
    EXPECT_EQ(doc["rows"][i]["tune"], e.tune_id) << "row " << i << " in the list's order";
    EXPECT_EQ(doc["rows"][i]["name"], e.name);
    EXPECT_EQ(doc["rows"][i]["cells"][2], "want to learn");
  }

  // A filter (and a heard tune) moves the revision on; the rows follow.
  const uint64_t before = view.revision();
  const CollectionEntry first = view.entries()[view.visible()[0]];
  page.dispatch(event::Heard{first.tune_id, false});
  EXPECT_NE(view.revision(), before);
  auto only = page.model.view;
  only.filter.type = first.type;
  page.dispatch(event::ViewChanged{only, true});
  doc = nlohmann::json::parse(web::mirror_rows_json(view));
  ASSERT_LT(doc["total"].get<size_t>(), 30u);
  ASSERT_EQ(doc["rows"].size(), doc["total"].get<size_t>());
  bool found = false;
  for (const auto& row : doc["rows"]) {
    EXPECT_EQ(row["cells"][0], first.type);
    if (row["tune"] != first.tune_id) continue;
    found = true;
    EXPECT_EQ(row["name"], first.name + "  (heard 1)");
  }
  EXPECT_TRUE(found);

  // A list longer than the mirror holds: its length only (the rows on screen come with the frame).
  const size_t shown = doc["total"].get<size_t>();
  doc = nlohmann::json::parse(web::mirror_rows_json(view, shown - 1));
  EXPECT_EQ(doc["total"].get<size_t>(), shown);
  EXPECT_TRUE(doc["rows"].empty());
}

TEST(WebHealth, TheHeaderSaysWhetherThesessionOrgIsReachableInAMusiciansWords) {
  const struct { const char* state; const char* words; } cases[] = {
      {"closed", "thesession.org reachable"},
      {"open", "thesession.org unreachable"},
      {"half_open", "thesession.org slow"},
  };
  for (const auto& c : cases) {
    WebPage page;
    page.dispatch(event::StorageLoaded{""});
    page.answer("/healthz", WebPage::ok(std::string(R"({"version":"1.2.3","upstream":{"state":")") + c.state + "\"}}"));
    EXPECT_EQ(page.model.thesession_status, c.words);
    EXPECT_EQ(page.model.healthz, std::string("proxy 1.2.3, ") + c.words);
  }
  WebPage down;
  down.dispatch(event::StorageLoaded{""});
  HttpOutcome refused;
  refused.transport_error = "connection refused";
  down.answer("/healthz", refused);
  EXPECT_EQ(down.model.thesession_status, "thesession.org can't be reached");
  EXPECT_EQ(down.model.healthz, "proxy unreachable: " + describe_failure(refused)) << "one level of explanation";

  // Back online, the proxy is asked again: the header follows what is true now.
  down.dispatch(event::OnlineChanged{false});
  down.dispatch(event::OnlineChanged{true});
  ASSERT_TRUE(down.has_fetch("/healthz"));
  down.answer("/healthz", WebPage::ok(R"({"version":"1.2.3","upstream":{"state":"closed"}})"));
  EXPECT_EQ(down.model.thesession_status, "thesession.org reachable");
}

}  // namespace tt
