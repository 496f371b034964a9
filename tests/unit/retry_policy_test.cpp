#include <gtest/gtest.h>

#include "core/retry_policy.h"

namespace tt {

TEST(RetryPolicy, ClassifiesOnlyTransientFailuresAsRetryable) {
  const auto with_status = [](int s) { HttpOutcome o; o.status = s; return o; };
  for (int s : {429, 502, 503, 504}) EXPECT_EQ(classify(with_status(s)), FailureClass::Transient) << s;
  for (int s : {404, 410}) EXPECT_EQ(classify(with_status(s)), FailureClass::NotFound) << s;
  for (int s : {400, 401, 403, 451, 500, 301}) EXPECT_EQ(classify(with_status(s)), FailureClass::Permanent) << s;
  EXPECT_EQ(classify(with_status(200)), FailureClass::None);
  HttpOutcome timeout;
  timeout.timed_out = true;
  EXPECT_EQ(classify(timeout), FailureClass::Transient);
}

TEST(RetryPolicy, DefaultIsThreeAttemptsWithTwoThenFourSeconds) {
  RetryPolicy p;
  HttpOutcome o;
  o.status = 503;
  EXPECT_EQ(p.next_delay(1, o), 2000);
  EXPECT_EQ(p.next_delay(2, o), 4000);
  EXPECT_FALSE(p.next_delay(3, o));
  p.enabled = false;
  EXPECT_FALSE(p.next_delay(1, o));
}

TEST(RetryPolicy, RetryAfterIsHonouredButCapped) {
  RetryPolicy p;
  HttpOutcome o;
  o.status = 429;
  o.retry_after_ms = 5000;
  EXPECT_EQ(p.next_delay(1, o), 5000);
  o.retry_after_ms = 3600 * 1000;
  EXPECT_EQ(p.next_delay(1, o), p.max_delay_ms);
  EXPECT_EQ(parse_retry_after_ms(" 12 "), 12000);
  EXPECT_FALSE(parse_retry_after_ms("Wed, 21 Oct 2015 07:28:00 GMT"));
  EXPECT_FALSE(parse_retry_after_ms(""));
}

}  // namespace tt
