#pragma once
// A hybrid logical clock (Kulkarni et al., 2014): a stamp for each change
// that follows the wall clock when it moves forward and still orders changes
// when it stands still or steps back (a phone's clock corrected by the
// network), so changes made on two devices can be put in one order later.
// Pure: the caller passes the wall time in.
#include <cstdint>
#include <string>
#include <string_view>

#include "core/parse_number.h"

namespace tt {

struct HlcStamp {
  int64_t wall_ms = 0;   // the largest wall time seen, epoch ms
  int64_t counter = 0;   // changes stamped within that millisecond
  bool operator==(const HlcStamp& o) const { return wall_ms == o.wall_ms && counter == o.counter; }
  bool operator<(const HlcStamp& o) const {
    return wall_ms != o.wall_ms ? wall_ms < o.wall_ms : counter < o.counter;
  }
};

// Counters above this wait for the next millisecond rather than grow without
// bound; no device makes a million changes in one.
inline constexpr int64_t kHlcMaxCounter = 999999;
// Wall times a stamp can say (15 digits: beyond the year 30,000).
inline constexpr int64_t kHlcMaxWallMs = 999999999999999;

// The stamp of a new local change after `last`, at wall time `now_ms`.
HlcStamp hlc_next(const HlcStamp& last, int64_t now_ms);
// The local clock after seeing a change stamped `remote` (from another
// device): the next local stamp orders after both.
HlcStamp hlc_receive(const HlcStamp& last, const HlcStamp& remote, int64_t now_ms);

// "WWWWWWWWWWWWWWW-CCCCCC": zero-padded, so text order is stamp order.
std::string to_string(const HlcStamp& stamp);
Parsed<HlcStamp> parse_hlc(std::string_view text);

}  // namespace tt
