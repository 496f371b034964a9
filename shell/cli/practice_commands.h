#pragma once
// `tunetrack practice` and `tunetrack rate`: today's queue and a rating, over
// the same core and store code as the page's Practice tab. main.cpp parses
// the flags and opens the store; these do the rest.
#include <cstdint>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>

#include "shell/store.h"

namespace tt::cli {

// A value the musician gave that names no tune, rating or time: exit 2.
class PracticeInputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The system time zone's offset from UTC at a moment, in minutes east
// (localtime_r's tm_gmtoff: summer time included).
int local_utc_offset_minutes(int64_t at_ms);

// Prints today's queue (frozen for the day, see Store::todays_practice_queue):
// one line per tune (id, name, type, key, reason, due in local time, "done"
// once rated today), then a summary line; or one JSON object.
void print_practice(Store& store, int64_t now_ms, int utc_offset_minutes, bool json, std::ostream& out);

struct RateRequest {
  int64_t tune_id = 0;
  Rating rating = Rating::Good;
  std::optional<int64_t> at_ms;  // --at; else now
};
// Reads --tune, --rating and --at as typed. Throws PracticeInputError.
RateRequest parse_rate_request(const std::string& tune, const std::string& rating, const std::optional<std::string>& at);
// Records the rating (Store::rate with the stored retention) and prints the
// next due time, and a hint when the tune may be marked learned. Throws
// PracticeInputError when the tune is not in the collection.
void rate_and_print(Store& store, const RateRequest& request, int64_t now_ms, int utc_offset_minutes, bool json,
                    const std::string& db_path, std::ostream& out);

}  // namespace tt::cli
