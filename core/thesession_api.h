#pragma once
// The shapes of thesession.org's public JSON API that tunetrack reads, and
// the paths it calls, both directly and through tunetrack-proxy. Parsing is
// tolerant the way the API requires: unknown keys are ignored, optional keys
// may be missing, ids may come as numbers or digit strings.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tt {

struct TuneSummary {
  int64_t id = 0;
  std::string name;
  std::string type;  // normalised (see tune_type.h)
  std::string url;
};

struct TunebookPage {
  int page = 1;
  int pages = 1;
  int total = 0;
  int64_t member_id = 0;
  std::string member_name;
  std::vector<TuneSummary> tunes;
  std::vector<std::string> entry_errors;  // "Tune #<id>: <what is wrong>"
};

struct TunebookParse {
  std::optional<TunebookPage> page;  // set on success
  std::string error;                 // set on failure
};

inline constexpr std::string_view kInvalidTunebookMessage =
    "Invalid tunebook data received from thesession.org";

// Parses one page of /members/{id}/tunebook. A body that is not JSON or has
// no "tunes" list fails with kInvalidTunebookMessage (plus detail); a bad
// entry inside the list becomes an entry error and the rest is kept.
TunebookParse parse_tunebook_page(std::string_view body);

struct TuneSetting {
  int64_t id = 0;
  std::string key;
  std::string abc;
};

struct TuneDetails {
  int64_t id = 0;
  std::string name;
  std::string type;
  std::string url;
  int tunebooks = 0;  // how many members have it: its popularity
  std::vector<std::string> aliases;
  std::vector<TuneSetting> settings;
};

struct TuneDetailsParse {
  std::optional<TuneDetails> tune;
  std::string error;
};
TuneDetailsParse parse_tune_details(std::string_view body);

struct SearchResults {
  int page = 1;
  int pages = 1;
  int total = 0;
  std::vector<TuneSummary> tunes;
};
struct SearchParse {
  std::optional<SearchResults> results;
  std::string error;
};
SearchParse parse_search_results(std::string_view body);

// Where API calls go: straight to a thesession.org-style base URL, or through
// a tunetrack-proxy base URL (which adds format=json itself).
struct ApiEndpoint {
  std::string base_url;  // no trailing slash, e.g. "https://thesession.org"
  bool via_proxy = false;

  std::string tunebook_page(int64_t member_id, int page, int per_page) const;
  std::string sets_page(int64_t member_id, int page, int per_page) const;  // a member's sets (thesession_sets.h)
  std::string member(int64_t member_id) const;
  std::string tune(int64_t tune_id) const;
  std::string search(std::string_view query, int page, int per_page) const;
};

// A thesession.org member or tune id as typed or found in a path: 1 to 10
// digits, no sign, no leading zero. nullopt for anything else.
std::optional<int64_t> parse_thesession_id(std::string_view text);

// Trims trailing slashes so "http://x/" and "http://x" build the same URLs.
std::string normalise_base_url(std::string_view url);

}  // namespace tt
