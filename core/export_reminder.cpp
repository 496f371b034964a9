#include "core/export_reminder.h"

namespace tt {

bool export_reminder_due(const ExportHistory& h, int64_t now_ms) {
  if (!h.last_change_ms) return false;                                       // nothing to lose
  if (h.last_export_ms && *h.last_change_ms <= *h.last_export_ms) return false;  // all exported
  const std::optional<int64_t> since = h.last_export_ms ? h.last_export_ms : h.first_change_ms;
  if (!since || now_ms - *since < kExportReminderAgeMs) return false;
  return !h.dismissed_ms || now_ms - *h.dismissed_ms >= kExportReminderQuietMs;
}

}  // namespace tt
