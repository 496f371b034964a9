// The small pieces of English the page and the CLI share.
#include <gtest/gtest.h>

#include "core/words.h"

namespace tt {
namespace {

constexpr int64_t kMinute = 60'000, kHour = 60 * kMinute, kDay = 24 * kHour;

TEST(Words, ACountAgreesWithItsNoun) {
  EXPECT_EQ(counted(0, "set", "sets"), "0 sets");
  EXPECT_EQ(counted(1, "set", "sets"), "1 set");
  EXPECT_EQ(counted(2, "set", "sets"), "2 sets");
}

TEST(Words, AWaitSaysItsUnitInFullEnoughNotToBeMistaken) {
  EXPECT_EQ(wait_words(0), "1 min") << "never less than a minute";
  EXPECT_EQ(wait_words(6 * kMinute), "6 min");
  EXPECT_EQ(wait_words(10 * kMinute + 20'000), "10 min");
  EXPECT_EQ(wait_words(59 * kMinute), "59 min");
  EXPECT_EQ(wait_words(60 * kMinute), "1 hour");
  EXPECT_EQ(wait_words(5 * kHour), "5 hours");
  EXPECT_EQ(wait_words(kDay), "1 day");
  EXPECT_EQ(wait_words(8 * kDay), "8 days") << "not 8d, and never 'm' for minutes";
  EXPECT_EQ(wait_words(45 * kDay), "45 days");
  EXPECT_EQ(wait_words(75 * kDay), "2 months");
  EXPECT_EQ(wait_words(365 * kDay), "1 year");
  EXPECT_EQ(wait_words(548 * kDay), "1.5 years");
}

}  // namespace
}  // namespace tt
