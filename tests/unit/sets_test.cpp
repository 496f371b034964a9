// Sets in core: the sets page parser on untrusted JSON, setting URLs, the key
// chain label, set rules (names, moving entries, what a set rating rates, the
// same set for import), the export's sets section, and the proxy's route.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/collection_io.h"
#include "core/proxy_policy.h"
#include "core/proxy_routes.h"
#include "core/sets_io.h"
#include "core/thesession_sets.h"
#include "core/tune_set.h"

namespace tt {
namespace {

using nlohmann::json;

std::string page_with(const json& sets) { return json{{"pages", 1}, {"page", 1}, {"sets", sets}}.dump(); }

json entry(std::string url) { return {{"url", std::move(url)}, {"name", "The Kesh"}, {"type", "Jig"}, {"key", "Gmajor"}}; }

SetEntry keyed(int64_t tune, std::string key) {
  SetEntry e;
  e.tune_id = tune;
  e.key = std::move(key);
  return e;
}

}  // namespace

TEST(SetsPage, ReadsSetsWithTheirTunesSettingsAndKeys) {
  const auto parsed = parse_sets_page(R"({"format":"json","pages":3,"page":2,"perpage":50,"total":120,
    "member":{"id":7,"name":"A"},"sets":[{"id":55,"name":" Kesh set ","url":"https://thesession.org/members/7/sets/55",
    "date":"2024-01-01 12:00:00","settings":[{"id":1,"url":"https://thesession.org/tunes/55#setting12","name":"The Kesh",
    "type":"Jig","key":"Gmajor"},{"url":"https://thesession.org/tunes/9","name":"Morrison's","type":"jig","key":"Edorian"}]}]})");
  ASSERT_TRUE(parsed.page) << parsed.error;
  EXPECT_EQ(parsed.page->pages, 3);
  EXPECT_EQ(parsed.page->page, 2);
  EXPECT_EQ(parsed.page->total, 120);
  EXPECT_EQ(parsed.page->member_id, 7);
  ASSERT_EQ(parsed.page->sets.size(), 1u);
  const FetchedSet& s = parsed.page->sets[0];
  EXPECT_EQ(s.id, 55);
  EXPECT_EQ(s.name, "Kesh set");
  ASSERT_EQ(s.entries.size(), 2u);
  EXPECT_EQ(s.entries[0].tune_id, 55);
  EXPECT_EQ(s.entries[0].setting_id, std::optional<int64_t>(12));
  EXPECT_EQ(s.entries[0].type, "jig");
  EXPECT_EQ(s.entries[0].key, "Gmajor");
  EXPECT_EQ(s.entries[1].tune_id, 9);
  EXPECT_FALSE(s.entries[1].setting_id);  // a URL without "#setting": the tune alone
}

TEST(SetsPage, AWholePageThatCannotBeReadFailsWithAClearMessage) {
  for (const char* body : {"", "not json", "[1,2]", R"({"pages":1})", R"({"sets":{}})", R"({"sets":"x"})",
                           R"({"pages":4294967297,"sets":[]})", R"({"pages":-1,"sets":[]})", R"({"page":"x","sets":[]})",
                           R"({"total":1e300,"sets":[]})"}) {
    const auto parsed = parse_sets_page(body);
    EXPECT_FALSE(parsed.page) << body;
    EXPECT_EQ(parsed.error.rfind(std::string(kInvalidSetsMessage), 0), 0u) << parsed.error;
    EXPECT_LT(parsed.error.size(), 200u);
  }
  const std::string deep = "{\"sets\":" + std::string(200, '[') + std::string(200, ']') + "}";
  EXPECT_FALSE(parse_sets_page(deep).page);
}

TEST(SetsPage, ABadSetOrEntryIsOneLineAndTheRestIsKept) {
  const json sets = json::array({
      "a string",
      {{"name", "no id"}},
      {{"id", -4}, {"name", "negative"}},
      {{"id", "12345678901"}, {"name", "too many digits"}},
      {{"id", 3}, {"settings", "not a list"}},
      {{"id", 4}, {"name", "bad \xEF\xBF\xBD"}},
      {{"id", 5}, {"name", ""}, {"settings", nullptr}},
      {{"id", 6}, {"name", "Six"}, {"settings", json::array({entry("javascript:alert(1)"), entry("/tunes/0"),
                                                            entry("https://thesession.org/tunes/1?x=1"),
                                                            entry("https://thesession.org/tunes/2#settingX"),
                                                            json{{"name", "no url"}}, 7, entry("/tunes/3#setting4")})}},
  });
  const auto parsed = parse_sets_page(page_with(sets));
  ASSERT_TRUE(parsed.page) << parsed.error;
  ASSERT_EQ(parsed.page->sets.size(), 2u);
  EXPECT_EQ(parsed.page->sets[0].name, "Set 5");  // no name: named by its id
  EXPECT_TRUE(parsed.page->sets[0].entries.empty());
  const FetchedSet& six = parsed.page->sets[1];
  ASSERT_EQ(six.entries.size(), 1u);
  EXPECT_EQ(six.entries[0].tune_id, 3);
  EXPECT_EQ(six.problems.size(), 6u);
  for (const auto& p : six.problems) {
    EXPECT_EQ(p.rfind("Set #6, tune ", 0), 0u) << p;
    EXPECT_LT(p.size(), 160u) << p;
  }
  EXPECT_EQ(parsed.page->entry_errors.size(), 6u);
  EXPECT_EQ(parsed.page->entry_errors[0], "Set #?: not an object");
  EXPECT_EQ(parsed.page->entry_errors[1], "Set #?: missing id");
}

TEST(SetsPage, ASetOfMoreTunesThanAnyoneSetsIsRefused) {
  json many = json::array();
  for (size_t i = 0; i <= kMaxSetEntries; ++i) many.push_back(entry("/tunes/" + std::to_string(i + 1)));
  const auto parsed = parse_sets_page(page_with(json::array({{{"id", 1}, {"settings", many}}})));
  ASSERT_TRUE(parsed.page);
  EXPECT_TRUE(parsed.page->sets.empty());
  ASSERT_EQ(parsed.page->entry_errors.size(), 1u);
  EXPECT_NE(parsed.page->entry_errors[0].find("more than 50"), std::string::npos);
}

TEST(SettingUrl, NamesATuneAndOptionallyASetting) {
  EXPECT_EQ(parse_setting_url("https://thesession.org/tunes/12#setting34")->setting_id, std::optional<int64_t>(34));
  EXPECT_EQ(parse_setting_url("http://127.0.0.1:8/tunes/12")->tune_id, 12);
  EXPECT_EQ(parse_setting_url("/tunes/9999999999")->tune_id, 9999999999);
  for (const char* bad : {"", "tunes/12", "/tunes/", "/tunes/012", "/tunes/12/", "/tunes/12#", "/tunes/12#setting",
                          "/tunes/12#setting1x", "/tunes/12#comment5", "/x/tunes/12", "https://thesession.org",
                          "https:///tunes/1", "ftp://h/tunes/1", "/tunes/12?format=json", "/tunes/1 2",
                          "/tunes/12345678901", "/tunes/1#setting12345678901", "/tunes/../tunes/1"}) {
    EXPECT_FALSE(parse_setting_url(bad)) << bad;
  }
}

TEST(SetKeyChain, ReadsLikeAMusicianWritesIt) {
  EXPECT_EQ(set_key_chain({keyed(1, "Gmajor"), keyed(2, "Dmajor"), keyed(3, "Adorian")}),
            "G major \xE2\x86\x92 D major \xE2\x86\x92 A dorian");
  EXPECT_EQ(set_key_chain({keyed(1, "F#minor"), keyed(2, "")}), "F# minor \xE2\x86\x92 ?");
  EXPECT_EQ(set_key_chain({keyed(1, "weird")}), "weird");  // shown as it came
  EXPECT_EQ(set_key_chain({}), "");
}

TEST(SetRules, NamesNotesAndMovingEntries) {
  EXPECT_EQ(check_set_name("  Jigs in G ").value, "Jigs in G");
  EXPECT_FALSE(check_set_name("   "));
  EXPECT_FALSE(check_set_name(std::string(kMaxSetNameBytes + 1, 'a')));
  EXPECT_FALSE(check_set_name("bad \xC3"));
  EXPECT_TRUE(check_set_notes(""));
  EXPECT_FALSE(check_set_notes(std::string(kMaxSetNotesBytes + 1, 'a')));

  std::vector<SetEntry> entries = {keyed(1, ""), keyed(2, ""), keyed(3, "")};
  ASSERT_TRUE(move_set_entry(entries, 0, 2));
  EXPECT_EQ(entries[0].tune_id, 2);
  EXPECT_EQ(entries[2].tune_id, 1);
  ASSERT_TRUE(move_set_entry(entries, 2, 0));
  EXPECT_EQ(entries[0].tune_id, 1);
  EXPECT_EQ(entries[1].tune_id, 2);
  EXPECT_FALSE(move_set_entry(entries, 3, 0));
  EXPECT_FALSE(move_set_entry(entries, 0, 3));
  EXPECT_EQ(entries[2].tune_id, 3);
}

TEST(SetRules, ASetRatingRatesEachCollectedTuneOnce) {
  std::vector<SetEntry> entries = {keyed(5, ""), keyed(6, ""), keyed(5, ""), keyed(7, "")};
  entries[1].in_collection = false;
  EXPECT_EQ(set_tunes_to_rate(entries), (std::vector<int64_t>{5, 7}));
}

TEST(SetRules, TheSameSetForImport) {
  TuneSet a, b;
  a.name = b.name = "Reels";
  a.entries = b.entries = {keyed(1, ""), keyed(2, "")};
  EXPECT_TRUE(same_set(a, b));
  b.entries[1].setting_id = 20;
  EXPECT_FALSE(same_set(a, b));  // another setting: another set
  b = a;
  b.name = "Other";
  EXPECT_FALSE(same_set(a, b));
  a.thesession_id = b.thesession_id = 9;  // brought in: the thesession id decides
  EXPECT_TRUE(same_set(a, b));
  b.thesession_id.reset();
  b.name = a.name;
  EXPECT_FALSE(same_set(a, b));
}

TEST(SetsExport, RoundTripsThroughTheExportAndOldExportsStillImport) {
  TuneSet set;
  set.id = 3;
  set.name = "Máire's, \"jigs\"";
  set.notes = "start slow";
  set.thesession_id = 470004;
  set.created_at_ms = 1700000000000;
  set.entries = {keyed(5, "Gmajor"), keyed(6, "")};
  set.entries[0].setting_id = 50;
  set.entries[0].name = "Five";
  set.entries[0].type = "jig";
  TuneSet empty;
  empty.name = "Empty";
  const ImportParse parsed = parse_import_json(export_json({}, {}, {set, empty}));
  ASSERT_TRUE(parsed.fatal.empty()) << parsed.fatal;
  ASSERT_EQ(parsed.sets.size(), 2u);
  EXPECT_EQ(parsed.sets[0].name, set.name);
  EXPECT_EQ(parsed.sets[0].notes, "start slow");
  EXPECT_EQ(parsed.sets[0].thesession_id, std::optional<int64_t>(470004));
  EXPECT_EQ(parsed.sets[0].created_at_ms, 1700000000000);
  ASSERT_EQ(parsed.sets[0].entries.size(), 2u);
  EXPECT_EQ(parsed.sets[0].entries[0].setting_id, std::optional<int64_t>(50));
  EXPECT_EQ(parsed.sets[0].entries[0].name, "Five");
  EXPECT_TRUE(same_set(parsed.sets[0], set));
  EXPECT_TRUE(parsed.sets[1].entries.empty());

  const ImportParse old = parse_import_json(R"({"format":"tunetrack-collection","version":1,"tunes":[]})");
  EXPECT_TRUE(old.fatal.empty());
  EXPECT_TRUE(old.sets.empty());
  EXPECT_TRUE(parse_import_json(R"({"format":"tunetrack-collection","tunes":[],"sets":null})").fatal.empty());
}

TEST(SetsExport, BadSetsAreLinesAndASectionThatIsNotAListStopsTheImport) {
  const ImportParse not_list = parse_import_json(R"({"format":"tunetrack-collection","tunes":[{"tune_id":1,"name":"A"}],"sets":{}})");
  EXPECT_FALSE(not_list.fatal.empty());
  EXPECT_TRUE(not_list.entries.empty());  // nothing at all is taken
  const ImportParse parsed = parse_import_json(R"({"format":"tunetrack-collection","tunes":[],"sets":[
    5, {"name":""}, {"name":"A","thesession_id":"x"}, {"name":"B","entries":"x"},
    {"name":"C","entries":[{"tune_id":1e40},{"tune_id":2,"setting_id":-1},{"tune_id":3,"name":"Three"}]}]})");
  ASSERT_TRUE(parsed.fatal.empty());
  ASSERT_EQ(parsed.sets.size(), 1u);
  EXPECT_EQ(parsed.sets[0].entries.size(), 1u);
  EXPECT_EQ(parsed.errors.size(), 6u);
}

TEST(SetsExport, TheSetsCsvHasOneRowPerTuneAndKeepsAnEmptySet) {
  TuneSet set;
  set.id = 1;
  set.name = "Reels, fast";
  set.thesession_id = 8;
  set.entries = {keyed(5, "Gmajor"), keyed(6, "Dmajor")};
  set.entries[1].setting_id = 61;
  TuneSet empty;
  empty.id = 2;
  empty.name = "Empty";
  const std::string csv = export_sets_csv({set, empty});
  EXPECT_EQ(csv,
            "set_id,set,position,tune_id,tune,type,key,setting_id,thesession_set_id,keys,thesession_key\r\n"
            "1,\"Reels, fast\",1,5,,,G major,,8,G major \xE2\x86\x92 D major,Gmajor\r\n"
            "1,\"Reels, fast\",2,6,,,D major,61,8,G major \xE2\x86\x92 D major,Dmajor\r\n"
            "2,Empty,,,,,,,,,\r\n");
}

TEST(SetsRoute, TheProxyForwardsAMembersSetsLikeTheirTunebook) {
  const RouteDecision ok = route_api_request("/api/thesession/members/42/sets?page=2&perpage=50");
  ASSERT_TRUE(ok.route);
  EXPECT_EQ(ok.route->kind, ProxyRouteKind::SetsPage);
  EXPECT_EQ(ok.route->upstream_target, "/members/42/sets?format=json&page=2&perpage=50");
  EXPECT_EQ(ok.route->subject, "Member #42");
  EXPECT_STREQ(route_class_name(ProxyRouteKind::SetsPage), "sets");
  for (const char* bad : {"/api/thesession/members/42/sets?perpage=51", "/api/thesession/members/42/sets?page=0",
                          "/api/thesession/members/42/sets?format=xml", "/api/thesession/members/042/sets",
                          "/api/thesession/members/42/sets/1", "/api/thesession/members/42/SETS",
                          "/api/thesession/members/42/sets?page=1&page=1"}) {
    EXPECT_FALSE(route_api_request(bad).route) << bad;
  }
  EXPECT_TRUE(upstream_body_problem(ProxyRouteKind::SetsPage, R"({"pages":1,"tunes":[]})"));
  EXPECT_FALSE(upstream_body_problem(ProxyRouteKind::SetsPage, R"({"pages":1,"sets":[{"id":"x"}]})"));
  CacheTtls ttls;
  EXPECT_EQ(ttls.for_route(ProxyRouteKind::SetsPage), ttls.tunebook_ms);
}

}  // namespace tt
