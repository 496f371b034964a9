#include <gtest/gtest.h>

#include "core/thesession_api.h"

namespace tt {

TEST(TunebookParse, ReadsThePublicShapeAndIgnoresUnknownKeys) {
  const auto parsed = parse_tunebook_page(R"({
    "format": "json", "pages": 3, "page": 1, "total": 120, "extra": {"x": 1},
    "member": {"id": 42, "name": "Áine", "url": "https://thesession.org/members/42"},
    "tunes": [
      {"id": 1, "name": "The Kesh", "url": "https://thesession.org/tunes/1", "type": "jig", "date": "x"},
      {"id": "2", "name": "Ìle’s Slip", "type": "Slip Jig"},
      {"id": 3, "name": "No type"}
    ]})");
  ASSERT_TRUE(parsed.page) << parsed.error;
  EXPECT_EQ(parsed.page->pages, 3);
  EXPECT_EQ(parsed.page->total, 120);
  EXPECT_EQ(parsed.page->member_id, 42);
  EXPECT_EQ(parsed.page->member_name, "Áine");
  ASSERT_EQ(parsed.page->tunes.size(), 3u);
  EXPECT_EQ(parsed.page->tunes[1].id, 2);
  EXPECT_EQ(parsed.page->tunes[1].type, "slip jig");
  EXPECT_EQ(parsed.page->tunes[2].type, "");
  EXPECT_TRUE(parsed.page->entry_errors.empty());
}

TEST(TunebookParse, MissingTunesListIsInvalidData) {
  const auto parsed = parse_tunebook_page(R"({"format":"json","pages":1})");
  EXPECT_FALSE(parsed.page);
  EXPECT_EQ(parsed.error.rfind("Invalid tunebook data received from thesession.org", 0), 0u);
}

TEST(TunebookParse, MalformedJsonIsInvalidData) {
  for (const char* body : {"{\"tunes\":[", "", "<html>", "[1,2]", "null"}) {
    const auto parsed = parse_tunebook_page(body);
    EXPECT_FALSE(parsed.page) << body;
    EXPECT_EQ(parsed.error.rfind("Invalid tunebook data received from thesession.org", 0), 0u) << body;
  }
}

TEST(TunebookParse, BadEntriesBecomeErrorLinesAndTheRestIsKept) {
  const auto parsed = parse_tunebook_page(R"({"pages":1,"tunes":[
      {"id": 123}, {"name": "No id"}, {"id": -4, "name": "Negative"}, {"id": 7, "name": "   "},
      "not an object", {"id": 8, "name": "Good"}]})");
  ASSERT_TRUE(parsed.page);
  ASSERT_EQ(parsed.page->tunes.size(), 1u);
  EXPECT_EQ(parsed.page->tunes[0].id, 8);
  const std::vector<std::string> expected = {"Tune #123: missing name", "Tune #?: missing id",
                                             "Tune #?: invalid id (the number -4)", "Tune #7: missing name",
                                             "Tune #?: entry is not an object"};
  EXPECT_EQ(parsed.page->entry_errors, expected);
}

TEST(TunebookParse, PagesDefaultsToOneAndNeverBelow) {
  auto parsed = parse_tunebook_page(R"({"tunes":[]})");
  ASSERT_TRUE(parsed.page);
  EXPECT_EQ(parsed.page->pages, 1);
  parsed = parse_tunebook_page(R"({"pages":0,"tunes":[]})");
  EXPECT_EQ(parsed.page->pages, 1);
}

TEST(TuneDetailsParse, ReadsSettingsAliasesAndPopularity) {
  const auto parsed = parse_tune_details(R"({"id":55,"name":"Drowsy Maggie","type":"reel","tunebooks":3000,
     "aliases":["Drowsy Mag", {"name":"Maggie"}],
     "settings":[{"id":1,"key":"Edorian","abc":"|:E2BE dEBE:|"},{"id":2,"key":"Dmajor","abc":"x"}]})");
  ASSERT_TRUE(parsed.tune) << parsed.error;
  EXPECT_EQ(parsed.tune->tunebooks, 3000);
  EXPECT_EQ(parsed.tune->aliases, (std::vector<std::string>{"Drowsy Mag", "Maggie"}));
  ASSERT_EQ(parsed.tune->settings.size(), 2u);
  EXPECT_EQ(parsed.tune->settings[0].key, "Edorian");
  EXPECT_EQ(parsed.tune->settings[0].abc, "|:E2BE dEBE:|");
  EXPECT_FALSE(parse_tune_details("{}").tune);
}

TEST(SearchParse, ReadsResults) {
  const auto parsed = parse_search_results(R"({"q":"kesh","total":2,"pages":1,"page":1,
      "tunes":[{"id":1,"name":"The Kesh","type":"jig"},{"id":2,"name":"Kesh Reel","type":"reel"}]})");
  ASSERT_TRUE(parsed.results);
  EXPECT_EQ(parsed.results->tunes.size(), 2u);
  EXPECT_FALSE(parse_search_results(R"({"q":"x"})").results);
}

TEST(ThesessionId, DigitsOnlyWithoutLeadingZero) {
  EXPECT_EQ(parse_thesession_id("12345"), 12345);
  EXPECT_EQ(parse_thesession_id("9999999999"), 9999999999);
  for (const char* bad : {"", "0", "012", "-5", "+5", "12a", " 12", "12345678901", "1e3"}) {
    EXPECT_FALSE(parse_thesession_id(bad)) << bad;
  }
}

TEST(ApiEndpoint, BuildsDirectAndProxiedUrls) {
  const ApiEndpoint direct{"https://thesession.org", false};
  EXPECT_EQ(direct.tunebook_page(7, 2, 50), "https://thesession.org/members/7/tunebook?format=json&page=2&perpage=50");
  EXPECT_EQ(direct.tune(9), "https://thesession.org/tunes/9?format=json");
  EXPECT_EQ(direct.search("Ó’s & co", 1, 10),
            "https://thesession.org/tunes/search?format=json&q=%C3%93%E2%80%99s%20%26%20co&page=1&perpage=10");
  const ApiEndpoint proxied{normalise_base_url("http://127.0.0.1:8080/"), true};
  EXPECT_EQ(proxied.tunebook_page(7, 1, 50), "http://127.0.0.1:8080/api/thesession/members/7/tunebook?page=1&perpage=50");
  EXPECT_EQ(proxied.member(7), "http://127.0.0.1:8080/api/thesession/members/7");
  EXPECT_EQ(proxied.tune(9), "http://127.0.0.1:8080/api/thesession/tunes/9");
}

}  // namespace tt
