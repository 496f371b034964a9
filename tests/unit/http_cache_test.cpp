#include <gtest/gtest.h>

#include "core/http_cache.h"

namespace tt {

TEST(HttpCache, DatesRoundTripInTheOneAllowedForm) {
  EXPECT_EQ(format_http_date(784111777), "Sun, 06 Nov 1994 08:49:37 GMT");
  EXPECT_EQ(format_http_date(0), "Thu, 01 Jan 1970 00:00:00 GMT");
  EXPECT_EQ(parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT"), 784111777);
  EXPECT_EQ(parse_http_date(format_http_date(1795892907)), 1795892907);
  for (const char* bad : {"Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994", "Sun, 06 Nov 1994 08:49:37 UTC",
                          "Sun, 06 Xyz 1994 08:49:37 GMT", "Sun, 36 Nov 1994 08:49:37 GMT", "", "Sun, 06 Nov 1994 08:49:-7 GMT"}) {
    EXPECT_FALSE(parse_http_date(bad)) << bad;
  }
}

TEST(HttpCache, ConditionalRequests) {
  const std::string tag = entity_tag("{\"id\":1}");
  EXPECT_EQ(tag.size(), 18u);
  EXPECT_NE(tag, entity_tag("{\"id\":2}"));
  EXPECT_TRUE(not_modified(tag, "", tag, 100));
  EXPECT_TRUE(not_modified("\"x\", W/" + tag, "", tag, 100));
  EXPECT_TRUE(not_modified("*", "", tag, 100));
  EXPECT_FALSE(not_modified("\"x\"", format_http_date(200), tag, 100));  // If-None-Match wins
  EXPECT_TRUE(not_modified("", format_http_date(100), tag, 100));
  EXPECT_FALSE(not_modified("", format_http_date(99), tag, 100));
  EXPECT_FALSE(not_modified("", "yesterday", tag, 100));
  EXPECT_FALSE(not_modified("", "", tag, 100));
}

TEST(HttpCache, OnlyGoodAnswersAndBriefNotFoundsArePublic) {
  EXPECT_EQ(cache_control_for(200, 86400), "public, max-age=86400");
  EXPECT_EQ(cache_control_for(200, -5), "public, max-age=0");
  EXPECT_EQ(cache_control_for(404, 0), "public, max-age=60");
  for (int status : {400, 429, 451, 500, 503}) EXPECT_EQ(cache_control_for(status, 100), "no-store") << status;
}

}  // namespace tt

namespace tt {

TEST(HttpCache, GoodAnswersSayHowLongTheyMayBeServedStale) {
  EXPECT_EQ(cache_control_for(200, 60, {30, 86400}),
            "public, max-age=60, stale-while-revalidate=30, stale-if-error=86400");
  EXPECT_EQ(cache_control_for(200, 0, {30, 0}), "public, max-age=0, stale-while-revalidate=30");
  EXPECT_EQ(cache_control_for(200, 60, {}), "public, max-age=60");
  EXPECT_EQ(cache_control_for(404, 0, {30, 86400}), "public, max-age=60");  // a not-found is never kept stale
  EXPECT_EQ(cache_control_for(503, 0, {30, 86400}), "no-store");
}

TEST(HttpCache, FreshThenStaleWhileRevalidatingThenStaleOnlyForErrors) {
  EXPECT_EQ(decide_cache_use(false, 0, 30000, 86400000), CacheUse::Fetch);
  EXPECT_EQ(decide_cache_use(true, 1, 30000, 86400000), CacheUse::Fresh);
  EXPECT_EQ(decide_cache_use(true, 0, 30000, 86400000), CacheUse::StaleRevalidate);  // expired this very moment
  EXPECT_EQ(decide_cache_use(true, -29999, 30000, 86400000), CacheUse::StaleRevalidate);
  EXPECT_EQ(decide_cache_use(true, -30000, 30000, 86400000), CacheUse::FetchOrStale);
  EXPECT_EQ(decide_cache_use(true, 0, 0, 86400000), CacheUse::FetchOrStale);  // no grace: today's behaviour
  // Each window on its own: --stale-s 0 keeps the grace, and a copy kept for
  // the grace is never served on error past --stale-s.
  EXPECT_EQ(decide_cache_use(true, -1000, 30000, 0), CacheUse::StaleRevalidate);
  EXPECT_EQ(decide_cache_use(true, -30000, 30000, 0), CacheUse::Fetch);
  EXPECT_EQ(decide_cache_use(true, -30000, 30000, 30001), CacheUse::FetchOrStale);
  EXPECT_EQ(decide_cache_use(true, -30001, 30000, 30001), CacheUse::Fetch);
  EXPECT_EQ(revalidate_grace_ms(60000, 30000), 30000);
  EXPECT_EQ(revalidate_grace_ms(1000, 30000), 1000);  // never longer than the freshness
  EXPECT_EQ(revalidate_grace_ms(0, 30000), 0);        // TTL 0: ask upstream every time
}

}  // namespace tt

namespace tt {

TEST(HttpCache, AStaleCopyPromisesOnlyWhatIsLeftOfItsWindows) {
  EXPECT_EQ(cache_control_for(200, 60, stale_allowance_left(60000, 30000, 86400000)),
            "public, max-age=60, stale-while-revalidate=30, stale-if-error=86400");
  // Expired 12.5 s ago: 17 s of the grace left (whole seconds, never rounded up).
  EXPECT_EQ(cache_control_for(200, 0, stale_allowance_left(-12500, 30000, 86400000)),
            "public, max-age=0, stale-while-revalidate=17, stale-if-error=86387");
  // Past the grace, on error only; past both, nothing at all.
  EXPECT_EQ(cache_control_for(200, 0, stale_allowance_left(-31000, 30000, 86400000)),
            "public, max-age=0, stale-if-error=86369");
  EXPECT_EQ(cache_control_for(200, 0, stale_allowance_left(-31000, 30000, 0)), "public, max-age=0");
}

}  // namespace tt
