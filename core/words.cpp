#include "core/words.h"

#include <cstdio>

namespace tt {
namespace {

constexpr int64_t kMinute = 60'000, kHour = 60 * kMinute, kDay = 24 * kHour;
constexpr double kMonthDays = 30.44, kYearDays = 365.25;

int64_t rounded(int64_t ms, int64_t unit) { return (ms + unit / 2) / unit; }

}  // namespace

std::string counted(int64_t n, std::string_view singular, std::string_view plural) {
  return std::to_string(n) + " " + std::string(n == 1 ? singular : plural);
}

std::string wait_words(int64_t ms) {
  if (ms < kHour - kMinute / 2) {
    const int64_t minutes = rounded(ms, kMinute);
    return std::to_string(minutes < 1 ? 1 : minutes) + " min";
  }
  if (ms < kDay - kHour / 2) return counted(rounded(ms, kHour), "hour", "hours");
  const double days = static_cast<double>(ms) / static_cast<double>(kDay);
  if (days < 2 * kMonthDays - 0.5) return counted(rounded(ms, kDay), "day", "days");
  if (days < kYearDays - kMonthDays / 2) return counted(static_cast<int64_t>(days / kMonthDays + 0.5), "month", "months");
  const int64_t tenths = static_cast<int64_t>(days / kYearDays * 10 + 0.5);
  if (tenths % 10 == 0) return counted(tenths / 10, "year", "years");
  char text[32];
  std::snprintf(text, sizeof text, "%.1f years", static_cast<double>(tenths) / 10);
  return text;
}

}  // namespace tt
