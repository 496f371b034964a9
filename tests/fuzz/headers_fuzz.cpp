// Header and other short values from outside: Retry-After, HTTP dates and
// validators, X-Forwarded-For, ISO timestamps, numbers, UTF-8 checks.
#include <cstdint>
#include <string_view>

#include "core/client_address.h"
#include "core/http_cache.h"
#include "core/http_outcome.h"
#include "core/json_text.h"
#include "core/parse_number.h"
#include "core/time_format.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (const auto ms = tt::parse_retry_after_ms(text)) FUZZ_CHECK(*ms >= 0);
  if (const auto s = tt::parse_http_date(text)) FUZZ_CHECK(tt::parse_http_date(tt::format_http_date(*s)) == s);
  tt::not_modified(text, text, "\"0123456789abcdef\"", 1000);
  if (const auto ms = tt::parse_iso8601_utc(text)) FUZZ_CHECK(tt::format_iso8601_utc(*ms) == text);
  if (size >= 8) {
    int64_t n;
    __builtin_memcpy(&n, data, sizeof n);
    tt::format_iso8601_utc(n);
    tt::format_http_date(n);
  }
  const auto i = tt::parse_int(text, 0, 1000000);
  FUZZ_CHECK(!i || (i.value >= 0 && i.value <= 1000000));
  tt::parse_decimal(text, 0, 10);
  FUZZ_CHECK(tt::quote_excerpt(text).size() <= 24 * 4 + 5);
  static const std::vector<tt::Cidr> trusted = {*tt::parse_cidr("10.0.0.0/8"), *tt::parse_cidr("fd00::/8")};
  const std::string client = tt::client_address("10.0.0.1", text, trusted);
  FUZZ_CHECK(client == "10.0.0.1" || tt::parse_ip(client).has_value());
  tt::parse_cidr(text);
  tt::is_valid_utf8(text);
  return 0;
}
