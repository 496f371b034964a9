// The one number parser of outside text (URLs, headers, environment
// variables, files): parse_decimal is exactly strtod on what it accepts,
// bounds included, and parse_int agrees with it on whole numbers.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/parse_number.h"
#include "tests/fuzz/fuzz_check.h"

namespace {
// The grammar parse_decimal promises: digits, at most one '.', at least one digit.
bool plain_decimal(std::string_view text) {
  bool point = false, digit = false;
  for (const char c : text) {
    if (c == '.' && !point) point = true;
    else if (c >= '0' && c <= '9') digit = true;
    else return false;
  }
  return digit;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const auto wide = tt::parse_decimal(text, 0, 1e300);
  const bool expected_ok = !text.empty() && text.size() <= 24 && plain_decimal(text);
  FUZZ_CHECK(bool(wide) == expected_ok);
  if (!wide) {
    FUZZ_CHECK(!wide.error.empty());
    return 0;
  }
  FUZZ_CHECK(wide.value == std::strtod(text.c_str(), nullptr));
  // Bounds are inclusive: the value itself as both bounds is accepted, and a
  // range just above it refuses it.
  FUZZ_CHECK(tt::parse_decimal(text, wide.value, wide.value));
  FUZZ_CHECK(!tt::parse_decimal(text, wide.value + 1 + wide.value, 1e301));
  // Whole numbers read the same through parse_int.
  if (text.find('.') == std::string::npos && text.size() <= 15) {
    const auto whole = tt::parse_int(text, 0, INT64_MAX);
    FUZZ_CHECK(whole && static_cast<double>(whole.value) == wide.value);
  }
  return 0;
}
