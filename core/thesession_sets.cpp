#include "core/thesession_sets.h"

#include <algorithm>

#include "core/json_text.h"
#include "core/thesession_api.h"
#include "core/thesession_json.h"
#include "core/tune_set.h"
#include "core/tune_type.h"

namespace tt {
namespace {

using nlohmann::json;
using namespace api_json;

constexpr size_t kMaxUrlBytes = 300;   // a real setting URL is about 50
constexpr size_t kMaxTextBytes = 300;  // names, keys, types, dates: longer is not thesession's data

// "" when the text may be kept, else what is wrong with it.
std::string text_problem(const std::string& text, const char* what) {
  if (text.size() > kMaxTextBytes) return std::string(what) + " is too long";
  if (text.find(kReplacementChar) != std::string::npos) return std::string(what) + " is not valid text (bad UTF-8)";
  return {};
}

// Reads one entry of "settings"; "" on success, else the reason it is skipped.
std::string read_entry(const json& o, FetchedSetEntry& out) {
  if (!o.is_object()) return "not an object";
  const auto url_it = o.find("url");
  if (url_it == o.end() || !url_it->is_string()) return "no setting URL";
  const std::string url = url_it->get<std::string>();
  const auto ref = parse_setting_url(url);
  if (!ref) return "setting URL " + quote_excerpt(url) + " names no tune";
  out.tune_id = ref->tune_id;
  out.setting_id = ref->setting_id;
  out.name = trimmed(read_string(o, "name"));
  out.type = normalise_tune_type(read_string(o, "type"));
  out.key = trimmed(read_string(o, "key"));
  for (const auto& [text, what] : {std::pair{&out.name, "the tune name"}, std::pair{&out.type, "the type"},
                                   std::pair{&out.key, "the key"}}) {
    if (auto problem = text_problem(*text, what); !problem.empty()) return problem;
  }
  return {};
}

// Reads one set; false (with `problem`) when it cannot be kept at all.
bool read_set(const json& o, FetchedSet& out, std::string& problem) {
  if (!o.is_object()) {
    problem = "Set #?: not an object";
    return false;
  }
  const auto id_it = o.find("id");
  const std::optional<int64_t> id = id_it == o.end() ? std::nullopt : read_id(*id_it);
  if (!id) {
    problem = id_it == o.end() || id_it->is_null() ? "Set #?: missing id"
                                                    : "Set #?: invalid id (" + describe_json_value(*id_it) + ")";
    return false;
  }
  const std::string prefix = "Set #" + std::to_string(*id);
  out.id = *id;
  out.name = trimmed(read_string(o, "name"));
  if (out.name.empty()) out.name = "Set " + std::to_string(*id);
  out.url = read_string(o, "url");
  out.date = read_string(o, "date");
  if (auto p = text_problem(out.name, "the name"); !p.empty()) { problem = prefix + ": " + p; return false; }
  if (out.url.size() > kMaxUrlBytes || out.date.size() > kMaxTextBytes) { problem = prefix + ": url or date too long"; return false; }
  const auto list = o.find("settings");
  if (list == o.end() || list->is_null()) return true;  // an empty set
  if (!list->is_array()) {
    problem = prefix + ": \"settings\" is not a list";
    return false;
  }
  if (list->size() > kMaxSetEntries) {
    problem = prefix + ": more than " + std::to_string(kMaxSetEntries) + " tunes";
    return false;
  }
  int position = 0;
  for (const auto& entry : *list) {
    ++position;
    FetchedSetEntry e;
    if (const std::string why = read_entry(entry, e); !why.empty()) {
      out.problems.push_back(prefix + ", tune " + std::to_string(position) + ": " + why + "; left out of the set");
      continue;
    }
    out.entries.push_back(std::move(e));
  }
  return true;
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::optional<SettingRef> parse_setting_url(std::string_view url) {
  if (url.empty() || url.size() > kMaxUrlBytes) return std::nullopt;
  std::string_view rest = url;
  for (std::string_view scheme : {"https://", "http://"}) {
    if (rest.substr(0, scheme.size()) == scheme) {
      rest.remove_prefix(scheme.size());
      const size_t slash = rest.find('/');
      if (slash == 0 || slash == std::string_view::npos) return std::nullopt;  // no host, or no path
      rest.remove_prefix(slash);
      break;
    }
  }
  if (rest.empty() || rest.front() != '/') return std::nullopt;
  for (char c : url) {
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f || c == '\\' || c == '?') return std::nullopt;
  }
  const size_t hash = rest.find('#');
  const std::string_view path = rest.substr(0, hash);
  const std::string_view fragment = hash == std::string_view::npos ? std::string_view() : rest.substr(hash + 1);
  constexpr std::string_view kTunes = "/tunes/";
  const size_t at = path.rfind(kTunes);
  if (at == std::string_view::npos || path.find("/../") != std::string_view::npos) return std::nullopt;
  if (at != 0) return std::nullopt;  // thesession's tunes live at the root of the site
  const auto tune = parse_thesession_id(path.substr(at + kTunes.size()));
  if (!tune) return std::nullopt;
  SettingRef ref;
  ref.tune_id = *tune;
  if (hash == std::string_view::npos) return ref;
  constexpr std::string_view kSetting = "setting";
  if (fragment.substr(0, kSetting.size()) != kSetting || !all_digits(fragment.substr(kSetting.size()))) return std::nullopt;
  const auto setting = parse_thesession_id(fragment.substr(kSetting.size()));
  if (!setting) return std::nullopt;
  ref.setting_id = *setting;
  return ref;
}

SetsParse parse_sets_page(std::string_view body) {
  SetsParse result;
  std::string problem;
  const auto doc = parse_object(body, problem);
  if (!doc) {
    result.error = std::string(kInvalidSetsMessage) + " (" + problem + ")";
    return result;
  }
  const auto sets = doc->find("sets");
  if (sets == doc->end() || !sets->is_array()) {
    result.error = std::string(kInvalidSetsMessage) + " (no sets list)";
    return result;
  }
  SetsPage page;
  page.page = read_bounded(*doc, "page", 1, 1, kMaxPages, problem);
  page.pages = std::max(1, read_bounded(*doc, "pages", 1, 0, kMaxPages, problem));
  page.total = read_bounded(*doc, "total", 0, 0, kMaxCount, problem);
  if (!problem.empty()) {
    result.error = std::string(kInvalidSetsMessage) + " (" + problem + ")";
    return result;
  }
  if (const auto m = doc->find("member"); m != doc->end() && m->is_object()) {
    if (const auto id = m->find("id"); id != m->end()) page.member_id = read_id(*id).value_or(0);
  }
  for (const auto& o : *sets) {
    FetchedSet set;
    std::string set_problem;
    if (read_set(o, set, set_problem)) {
      page.sets.push_back(std::move(set));
    } else {
      page.entry_errors.push_back(std::move(set_problem));
    }
  }
  result.page = std::move(page);
  return result;
}

}  // namespace tt
