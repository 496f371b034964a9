#include <gtest/gtest.h>

#include "core/proxy_policy.h"

namespace tt {

TEST(CircuitBreaker, OpensOnlyOnFailuresOfDistinctRequests) {
  CircuitBreaker b(3, 1000);
  for (int i = 0; i < 10; ++i) b.record_failure(0, "/members/1/tunebook?page=1");  // one broken resource
  EXPECT_EQ(b.state(0), CircuitBreaker::State::Closed);
  b.record_failure(0, "/members/2/tunebook?page=1");
  EXPECT_EQ(b.state(0), CircuitBreaker::State::Closed);
  b.record_failure(0, "/members/3/tunebook?page=1");
  EXPECT_EQ(b.state(0), CircuitBreaker::State::Open);
  EXPECT_FALSE(b.allow(500));
  EXPECT_EQ(b.retry_after_ms(500), 500);
}

TEST(CircuitBreaker, ASuccessEndsTheRunAndAFailedTrialReopens) {
  CircuitBreaker b(2, 1000);
  b.record_failure(0, "a");
  b.record_success();
  b.record_failure(0, "b");
  EXPECT_EQ(b.state(0), CircuitBreaker::State::Closed);
  b.record_failure(0, "c");
  EXPECT_EQ(b.state(0), CircuitBreaker::State::Open);
  EXPECT_TRUE(b.allow(1000));   // half-open: one trial
  EXPECT_FALSE(b.allow(1000));  // and only one
  b.record_failure(1000, "c");  // the same request, yet a failed trial reopens
  EXPECT_EQ(b.state(1001), CircuitBreaker::State::Open);
  EXPECT_TRUE(b.allow(2000));
  b.record_success();
  EXPECT_EQ(b.state(2000), CircuitBreaker::State::Closed);
}

}  // namespace tt

namespace tt {

TEST(UpstreamBody, WhatTheAppWouldRefuseWhollyIsNotPassedOn) {
  EXPECT_FALSE(upstream_body_problem(ProxyRouteKind::TunebookPage, R"({"pages":1,"tunes":[{"id":1}]})"));  // bad entry: passes
  EXPECT_TRUE(upstream_body_problem(ProxyRouteKind::TunebookPage, R"({"pages":4294967297,"tunes":[]})"));
  EXPECT_TRUE(upstream_body_problem(ProxyRouteKind::TunebookPage, R"({"pages":1})"));
  EXPECT_TRUE(upstream_body_problem(ProxyRouteKind::Tune, R"({"id":1,"name":"A","tunebooks":-1})"));
  EXPECT_TRUE(upstream_body_problem(ProxyRouteKind::Search, "[" + std::string(100, '[') + std::string(101, ']')));
  EXPECT_TRUE(upstream_body_problem(ProxyRouteKind::Member, "{\"name\":\"bad \x80\"}"));
  EXPECT_TRUE(upstream_body_problem(ProxyRouteKind::Member, "[1]"));
  EXPECT_FALSE(upstream_body_problem(ProxyRouteKind::Member, R"({"id":5,"name":"Áine"})"));
}

}  // namespace tt
