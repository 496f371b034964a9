#include "core/json_text.h"

#include "core/parse_number.h"

namespace tt {
namespace {

// Length of the well-formed UTF-8 sequence at text[i], or 0 when it is not one.
size_t utf8_sequence_length(std::string_view text, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char c = byte(i);
  if (c < 0x80) return 1;
  size_t n;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    if (c == 0xE0) lo = 0xA0;  // no overlongs
    if (c == 0xED) hi = 0x9F;  // no surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
  } else {
    return 0;
  }
  if (i + n > text.size()) return 0;
  if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (size_t k = 2; k < n; ++k) {
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  }
  return n;
}

int hex4(std::string_view text, size_t i) {
  if (i + 4 > text.size()) return -1;
  int v = 0;
  for (size_t k = i; k < i + 4; ++k) {
    const char c = text[k];
    const int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}

// Deepest nesting of arrays and objects, counted outside strings; stops
// counting once it passes `limit`.
int nesting_depth(std::string_view text, int limit) {
  int depth = 0, deepest = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > deepest && (deepest = depth) > limit) return deepest;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return deepest;
}

// Copies `text`, replacing inside strings every malformed UTF-8 sequence and
// every lone surrogate escape by U+FFFD. Outside strings nothing changes.
std::string repaired(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool in_string = false;
  for (size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (!in_string) {
      in_string = c == '"';
      out.push_back(c);
      ++i;
      continue;
    }
    if (c == '"') {
      in_string = false;
      out.push_back(c);
      ++i;
    } else if (c == '\\' && i + 1 < text.size() && text[i + 1] == 'u') {
      const int v = hex4(text, i + 2);
      const bool high = v >= 0xD800 && v <= 0xDBFF, low = v >= 0xDC00 && v <= 0xDFFF;
      if (high && i + 12 <= text.size() && text[i + 6] == '\\' && text[i + 7] == 'u' &&
          hex4(text, i + 8) >= 0xDC00 && hex4(text, i + 8) <= 0xDFFF) {
        out.append(text.substr(i, 12));  // a proper pair
        i += 12;
      } else if (high || low) {
        out.append(kReplacementChar);
        i += 6;
      } else {
        out.append(text.substr(i, 2));
        i += 2;
      }
    } else if (c == '\\') {
      out.append(text.substr(i, 2));
      i += 2;
    } else if (const size_t n = utf8_sequence_length(text, i); n > 0) {
      out.append(text.substr(i, n));
      i += n;
    } else {
      out.append(kReplacementChar);
      ++i;
    }
  }
  return out;
}

}  // namespace

bool is_valid_utf8(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    const size_t n = utf8_sequence_length(text, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

std::optional<nlohmann::json> parse_untrusted_json(std::string_view text, std::string& error, bool repair_text,
                                                   int max_depth) {
  if (nesting_depth(text, max_depth) > max_depth) {
    error = "nested too deeply";
    return std::nullopt;
  }
  auto doc = nlohmann::json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() && repair_text) {
    const std::string fixed = repaired(text);
    doc = nlohmann::json::parse(fixed.begin(), fixed.end(), nullptr, false);
  }
  if (doc.is_discarded()) {
    error = "not valid JSON";
    return std::nullopt;
  }
  return doc;
}

Parsed<int64_t> read_json_int(const nlohmann::json& value, int64_t min, int64_t max) {
  if (value.is_string()) return parse_int(value.get_ref<const std::string&>(), min, max);
  Parsed<int64_t> out;
  if (value.is_number_unsigned()) {
    const uint64_t n = value.get<uint64_t>();
    out.ok = max >= 0 && n <= static_cast<uint64_t>(max) && static_cast<int64_t>(n) >= min;
    out.value = out.ok ? static_cast<int64_t>(n) : 0;
  } else if (value.is_number_integer()) {
    const int64_t n = value.get<int64_t>();
    out.ok = n >= min && n <= max;
    out.value = out.ok ? n : 0;
  }
  if (!out.ok) {
    out.error = "expected a whole number from " + std::to_string(min) + " to " + std::to_string(max) + ", got " +
                describe_json_value(value);
  }
  return out;
}

std::string describe_json_value(const nlohmann::json& value) {
  switch (value.type()) {
    case nlohmann::json::value_t::string: return "a string " + quote_excerpt(value.get_ref<const std::string&>());
    case nlohmann::json::value_t::number_integer: return "the number " + std::to_string(value.get<int64_t>());
    case nlohmann::json::value_t::number_unsigned: return "the number " + std::to_string(value.get<uint64_t>());
    case nlohmann::json::value_t::number_float: return "a fraction";
    case nlohmann::json::value_t::boolean: return value.get<bool>() ? "true" : "false";
    case nlohmann::json::value_t::null: return "null";
    case nlohmann::json::value_t::array: return "an array";
    case nlohmann::json::value_t::object: return "an object";
    default: return "an unreadable value";
  }
}

}  // namespace tt
