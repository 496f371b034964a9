#include "core/parse_number.h"

#include <clocale>
#include <cstdio>
#include <cstdlib>

namespace tt {

std::string quote_excerpt(std::string_view text, size_t max) {
  std::string out = "\"";
  for (size_t i = 0; i < text.size() && i < max; ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
      out += static_cast<char>(c);
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02X", c);
      out += buf;
    }
  }
  if (text.size() > max) out += "...";
  return out + "\"";
}

namespace {
std::string range_text(int64_t min, int64_t max) {
  return "a whole number from " + std::to_string(min) + " to " + std::to_string(max);
}
}  // namespace

Parsed<int64_t> parse_int(std::string_view text, int64_t min, int64_t max) {
  Parsed<int64_t> out;
  const auto fail = [&] {
    out.error = "expected " + range_text(min, max) + ", got " + quote_excerpt(text);
    return out;
  };
  if (text.empty() || text.size() > 18) return fail();
  int64_t n = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return fail();
    n = n * 10 + (c - '0');  // 18 digits cannot overflow int64
  }
  if (n < min || n > max) return fail();
  out.ok = true;
  out.value = n;
  return out;
}

Parsed<double> parse_decimal(std::string_view text, double min, double max) {
  Parsed<double> out;
  const auto fail = [&] {
    char range[64];
    std::snprintf(range, sizeof range, "expected a number from %g to %g, got ", min, max);
    out.error = range + quote_excerpt(text);
    return out;
  };
  // The syntax is checked here (digits with at most one '.'); strtod then
  // rounds the decimal correctly to the nearest double, which summing digit
  // by digit does not ("0.3" came out as 0.30000000000000004). strtod reads
  // the current locale's decimal point, so the '.' is written as that.
  if (text.empty() || text.size() > 24) return fail();
  bool seen_point = false, seen_digit = false;
  for (const char c : text) {
    if (c == '.' && !seen_point) {
      seen_point = true;
    } else if (c >= '0' && c <= '9') {
      seen_digit = true;
    } else {
      return fail();
    }
  }
  if (!seen_digit) return fail();
  std::string copy(text);  // strtod needs a terminated string
  if (const auto point = copy.find('.'); point != std::string::npos) {
    copy.replace(point, 1, std::localeconv()->decimal_point);
  }
  char* end = nullptr;
  const double value = std::strtod(copy.c_str(), &end);
  if (end != copy.c_str() + copy.size() || !(value >= min && value <= max)) return fail();
  out.ok = true;
  out.value = value;
  return out;
}

}  // namespace tt
