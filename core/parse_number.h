#pragma once
// One way to read a number from outside (a URL, a header, an environment
// variable, a file): the whole text must be the number, and it must lie
// within [min, max]. Anything else is an error a person can act on, never a
// silent truncation (std::stoi reads "1.5" as 1 and "4294967295" as garbage).
#include <cstdint>
#include <string>
#include <string_view>

namespace tt {

template <typename T>
struct Parsed {
  bool ok = false;
  T value{};
  std::string error;  // set when !ok: says what was expected; quotes at most a short excerpt
  explicit operator bool() const { return ok; }
  // Read the value like an optional's (only when ok).
  const T& operator*() const { return value; }
  T& operator*() { return value; }
  const T* operator->() const { return &value; }
  T* operator->() { return &value; }
};

// Decimal digits only (no sign, no spaces, no leading '+'), at most 18 of
// them, within [min, max].
Parsed<int64_t> parse_int(std::string_view text, int64_t min, int64_t max);

// A plain decimal number ("2", "1.5", "0.25", ".5", "3."; no exponent, no
// sign) within [min, max], both bounds included. The value is the double
// nearest the decimal text (as strtod rounds it), so "0.3" is exactly the
// same double as the literal 0.3.
Parsed<double> parse_decimal(std::string_view text, double min, double max);

// At most `max` characters of `text`, non-printable and non-ASCII bytes shown
// as \xNN: safe to embed in an error message or a JSON string.
std::string quote_excerpt(std::string_view text, size_t max = 24);

}  // namespace tt
