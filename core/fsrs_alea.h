#pragma once
// The fuzz of ts-fsrs, bit for bit: its PRNG (Johannes Baagøe's Alea with the
// Mash hash) and the seed it feeds it, the text "<review ms>_<reps>_<d*s>"
// built with JavaScript's own number-to-text rule. Each step below is the
// JavaScript expression done in doubles, with ToUint32/ToInt32 where the
// original uses `>>> 0` and `| 0`, so the same seed gives the same numbers.
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace tt::fsrs_detail {

inline double js_to_uint32(double x) {
  if (!std::isfinite(x)) return 0;
  double m = std::fmod(std::trunc(x), 4294967296.0);
  return m < 0 ? m + 4294967296.0 : m;
}

inline double js_to_int32(double x) {
  const double u = js_to_uint32(x);
  return u >= 2147483648.0 ? u - 4294967296.0 : u;
}

class Alea {
 public:
  explicit Alea(std::string_view seed) {
    double n = 4022871197.0;  // Mash's state, shared by all its calls
    const auto mash = [&n](std::string_view data) {
      for (unsigned char ch : data) {  // ASCII: one UTF-16 unit per byte
        n += ch;
        double h = 0.02519603282416938 * n;
        n = js_to_uint32(h);
        h -= n;
        h *= n;
        n = js_to_uint32(h);
        h -= n;
        n += h * 4294967296.0;
      }
      return js_to_uint32(n) * 2.3283064365386963e-10;  // 2^-32
    };
    s0_ = mash(" ");
    s1_ = mash(" ");
    s2_ = mash(" ");
    s0_ -= mash(seed);
    if (s0_ < 0) s0_ += 1;
    s1_ -= mash(seed);
    if (s1_ < 0) s1_ += 1;
    s2_ -= mash(seed);
    if (s2_ < 0) s2_ += 1;
  }

  // The next number in [0, 1).
  double next() {
    const double t = 2091639 * s0_ + c_ * 2.3283064365386963e-10;
    s0_ = s1_;
    s1_ = s2_;
    c_ = js_to_int32(t);
    s2_ = t - c_;
    return s2_;
  }

 private:
  double c_ = 1, s0_ = 0, s1_ = 0, s2_ = 0;
};

// String(x) in JavaScript: the fewest significant digits that read back as x
// (ties to the closer, as printf rounds), laid out as Number::toString does.
// (For a power of two needing 16+ digits the shortest text can lie on the far
// side; products d*s in [0.001, 365000] never come near that.)
inline std::string js_number_text(double x) {
  if (std::isnan(x)) return "NaN";
  if (x == 0) return "0";
  if (std::isinf(x)) return x > 0 ? "Infinity" : "-Infinity";
  std::string out = x < 0 ? "-" : "";
  const double a = std::fabs(x);
  char buf[40];
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*e", precision - 1, a);
    if (std::strtod(buf, nullptr) == a || precision == 17) break;
  }
  // buf is "d.ddde±XX": the digits and n, where x = 0.digits × 10^n.
  std::string digits;
  const char* p = buf;
  for (; *p != 'e'; ++p) {
    if (*p != '.') digits.push_back(*p);
  }
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  const int n = std::atoi(p + 1) + 1;
  const int k = static_cast<int>(digits.size());
  if (k <= n && n <= 21) {
    out += digits + std::string(static_cast<size_t>(n - k), '0');
  } else if (0 < n && n <= 21) {
    out += digits.substr(0, static_cast<size_t>(n)) + "." + digits.substr(static_cast<size_t>(n));
  } else if (-6 < n && n <= 0) {
    out += "0." + std::string(static_cast<size_t>(-n), '0') + digits;
  } else {
    const int e = n - 1;
    out += digits.substr(0, 1);
    if (k > 1) out += "." + digits.substr(1);
    out += e >= 0 ? "e+" : "e-";
    out += std::to_string(e >= 0 ? e : -e);
  }
  return out;
}

}  // namespace tt::fsrs_detail
