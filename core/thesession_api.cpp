#include "core/thesession_api.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/json_text.h"
#include "core/thesession_json.h"
#include "core/parse_number.h"
#include "core/tune_type.h"
#include "core/url.h"

namespace tt {
namespace {

using nlohmann::json;
using namespace api_json;

// Reads one tune entry of a list; on a problem fills `problem` and returns nullopt.
std::optional<TuneSummary> read_tune_entry(const json& entry, std::string& problem) {
  if (!entry.is_object()) {
    problem = "Tune #?: entry is not an object";
    return std::nullopt;
  }
  const auto id_it = entry.find("id");
  const std::optional<int64_t> id = id_it == entry.end() ? std::nullopt : read_id(*id_it);
  if (!id) {
    // Never the value itself: it may be huge or nested without end.
    problem = id_it == entry.end() || id_it->is_null() ? "Tune #?: missing id"
                                                        : "Tune #?: invalid id (" + describe_json_value(*id_it) + ")";
    return std::nullopt;
  }
  const std::string shown_id = std::to_string(*id);
  std::string name = trimmed(read_string(entry, "name"));
  if (name.empty()) {
    problem = "Tune #" + shown_id + ": missing name";
    return std::nullopt;
  }
  // The page was read with bad text repaired to U+FFFD (see parse_json).
  if (name.find(kReplacementChar) != std::string::npos) {
    problem = "Tune #" + shown_id + ": name is not valid text (bad UTF-8)";
    return std::nullopt;
  }
  TuneSummary tune;
  tune.id = *id;
  tune.name = std::move(name);
  tune.type = normalise_tune_type(read_string(entry, "type"));
  tune.url = read_string(entry, "url");
  return tune;
}

// The paging fields and "tunes" list that tunebook pages and search results
// share. nullopt when there is no tunes list at all.
struct TuneList {
  int page = 1, pages = 1, total = 0;
  std::vector<TuneSummary> tunes;
  std::vector<std::string> entry_errors;
  std::string problem;  // a paging field out of bounds: the whole list is unusable
};

std::optional<TuneList> read_tune_list(const json& doc) {
  const auto tunes_it = doc.find("tunes");
  if (tunes_it == doc.end() || !tunes_it->is_array()) return std::nullopt;
  TuneList list;
  list.page = read_bounded(doc, "page", 1, 1, kMaxPages, list.problem);
  list.pages = read_bounded(doc, "pages", 1, 0, kMaxPages, list.problem);
  list.pages = std::max(1, list.pages);
  list.total = read_bounded(doc, "total", 0, 0, kMaxCount, list.problem);
  for (const auto& entry : *tunes_it) {
    std::string entry_problem;
    if (auto tune = read_tune_entry(entry, entry_problem)) {
      list.tunes.push_back(std::move(*tune));
    } else {
      list.entry_errors.push_back(std::move(entry_problem));
    }
  }
  return list;
}

}  // namespace

namespace api_json {

std::optional<int64_t> read_id(const json& value) {
  const Parsed<int64_t> id = read_json_int(value, 1, kMaxId);
  if (id) return id.value;
  return std::nullopt;
}

int read_bounded(const json& object, const char* key, int fallback, int64_t min, int64_t max, std::string& problem) {
  const auto it = object.find(key);
  if (it == object.end() || it->is_null()) return fallback;
  const Parsed<int64_t> n = read_json_int(*it, min, max);
  if (!n) {
    if (problem.empty()) problem = std::string("\"") + key + "\": " + n.error;
    return fallback;
  }
  return static_cast<int>(n.value);
}

std::string read_string(const json& object, const char* key) {
  const auto it = object.find(key);
  if (it != object.end() && it->is_string()) return it->get<std::string>();
  return {};
}

std::string trimmed(std::string text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

std::optional<json> parse_object(std::string_view body, std::string& error) {
  auto doc = parse_untrusted_json(body, error, /*repair_text=*/true);
  if (!doc) return std::nullopt;
  if (!doc->is_object()) {
    error = "not a JSON object";
    return std::nullopt;
  }
  return doc;
}

}  // namespace api_json

TunebookParse parse_tunebook_page(std::string_view body) {
  TunebookParse result;
  std::string problem;
  auto doc = parse_object(body, problem);
  if (!doc) {
    result.error = std::string(kInvalidTunebookMessage) + " (" + problem + ")";
    return result;
  }
  auto list = read_tune_list(*doc);
  if (!list) {
    result.error = std::string(kInvalidTunebookMessage) + " (no tunes list)";
    return result;
  }
  if (!list->problem.empty()) {
    result.error = std::string(kInvalidTunebookMessage) + " (" + list->problem + ")";
    return result;
  }
  TunebookPage page;
  page.page = list->page;
  page.pages = list->pages;
  page.total = list->total;
  page.tunes = std::move(list->tunes);
  page.entry_errors = std::move(list->entry_errors);
  if (const auto m = doc->find("member"); m != doc->end() && m->is_object()) {
    if (const auto id_it = m->find("id"); id_it != m->end()) page.member_id = read_id(*id_it).value_or(0);
    page.member_name = read_string(*m, "name");
  }
  result.page = std::move(page);
  return result;
}

TuneDetailsParse parse_tune_details(std::string_view body) {
  TuneDetailsParse result;
  std::string problem;
  auto doc = parse_object(body, problem);
  if (!doc) {
    result.error = "Invalid tune data received from thesession.org (" + problem + ")";
    return result;
  }
  std::string entry_problem;
  auto summary = read_tune_entry(*doc, entry_problem);
  if (!summary) {
    result.error = "Invalid tune data received from thesession.org (" + entry_problem + ")";
    return result;
  }
  TuneDetails tune;
  tune.id = summary->id;
  tune.name = summary->name;
  tune.type = summary->type;
  tune.url = summary->url;
  std::string count_problem;
  tune.tunebooks = read_bounded(*doc, "tunebooks", 0, 0, kMaxCount, count_problem);
  if (!count_problem.empty()) {
    result.error = "Invalid tune data received from thesession.org (" + count_problem + ")";
    return result;
  }
  if (const auto a = doc->find("aliases"); a != doc->end() && a->is_array()) {
    for (const auto& alias : *a) {
      // The API gives aliases as strings; tolerate {"name": ...} objects too.
      std::string text = alias.is_string() ? alias.get<std::string>()
                         : alias.is_object() ? read_string(alias, "name") : std::string();
      text = trimmed(std::move(text));
      if (!text.empty()) tune.aliases.push_back(std::move(text));
    }
  }
  if (const auto s = doc->find("settings"); s != doc->end() && s->is_array()) {
    for (const auto& setting : *s) {
      if (!setting.is_object()) continue;
      TuneSetting out;
      if (const auto id_it = setting.find("id"); id_it != setting.end()) out.id = read_id(*id_it).value_or(0);
      out.key = read_string(setting, "key");
      out.abc = read_string(setting, "abc");
      tune.settings.push_back(std::move(out));
    }
  }
  result.tune = std::move(tune);
  return result;
}

SearchParse parse_search_results(std::string_view body) {
  SearchParse result;
  std::string problem;
  auto doc = parse_object(body, problem);
  if (!doc) {
    result.error = "Invalid search results from thesession.org (" + problem + ")";
    return result;
  }
  auto list = read_tune_list(*doc);
  if (!list) {
    result.error = "Invalid search results from thesession.org (no tunes list)";
    return result;
  }
  if (!list->problem.empty()) {
    result.error = "Invalid search results from thesession.org (" + list->problem + ")";
    return result;
  }
  SearchResults results;
  results.page = list->page;
  results.pages = list->pages;
  results.total = list->total;
  results.tunes = std::move(list->tunes);  // bad entries are simply not offered
  result.results = std::move(results);
  return result;
}

std::optional<int64_t> parse_thesession_id(std::string_view text) {
  if (text.empty() || text.size() > 10 || text.front() == '0') return std::nullopt;
  int64_t id = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    id = id * 10 + (c - '0');
  }
  return id;
}

std::string normalise_base_url(std::string_view url) {
  while (!url.empty() && url.back() == '/') url.remove_suffix(1);
  return std::string(url);
}

std::string ApiEndpoint::tunebook_page(int64_t member_id, int page, int per_page) const {
  const std::string paging = "page=" + std::to_string(page) + "&perpage=" + std::to_string(per_page);
  if (via_proxy) {
    return base_url + "/api/thesession/members/" + std::to_string(member_id) + "/tunebook?" + paging;
  }
  return base_url + "/members/" + std::to_string(member_id) + "/tunebook?format=json&" + paging;
}

std::string ApiEndpoint::sets_page(int64_t member_id, int page, int per_page) const {
  const std::string paging = "page=" + std::to_string(page) + "&perpage=" + std::to_string(per_page);
  if (via_proxy) return base_url + "/api/thesession/members/" + std::to_string(member_id) + "/sets?" + paging;
  return base_url + "/members/" + std::to_string(member_id) + "/sets?format=json&" + paging;
}

std::string ApiEndpoint::member(int64_t member_id) const {
  if (via_proxy) return base_url + "/api/thesession/members/" + std::to_string(member_id);
  return base_url + "/members/" + std::to_string(member_id) + "?format=json";
}

std::string ApiEndpoint::tune(int64_t tune_id) const {
  if (via_proxy) return base_url + "/api/thesession/tunes/" + std::to_string(tune_id);
  return base_url + "/tunes/" + std::to_string(tune_id) + "?format=json";
}

std::string ApiEndpoint::search(std::string_view query, int page, int per_page) const {
  const std::string params = "q=" + url_encode(query) + "&page=" + std::to_string(page) +
                             "&perpage=" + std::to_string(per_page);
  if (via_proxy) return base_url + "/api/thesession/tunes/search?" + params;
  return base_url + "/tunes/search?format=json&" + params;
}

}  // namespace tt
