#include "core/thesession_number.h"

#include <string>

#include "core/thesession_api.h"

namespace tt {
namespace {

// thesession.org's ids fit in 10 digits (parse_thesession_id): a longer
// number cannot name anything there.
constexpr size_t kMaxDigits = 10;

std::string_view trimmed(std::string_view text) {
  const size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

bool starts_with(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

// An address on thesession.org: true, and `text` becomes the number in it
// ("https://www.thesession.org/members/1001/tunebook?x" -> "1001" for the
// folder "members"), or empty when the address names no such page. False,
// text unchanged, when it is not an address on thesession.org at all.
bool strip_address(std::string_view& text, std::string_view folder) {
  std::string_view rest = text;
  for (std::string_view scheme : {"https://", "http://"}) {
    if (starts_with(rest, scheme)) rest.remove_prefix(scheme.size());
  }
  if (starts_with(rest, "www.")) rest.remove_prefix(4);
  if (!starts_with(rest, "thesession.org")) return false;
  rest.remove_prefix(std::string_view("thesession.org").size());
  if (!starts_with(rest, "/") || !starts_with(rest.substr(1), folder) ||
      !starts_with(rest.substr(1 + folder.size()), "/")) {
    text = {};
    return true;
  }
  text = rest.substr(1 + folder.size() + 1);
  const size_t end = text.find_first_not_of("0123456789");
  if (end != std::string_view::npos) {
    // Only a path, query or fragment may follow the number.
    if (text[end] != '/' && text[end] != '?' && text[end] != '#') {
      text = {};
      return true;
    }
    text = text.substr(0, end);
  }
  return true;
}

}  // namespace

Parsed<int64_t> read_thesession_number(std::string_view typed, ThesessionThing thing) {
  const bool member = thing == ThesessionThing::Member;
  const std::string noun = member ? "member" : "tune";
  const std::string example = member ? "thesession.org/members/12345" : "thesession.org/tunes/123";
  Parsed<int64_t> out;
  std::string_view text = trimmed(typed);
  if (text.empty()) {
    out.error = "Enter a thesession.org " + noun + " number, or paste the address of the " + noun + "'s page (" +
                example + ")";
    return out;
  }
  if (strip_address(text, member ? "members" : "tunes") && text.empty()) {
    out.error = "That address is not a " + noun + "'s page on thesession.org: it should look like " + example;
    return out;
  }
  if (text.find_first_not_of("0123456789") != std::string_view::npos) {
    out.error = quote_excerpt(text) + " is not a " + noun + " number: type its digits, or paste the address " +
                "of the " + noun + "'s page (" + example + ")";
    return out;
  }
  const std::string_view digits = text.find_first_not_of('0') == std::string_view::npos
                                      ? std::string_view{}
                                      : text.substr(text.find_first_not_of('0'));
  if (digits.empty()) {
    out.error = "thesession.org " + noun + " numbers start at 1";
    return out;
  }
  if (digits.size() > kMaxDigits) {
    out.error = quote_excerpt(text) + " has " + std::to_string(digits.size()) + " digits: thesession.org " + noun +
                " numbers have at most " + std::to_string(kMaxDigits);
    return out;
  }
  out.value = *parse_thesession_id(digits);
  out.ok = true;
  return out;
}

}  // namespace tt
