// The Practice tab's charts: every day or month in range, and the streak.
#include <gtest/gtest.h>

#include "core/practice_charts.h"

namespace tt {
namespace {

TEST(PracticeCharts, EveryDayInTheRangeIsABarEmptyOnesZero) {
  const Series days = daily_series({{"2026-11-30", 4}, {"2026-12-02", 1}, {"2026-08-01", 9}}, "2026-12-02", 5);
  const Series expected = {{"2026-11-28", 0}, {"2026-11-29", 0}, {"2026-11-30", 4}, {"2026-12-01", 0}, {"2026-12-02", 1}};
  EXPECT_EQ(days, expected) << "one busy day is one bar of five, and a day out of range is left out";
  EXPECT_EQ(daily_series({}, "2026-12-02", 90).size(), 90u);
}

TEST(PracticeCharts, EveryMonthAcrossTheYearsEnd) {
  const Series months = monthly_series({{"2026-01", 2}, {"2025-12", 3}}, "2026-02-14", 3);
  const Series expected = {{"2025-12", 3}, {"2026-01", 2}, {"2026-02", 0}};
  EXPECT_EQ(months, expected);
}

TEST(PracticeCharts, AStreakCountsDaysInARowAndTodayIsNotOverYet) {
  const std::map<std::string, int> days = {{"2026-11-29", 1}, {"2026-11-30", 2}, {"2026-12-01", 5}};
  EXPECT_EQ(practice_streak(days, "2026-12-01"), 3);
  EXPECT_EQ(practice_streak(days, "2026-12-02"), 3) << "nothing yet today: the streak stands";
  EXPECT_EQ(practice_streak(days, "2026-12-03"), 0) << "a whole day missed";
  EXPECT_EQ(practice_streak({}, "2026-12-03"), 0);
}

TEST(PracticeCharts, NoDayNoBars) {
  EXPECT_TRUE(daily_series({{"1970-01-01", 3}}, "", 90).empty()) << "not a chart of 1970";
  EXPECT_TRUE(monthly_series({}, "2026-13-40", 12).empty());
  EXPECT_EQ(practice_streak({{"1970-01-01", 3}}, "yesterday"), 0);
}

TEST(PracticeCharts, AxisLabelsInWords) {
  EXPECT_EQ(short_date("2026-11-30"), "Nov 30");
  EXPECT_EQ(short_date("2026-01-05"), "Jan 5");
  EXPECT_EQ(short_date("2026-03"), "Mar 2026");
}

}  // namespace
}  // namespace tt
