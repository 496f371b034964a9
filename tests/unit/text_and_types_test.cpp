#include <gtest/gtest.h>

#include "core/learn_status.h"
#include "core/text_fold.h"
#include "core/time_format.h"
#include "core/tune_type.h"
#include "core/url.h"

namespace tt {

TEST(TextFold, LowersAndStripsIrishAndScottishAccents) {
  EXPECT_EQ(fold_for_search("Ìle"), "ile");
  EXPECT_EQ(fold_for_search("Ó Briain’s Fáinne"), "o briain's fainne");
  EXPECT_EQ(fold_for_search("DÒMHNALL Ceòl"), "domhnall ceol");
  EXPECT_EQ(fold_for_search("Æ ß Œ"), "ae ss oe");
  EXPECT_EQ(fold_for_search("“Quoted” – dash"), "\"quoted\" - dash");
}

TEST(TextFold, KeepsOtherCharactersAndInvalidBytes) {
  EXPECT_EQ(fold_for_search("Ω 東"), "Ω 東");
  const std::string broken = std::string("a\xC3") + "b";
  EXPECT_EQ(fold_for_search(broken), broken);  // truncated sequence passes through
  EXPECT_EQ(fold_for_search(""), "");
}

TEST(TextFold, FoldedNeedleMatchesAccentedHaystack) {
  EXPECT_TRUE(folded_contains(fold_for_search("Máire’s Reel"), fold_for_search("MAIRE'S")));
  EXPECT_FALSE(folded_contains(fold_for_search("Máire’s Reel"), fold_for_search("jig")));
}

TEST(LearnStatus, ParsesIdentifiersLabelsAndDashedForms) {
  EXPECT_EQ(parse_learn_status("want_to_learn"), LearnStatus::WantToLearn);
  EXPECT_EQ(parse_learn_status("Want to learn"), LearnStatus::WantToLearn);
  EXPECT_EQ(parse_learn_status("want-to-learn"), LearnStatus::WantToLearn);
  EXPECT_EQ(parse_learn_status("LEARNED"), LearnStatus::Learned);
  EXPECT_EQ(parse_learn_status("learning"), LearnStatus::Learning);
  EXPECT_FALSE(parse_learn_status("mastered"));
  EXPECT_EQ(to_string(LearnStatus::WantToLearn), "want_to_learn");
  EXPECT_EQ(label(LearnStatus::WantToLearn), "want to learn");
}

TEST(TuneType, NormalisesSpellingsToThesessionTypes) {
  EXPECT_EQ(normalise_tune_type("Slip Jig"), "slip jig");
  EXPECT_EQ(normalise_tune_type("slip-jig"), "slip jig");
  EXPECT_EQ(normalise_tune_type("slipjig"), "slip jig");
  EXPECT_EQ(normalise_tune_type("  REEL "), "reel");
  EXPECT_EQ(normalise_tune_type("three two"), "three-two");
  EXPECT_EQ(normalise_tune_type("3/2"), "three-two");
  EXPECT_EQ(normalise_tune_type("Barn Dance"), "barndance");
  EXPECT_EQ(normalise_tune_type("schottische"), "schottische");  // unknown kept
  EXPECT_EQ(known_tune_types().size(), 12u);
  for (const auto& type : known_tune_types()) EXPECT_EQ(normalise_tune_type(type), type);
}

TEST(TimeFormat, RoundTripsIso8601Utc) {
  EXPECT_EQ(format_iso8601_utc(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(format_iso8601_utc(1795892907000), "2026-11-28T19:08:27Z");
  EXPECT_EQ(parse_iso8601_utc("2026-11-28T19:08:27Z"), 1795892907000);
  EXPECT_EQ(parse_iso8601_utc("2024-02-29T00:00:00Z"), 1709164800000);
  EXPECT_FALSE(parse_iso8601_utc("2026-11-28 19:08:27"));
  EXPECT_FALSE(parse_iso8601_utc("yesterday"));
}

TEST(TimeFormat, MonthIndexesCountAsTheIsoTextsMonth) {
  // Month edges, a leap day, before 1970: the same month as the text says.
  for (const int64_t ms : {int64_t{0}, int64_t{-1}, int64_t{1709164800000}, int64_t{1709251199999},
                           int64_t{1709251200000}, int64_t{1795892907000}, int64_t{-86400000LL * 400}}) {
    EXPECT_EQ(format_month_index(utc_month_index(ms)), format_iso8601_utc(ms).substr(0, 7)) << ms;
  }
  EXPECT_EQ(utc_month_index(1709251200000) - utc_month_index(1709164800000), 1);  // Feb 29 to Mar 1, 2024
}

TEST(Url, SplitsOriginAndTarget) {
  auto u = parse_url("https://thesession.org/members/1/tunebook?format=json");
  ASSERT_TRUE(u);
  EXPECT_EQ(u->host, "thesession.org");
  EXPECT_EQ(u->port, 443);
  EXPECT_EQ(u->target, "/members/1/tunebook?format=json");
  EXPECT_EQ(u->origin(), "https://thesession.org");
  u = parse_url("http://127.0.0.1:8080");
  ASSERT_TRUE(u);
  EXPECT_EQ(u->port, 8080);
  EXPECT_EQ(u->target, "/");
  EXPECT_EQ(u->origin(), "http://127.0.0.1:8080");
  EXPECT_FALSE(parse_url("ftp://x/"));
  EXPECT_FALSE(parse_url("http://user@host/"));
  EXPECT_FALSE(parse_url("http://host:99999/"));
  EXPECT_FALSE(parse_url("thesession.org"));
}

}  // namespace tt

#include "core/view_state.h"

namespace tt {

TEST(ViewState, RoundTripsThroughTheUrlFragment) {
  ViewState view;
  view.filter.search = "Máire’s & co";
  view.filter.type = "slip jig";
  view.filter.status = LearnStatus::Learning;
  view.open_tune = 123;
  const std::string fragment = to_fragment(view);
  EXPECT_EQ(fragment.find(' '), std::string::npos);
  EXPECT_TRUE(parse_fragment("#" + fragment) == view);
  EXPECT_EQ(to_fragment(ViewState{}), "");
  ViewState add_tab;
  add_tab.tab = "add";
  EXPECT_EQ(to_fragment(add_tab), "tab=add");
  EXPECT_TRUE(parse_fragment("tab=add") == add_tab);
}

TEST(ViewState, IgnoresGarbage) {
  const ViewState view = parse_fragment("q=%ZZ&status=bogus&tune=12abc&tab=evil&&=x&type=reel");
  EXPECT_EQ(view.filter.search, "");
  EXPECT_FALSE(view.filter.status);
  EXPECT_EQ(view.open_tune, 0);
  EXPECT_EQ(view.tab, "collection");
  EXPECT_EQ(view.filter.type, "reel");
}

}  // namespace tt
