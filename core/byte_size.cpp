#include "core/byte_size.h"

#include <cmath>
#include <cstdio>

namespace tt {

std::string format_bytes(double bytes) {
  if (!(bytes >= 0) || !std::isfinite(bytes)) return "unknown";
  if (bytes < 1024) return std::to_string(static_cast<long long>(bytes)) + (bytes == 1 ? " byte" : " bytes");
  static const char* const units[] = {"KB", "MB", "GB", "TB", "PB"};
  double value = bytes / 1024;
  size_t unit = 0;
  while (value >= 1024 && unit + 1 < sizeof(units) / sizeof(units[0])) {
    value /= 1024;
    ++unit;
  }
  char text[32];
  // One decimal while it says something (1.4 MB), none from 100 up (812 KB).
  std::snprintf(text, sizeof text, value < 100 ? "%.1f %s" : "%.0f %s", value, units[unit]);
  return text;
}

}  // namespace tt
