#include "core/practice_charts.h"

#include <cstdlib>
#include <optional>

#include "core/time_format.h"

namespace tt {
namespace {

constexpr const char* kMonthNames[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// Days since the epoch of "YYYY-MM-DD", if it is such a date.
std::optional<int64_t> day_number(const std::string& date) {
  const auto ms = parse_iso8601_utc(date + "T00:00:00Z");
  if (!ms) return std::nullopt;
  return *ms / kDayMs;
}

std::string date_of(int64_t day) { return format_date_utc(day * kDayMs); }

int count_on(const std::map<std::string, int>& counts, const std::string& key) {
  const auto it = counts.find(key);
  return it == counts.end() ? 0 : it->second;
}

}  // namespace

Series daily_series(const std::map<std::string, int>& per_day, const std::string& today, int days) {
  Series out;
  const auto today_number = day_number(today);
  if (!today_number) return out;  // no day to count back from: no bars
  const int64_t last = *today_number;
  for (int64_t d = last - days + 1; d <= last; ++d) {
    const std::string date = date_of(d);
    out.emplace_back(date, count_on(per_day, date));
  }
  return out;
}

Series monthly_series(const std::map<std::string, int>& per_month, const std::string& today, int months) {
  Series out;
  const auto today_number = day_number(today);
  if (!today_number) return out;
  const int64_t last = utc_month_index(*today_number * kDayMs);
  for (int64_t m = last - months + 1; m <= last; ++m) {
    const std::string month = format_month_index(m);
    out.emplace_back(month, count_on(per_month, month));
  }
  return out;
}

int practice_streak(const std::map<std::string, int>& per_day, const std::string& today) {
  const auto today_number = day_number(today);
  if (!today_number) return 0;
  int64_t day = *today_number;
  if (count_on(per_day, today) == 0) --day;  // today is not over yet
  int streak = 0;
  while (count_on(per_day, date_of(day)) > 0) {
    ++streak;
    --day;
  }
  return streak;
}

std::string short_date(const std::string& label) {
  if (label.size() < 7) return label;
  const int month = std::atoi(label.substr(5, 2).c_str());
  if (month < 1 || month > 12) return label;
  if (label.size() == 7) return std::string(kMonthNames[month - 1]) + " " + label.substr(0, 4);
  return std::string(kMonthNames[month - 1]) + " " + std::to_string(std::atoi(label.substr(8, 2).c_str()));
}

}  // namespace tt
