#pragma once
// A member's sets as thesession.org gives them (/members/{id}/sets), read
// from untrusted JSON. The outer fields are the tunebook's: "pages", "page",
// "perpage", "total", "member"; then "sets", each with "id", "name", "url",
// "date" and "settings": the tunes in the order they are played, each naming
// a tune and setting by URL (".../tunes/{tuneId}#setting{settingId}") with
// the tune's "name" and "type" and the setting's "key".
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tt {

struct FetchedSetEntry {
  int64_t tune_id = 0;
  std::optional<int64_t> setting_id;  // none when the URL names no setting
  std::string name;                   // the tune's, as the set page has it ("" when missing)
  std::string type;                   // normalised (tune_type.h)
  std::string key;                    // the setting's, thesession's spelling ("Gmajor")
};

struct FetchedSet {
  int64_t id = 0;  // thesession's set id
  std::string name;
  std::string url;
  std::string date;  // as thesession writes it, kept only for showing
  std::vector<FetchedSetEntry> entries;
  // "Set #<id>, tune 2: <what is wrong>; left out of the set": an entry that
  // could not be read (the set is kept without it).
  std::vector<std::string> problems;
};

struct SetsPage {
  int page = 1;
  int pages = 1;
  int total = 0;
  int64_t member_id = 0;
  std::vector<FetchedSet> sets;
  // "Set #<id>: <what is wrong>": a set that cannot be read at all (it is
  // left out).
  std::vector<std::string> entry_errors;
};

struct SetsParse {
  std::optional<SetsPage> page;  // set on success
  std::string error;             // set on failure
};

inline constexpr std::string_view kInvalidSetsMessage = "Invalid sets data received from thesession.org";

// Parses one page. A body that is not a JSON object, has no "sets" list, or
// whose paging numbers are out of bounds fails whole with kInvalidSetsMessage
// (plus a short detail); a bad set or entry inside becomes one error line and
// the rest is kept. A set with more than kMaxSetEntries entries is refused.
// A set without a name is named "Set <id>".
SetsParse parse_sets_page(std::string_view body);

// The tune and setting a setting URL names: "https://thesession.org/tunes/12#setting34",
// "/tunes/12", "http://host/tunes/12#setting34". The path must end in
// /tunes/{id}; the fragment, if any, must be "setting{id}". nullopt for
// anything else (another path, a query, a scheme other than http(s), spaces).
struct SettingRef {
  int64_t tune_id = 0;
  std::optional<int64_t> setting_id;
};
std::optional<SettingRef> parse_setting_url(std::string_view url);

}  // namespace tt
