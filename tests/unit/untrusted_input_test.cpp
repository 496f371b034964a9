// Issue 12's fuzz findings, each reproduced by hand: untrusted input never
// throws, never recurses without bound, never slips out of its range, and
// messages never carry it whole.
#include <gtest/gtest.h>

#include <limits>

#include <nlohmann/json.hpp>

#include "core/collection_io.h"
#include "core/json_text.h"
#include "core/proxy_policy.h"
#include "core/proxy_routes.h"
#include "core/thesession_api.h"
#include "core/time_format.h"

namespace tt {
namespace {

std::string nested_array(size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

std::string page_with(const std::string& entries, const std::string& paging = R"("page":1,"pages":1)") {
  return "{" + paging + R"(,"tunes":[)" + entries + "]}";
}

}  // namespace

TEST(UntrustedQuery, NonUtf8ByteIsTheDocumented400) {
  for (const char* target : {"/api/thesession/tunes/1?%80", "/api/thesession/tunes/1?%80=1",
                             "/api/thesession/tunes/search?q=%C3", "/api/thesession/tunes/search?q=%ED%A0%80",
                             "/api/thesession/tunes/search?q=x&type=%FF"}) {
    const RouteDecision d = route_api_request(target);
    ASSERT_TRUE(d.refusal) << target;
    EXPECT_EQ(d.refusal->status, 400) << target;
    const ProxyReply reply = error_reply(d.refusal->status, d.refusal->code, d.refusal->message);
    EXPECT_TRUE(nlohmann::json::accept(reply.body)) << target;
  }
  // Valid UTF-8 still passes, and refusals quote an escaped excerpt only.
  EXPECT_TRUE(route_api_request("/api/thesession/tunes/search?q=M%C3%A1ire").route);
  const RouteDecision d = route_api_request("/api/thesession/tunes/1?" + std::string(500, 'k') + "=1");
  ASSERT_TRUE(d.refusal);
  EXPECT_LT(d.refusal->message.size(), 80u);
}

TEST(UntrustedQuery, ErrorReplyNeverThrowsOnBadBytes) {
  ProxyReply reply{0, "", std::nullopt};
  EXPECT_NO_THROW(reply = error_reply(400, "bad_request", std::string("bad \x80\xff text")));
  EXPECT_TRUE(nlohmann::json::accept(reply.body));
}

TEST(UntrustedJson, DeepNestingInAnIdIsRefusedWithoutRecursion) {
  const auto deep = parse_tunebook_page(page_with(R"({"id":)" + nested_array(100000) + R"(,"name":"x"})"));
  EXPECT_FALSE(deep.page);
  EXPECT_NE(deep.error.find("nested too deeply"), std::string::npos) << deep.error;
  EXPECT_LT(deep.error.size(), 200u);
  // Shallow enough to parse: the entry is an error line that describes, never dumps, the id.
  const auto shallow = parse_tunebook_page(page_with(R"({"id":)" + nested_array(10) + R"(,"name":"x"},{"id":2,"name":"B"})"));
  ASSERT_TRUE(shallow.page) << shallow.error;
  ASSERT_EQ(shallow.page->entry_errors.size(), 1u);
  EXPECT_EQ(shallow.page->entry_errors[0], "Tune #?: invalid id (an array)");
  EXPECT_EQ(shallow.page->tunes.size(), 1u);
  const auto long_string = parse_tunebook_page(page_with(R"({"id":")" + std::string(10000, 'z') + R"(","name":"x"})"));
  ASSERT_TRUE(long_string.page);
  EXPECT_LT(long_string.page->entry_errors.at(0).size(), 100u);
  EXPECT_FALSE(parse_tune_details("{\"id\":" + nested_array(5000) + "}").tune);
  EXPECT_FALSE(parse_search_results(page_with(nested_array(5000))).results);
}

TEST(UntrustedJson, NumbersAreBoundedToWhatTheyCanMean) {
  for (const char* paging : {R"("pages":4294967297)", R"("pages":2147483647)", R"("pages":"99999999999")",
                             R"("pages":-1)", R"("pages":1.5)", R"("page":0)", R"("total":9223372036854775807)"}) {
    const auto parsed = parse_tunebook_page(page_with(R"({"id":1,"name":"A"})", paging));
    EXPECT_FALSE(parsed.page) << paging;
    EXPECT_NE(parsed.error.find("expected a whole number"), std::string::npos) << parsed.error;
  }
  const auto ok = parse_tunebook_page(page_with(R"({"id":1,"name":"A"})", R"("page":"3","pages":2000)"));
  ASSERT_TRUE(ok.page) << ok.error;
  EXPECT_EQ(ok.page->pages, 2000);
  EXPECT_EQ(ok.page->page, 3);

  const auto tune = parse_tune_details(R"({"id":5,"name":"A","tunebooks":9223372036854775807})");
  EXPECT_FALSE(tune.tune);
  EXPECT_NE(tune.error.find("tunebooks"), std::string::npos) << tune.error;
  EXPECT_EQ(parse_tune_details(R"({"id":5,"name":"A","tunebooks":1234})").tune->tunebooks, 1234);
  // Ids: at most 10 digits, as thesession's own.
  const auto ids = parse_tunebook_page(page_with(R"({"id":18446744073709551615,"name":"A"},{"id":99999999999,"name":"B"})"));
  ASSERT_TRUE(ids.page);
  EXPECT_EQ(ids.page->entry_errors.size(), 2u);
}

TEST(UntrustedJson, BadTextInOneNameIsOneEntryError) {
  const std::string body = page_with(std::string(R"({"id":1,"name":"Good"},{"id":2,"name":"Bad )") + "\x80\xC3" +
                                     R"("},{"id":3,"name":"Lone \ud800 surrogate"},{"id":4,"name":"Pair \ud83c\udfb5"})");
  const auto parsed = parse_tunebook_page(body);
  ASSERT_TRUE(parsed.page) << parsed.error;
  ASSERT_EQ(parsed.page->tunes.size(), 2u);
  EXPECT_EQ(parsed.page->tunes[0].id, 1);
  EXPECT_EQ(parsed.page->tunes[1].id, 4);
  ASSERT_EQ(parsed.page->entry_errors.size(), 2u);
  EXPECT_EQ(parsed.page->entry_errors[0], "Tune #2: name is not valid text (bad UTF-8)");
  EXPECT_EQ(parsed.page->entry_errors[1], "Tune #3: name is not valid text (bad UTF-8)");
  // Broken JSON stays broken: repairing text never invents structure.
  EXPECT_FALSE(parse_tunebook_page(std::string("{\"tunes\":[\x80]}")).page);
}

TEST(UntrustedImport, NonStringFormatIsAClearError) {
  for (const char* text : {R"({"format":1,"tunes":[]})", R"({"format":null,"tunes":[]})",
                           R"({"format":["tunetrack-collection"],"tunes":[]})"}) {
    ImportParse parsed;
    EXPECT_NO_THROW(parsed = parse_import_json(text)) << text;
    EXPECT_NE(parsed.fatal.find("not a tunetrack export"), std::string::npos) << text;
  }
  EXPECT_NE(parse_import_json(nested_array(100000)).fatal.find("nested too deeply"), std::string::npos);
}

TEST(UntrustedImport, CountsAndIdsAreBounded) {
  const auto one = [](const std::string& fields) {
    return parse_import_json(R"({"format":"tunetrack-collection","tunes":[{"tune_id":1,"name":"A")" + fields + "}]}");
  };
  for (const char* fields : {R"(,"heard_count":4294967295)", R"(,"heard_count":2147483647)", R"(,"heard_count":-1)",
                             R"(,"tunebooks":9223372036854775807)", R"(,"heard_count":"3")"}) {
    const ImportParse parsed = one(fields);
    EXPECT_TRUE(parsed.entries.empty()) << fields;
    ASSERT_EQ(parsed.errors.size(), 1u) << fields;
    EXPECT_EQ(parsed.errors[0].rfind("Tune #1: invalid", 0), 0u) << parsed.errors[0];
  }
  EXPECT_EQ(one(R"(,"heard_count":12,"tunebooks":300)").entries.at(0).heard_count, 12);
  const ImportParse big_id = parse_import_json(R"([{"tune_id":18446744073709551615,"name":"A"}])");
  EXPECT_EQ(big_id.errors.at(0), "Tune #?: missing or invalid tune_id");
  const ImportParse status = one(R"(,"learn_status":")" + std::string(300, 'x') + "\"");
  EXPECT_LT(status.errors.at(0).size(), 100u);
}

TEST(UntrustedTime, FormatNearTheEdgesOfInt64) {
  EXPECT_EQ(format_iso8601_utc(-1), "1969-12-31T23:59:59Z");
  EXPECT_EQ(format_iso8601_utc(0), "1970-01-01T00:00:00Z");
  const std::string low = format_iso8601_utc(std::numeric_limits<int64_t>::min());
  const std::string high = format_iso8601_utc(std::numeric_limits<int64_t>::max());
  EXPECT_EQ(low.back(), 'Z');
  EXPECT_EQ(high.back(), 'Z');
}

TEST(UntrustedTime, OutOfRangeFieldsAreRefused) {
  for (const char* text : {"2026-02-31T-9:-9:-9Z", "2026-02-31T00:00:00Z", "2023-02-29T00:00:00Z",
                           "2026-13-01T00:00:00Z", "2026-00-10T00:00:00Z", "2026-01-01T24:00:00Z",
                           "2026-01-01T00:60:00Z", "2026-01-01T00:00:60Z", "+026-01-01T00:00:00Z",
                           "2026-01-01T00:00:00Zjunk", "2026-1-01T00:00:00Z"}) {
    EXPECT_FALSE(parse_iso8601_utc(text)) << text;
  }
  EXPECT_EQ(parse_iso8601_utc("2024-02-29T00:00:00Z"), 1709164800000);
  EXPECT_EQ(parse_iso8601_utc("2026-11-28T19:08:27Z"), 1795892907000);
}

TEST(JsonText, Utf8Validation) {
  EXPECT_TRUE(is_valid_utf8("Máire ♪ \xF0\x9F\x8E\xB5"));
  for (const char* bad : {"\x80", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE2\x82", "\xFF"}) {
    EXPECT_FALSE(is_valid_utf8(bad)) << quote_excerpt(bad);
  }
}

}  // namespace tt
