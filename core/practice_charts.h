#pragma once
// The Practice tab's charts as series a chart can draw: every day (or month)
// in the range, empty ones as 0, so a single busy day is one bar among many,
// not one bar filling the chart; and the streak of days practised.
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace tt {

using Series = std::vector<std::pair<std::string, int>>;  // label ("YYYY-MM-DD" or "YYYY-MM"), count

// The `days` days ending with `today` ("YYYY-MM-DD"), oldest first.
Series daily_series(const std::map<std::string, int>& per_day, const std::string& today, int days);
// The `months` months ending with today's, oldest first.
Series monthly_series(const std::map<std::string, int>& per_month, const std::string& today, int months);
// Days in a row with at least one rating, ending today, or yesterday when
// today has none yet (a streak is not broken before the day is over).
int practice_streak(const std::map<std::string, int>& per_day, const std::string& today);
// "Nov 30" from "2026-11-30"; "Nov 2026" from "2026-11": an axis's label.
std::string short_date(const std::string& label);

}  // namespace tt
