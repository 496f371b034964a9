// The proxy's politeness towards thesession.org, driven with a fake clock:
// the concurrency cap, the rate cap (queued, never refused), and the pause
// upstream asks for with Retry-After.
#include <gtest/gtest.h>

#include <stdexcept>

#include "core/upstream_politeness.h"

namespace tt {
namespace {
using Kind = UpstreamPoliteness::Admission::Kind;
}

TEST(UpstreamPoliteness, CapsCallsInFlightAndWaitsForAFreeSlot) {
  UpstreamPoliteness polite(2, 0, 1);  // no rate cap
  EXPECT_EQ(polite.try_start(0).kind, Kind::Start);
  EXPECT_EQ(polite.try_start(0).kind, Kind::Start);
  const auto third = polite.try_start(0);
  EXPECT_EQ(third.kind, Kind::Wait);  // queued, not refused
  EXPECT_GT(third.ms, 0);
  EXPECT_EQ(polite.in_flight(), 2);
  polite.finish();
  EXPECT_EQ(polite.try_start(1).kind, Kind::Start);
}

TEST(UpstreamPoliteness, RateCapLetsABurstThroughThenSpacesCalls) {
  UpstreamPoliteness polite(100, 4, 2);  // 4 per second, bursts of 2
  EXPECT_EQ(polite.try_start(1000).kind, Kind::Start);
  EXPECT_EQ(polite.try_start(1000).kind, Kind::Start);
  auto next = polite.try_start(1000);
  ASSERT_EQ(next.kind, Kind::Wait);
  EXPECT_EQ(next.ms, 250);  // one token every 250 ms
  EXPECT_EQ(polite.try_start(1100).kind, Kind::Wait);
  EXPECT_EQ(polite.try_start(1250).kind, Kind::Start);
  // A long quiet spell refills only up to the burst.
  EXPECT_EQ(polite.try_start(60000).kind, Kind::Start);
  EXPECT_EQ(polite.try_start(60000).kind, Kind::Start);
  EXPECT_EQ(polite.try_start(60000).kind, Kind::Wait);
  // Over a minute, no more than burst + rate * time calls start.
  UpstreamPoliteness counted(100, 4, 2);
  int started = 0;
  for (int64_t t = 0; t <= 60000; t += 10) {
    if (counted.try_start(t).kind != Kind::Start) continue;
    ++started;
    counted.finish();  // each call is quick: only the rate holds them back
  }
  EXPECT_LE(started, 2 + 4 * 60);
  EXPECT_GE(started, 4 * 60);
}

TEST(UpstreamPoliteness, APauseRefusesEveryCallUntilItEnds) {
  UpstreamPoliteness polite(4, 10, 10);
  polite.pause(1000, 5000);
  auto a = polite.try_start(1000);
  EXPECT_EQ(a.kind, Kind::Paused);
  EXPECT_EQ(a.ms, 5000);
  EXPECT_EQ(polite.try_start(5999).kind, Kind::Paused);
  EXPECT_EQ(polite.try_start(5999).ms, 1);
  EXPECT_EQ(polite.try_start(6000).kind, Kind::Start);
  // A shorter pause never shortens a longer one; a longer one extends it.
  polite.pause(7000, 3000);
  polite.pause(7000, 1000);
  EXPECT_EQ(polite.paused_for_ms(7000), 3000);
  polite.pause(8000, 5000);
  EXPECT_EQ(polite.paused_for_ms(8000), 5000);
  // Upstream cannot silence the proxy for days.
  polite.pause(0, 86400000);
  EXPECT_EQ(polite.paused_for_ms(0), kMaxUpstreamPauseMs);
}

TEST(UpstreamPoliteness, WhichAnswersAskForAPause) {
  HttpOutcome too_many;
  too_many.status = 429;
  too_many.retry_after_ms = 5000;
  EXPECT_EQ(upstream_pause_ms(too_many), 5000);
  too_many.retry_after_ms.reset();
  EXPECT_EQ(upstream_pause_ms(too_many), kDefaultTooManyPauseMs);
  too_many.retry_after_ms = 999999999;
  EXPECT_EQ(upstream_pause_ms(too_many), kMaxUpstreamPauseMs);
  HttpOutcome busy;
  busy.status = 503;
  EXPECT_FALSE(upstream_pause_ms(busy));  // the breakers count bare failures
  busy.retry_after_ms = 30000;
  EXPECT_EQ(upstream_pause_ms(busy), 30000);
  HttpOutcome fine;
  fine.status = 200;
  fine.retry_after_ms = 5000;
  EXPECT_FALSE(upstream_pause_ms(fine));
}

TEST(UpstreamPoliteness, FinishingACallNeverStartedIsLoud) {
  UpstreamPoliteness polite(1, 0, 1);
  EXPECT_THROW(polite.finish(), std::logic_error);
}

}  // namespace tt
