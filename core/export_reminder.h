#pragma once
// When the page reminds the musician to export: the collection lives in one
// browser's storage, which a cleared profile or a lost phone takes with it.
// Remind when there are changes no export holds and the oldest of them is
// more than 30 days old (since the last export, or since the first change
// when there was none), at most once a week after "Not now". Pure: time is
// a parameter.
#include <cstdint>
#include <optional>

namespace tt {

constexpr int64_t kExportReminderAgeMs = 30LL * 24 * 60 * 60 * 1000;
constexpr int64_t kExportReminderQuietMs = 7LL * 24 * 60 * 60 * 1000;

// What the store's settings remember (epoch ms; nullopt: never happened).
struct ExportHistory {
  std::optional<int64_t> first_change_ms;  // the first committed change ever
  std::optional<int64_t> last_change_ms;   // the latest committed change
  std::optional<int64_t> last_export_ms;   // the latest download of an export
  std::optional<int64_t> dismissed_ms;     // the latest "Not now"
};

bool export_reminder_due(const ExportHistory& history, int64_t now_ms);

}  // namespace tt
