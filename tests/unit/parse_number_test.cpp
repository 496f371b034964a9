#include "core/parse_number.h"

#include <gtest/gtest.h>

namespace tt {
namespace {

TEST(ParseNumber, WholeNumbersWithinTheirRange) {
  EXPECT_EQ(parse_int("0", 0, 10).value, 0);
  EXPECT_EQ(parse_int("10", 0, 10).value, 10);
  EXPECT_EQ(parse_int("123456789012345678", 0, INT64_MAX).value, 123456789012345678);
}

TEST(ParseNumber, RefusesWhatIsNotExactlyADecimalNumber) {
  for (const char* bad : {"", " 1", "1 ", "+1", "-1", "1.5", "0x10", "1e3", "12a", "1234567890123456789"}) {
    const auto parsed = parse_int(bad, 0, INT64_MAX);
    EXPECT_FALSE(parsed) << bad;
    EXPECT_NE(parsed.error.find("expected a whole number from 0"), std::string::npos) << parsed.error;
  }
}

TEST(ParseNumber, RefusesOutOfRangeInsteadOfTruncating) {
  EXPECT_FALSE(parse_int("4294967295", 0, INT32_MAX));
  EXPECT_FALSE(parse_int("11", 0, 10));
  EXPECT_FALSE(parse_int("0", 1, 10));
  EXPECT_EQ(parse_int("4294967297", 0, 5000).error, "expected a whole number from 0 to 5000, got \"4294967297\"");
}

TEST(ParseNumber, Decimals) {
  EXPECT_DOUBLE_EQ(parse_decimal("1.5", 1, 10).value, 1.5);
  EXPECT_DOUBLE_EQ(parse_decimal("2", 1, 10).value, 2.0);
  EXPECT_DOUBLE_EQ(parse_decimal("0.25", 0, 1).value, 0.25);
  for (const char* bad : {"", ".", "1..5", "1.5.", "-1", "1e2", "abc", "11"}) {
    EXPECT_FALSE(parse_decimal(bad, 0, 10)) << bad;
  }
  EXPECT_EQ(parse_decimal("x", 1, 10).error, "expected a number from 1 to 10, got \"x\"");
}

TEST(ParseNumber, ErrorsQuoteAShortEscapedExcerptOnly) {
  const std::string hostile = std::string("\x80\"\n") + std::string(100, 'a');
  const auto parsed = parse_int(hostile, 0, 9);
  EXPECT_FALSE(parsed);
  EXPECT_NE(parsed.error.find("\\x80\\x22\\x0A"), std::string::npos) << parsed.error;
  EXPECT_LT(parsed.error.size(), 120u);
}

}  // namespace
}  // namespace tt
