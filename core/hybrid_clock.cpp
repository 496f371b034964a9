#include "core/hybrid_clock.h"

#include <algorithm>
#include <cstdio>

namespace tt {
namespace {

constexpr size_t kWallDigits = 15, kCounterDigits = 6;

HlcStamp advance(int64_t wall_ms, int64_t counter) {
  if (counter > kHlcMaxCounter) return {wall_ms + 1, 0};
  return {wall_ms, counter};
}

}  // namespace

HlcStamp hlc_next(const HlcStamp& last, int64_t now_ms) {
  if (now_ms > last.wall_ms) return {now_ms, 0};
  return advance(last.wall_ms, last.counter + 1);
}

HlcStamp hlc_receive(const HlcStamp& last, const HlcStamp& remote, int64_t now_ms) {
  const int64_t wall = std::max({last.wall_ms, remote.wall_ms, now_ms});
  if (wall == now_ms && wall > last.wall_ms && wall > remote.wall_ms) return {wall, 0};
  int64_t counter = 0;
  if (wall == last.wall_ms) counter = std::max(counter, last.counter + 1);
  if (wall == remote.wall_ms) counter = std::max(counter, remote.counter + 1);
  return advance(wall, counter);
}

std::string to_string(const HlcStamp& stamp) {
  char text[kWallDigits + kCounterDigits + 2];
  std::snprintf(text, sizeof text, "%015lld-%06lld", static_cast<long long>(stamp.wall_ms),
                static_cast<long long>(stamp.counter));
  return text;
}

Parsed<HlcStamp> parse_hlc(std::string_view text) {
  Parsed<HlcStamp> out;
  if (text.size() != kWallDigits + 1 + kCounterDigits || text[kWallDigits] != '-') {
    out.error = "a clock stamp is 15 digits, '-' and 6 digits, got " + quote_excerpt(text, 40);
    return out;
  }
  const auto wall = parse_int(text.substr(0, kWallDigits), 0, kHlcMaxWallMs);
  const auto counter = parse_int(text.substr(kWallDigits + 1), 0, kHlcMaxCounter);
  if (!wall || !counter) {
    out.error = "a clock stamp is 15 digits, '-' and 6 digits, got " + quote_excerpt(text, 40);
    return out;
  }
  out.ok = true;
  out.value = {*wall, *counter};
  return out;
}

}  // namespace tt
