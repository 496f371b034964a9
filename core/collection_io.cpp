#include "core/collection_io.h"

#include <nlohmann/json.hpp>

#include "core/csv_text.h"
#include "core/json_text.h"
#include "core/music_key.h"
#include "core/parse_number.h"
#include "core/practice_io.h"
#include "core/sets_io.h"
#include "core/time_format.h"
#include "core/tune_type.h"

namespace tt {
namespace {

using nlohmann::json;

// Bounds for numbers read from a file: ids as thesession's (10 digits), counts
// far above anything real but well inside an int.
constexpr int64_t kMaxTuneId = 9999999999;
constexpr int64_t kMaxCount = 1000000000;

json to_object(const CollectionEntry& e) {
  json o = {
      {"tune_id", e.tune_id},
      {"name", e.name},
      {"type", e.type},
      {"key", e.key},
      {"url", e.url},
      {"tunebooks", e.tunebooks},
      {"aliases", e.aliases},
      {"learn_status", to_string(e.status)},
      {"heard_count", e.heard_count},
      {"learned_at", e.learned_at_ms ? json(format_iso8601_utc(*e.learned_at_ms)) : json(nullptr)},
      {"notes", e.notes},
      {"created_at", format_iso8601_utc(e.created_at_ms)},
      {"updated_at", format_iso8601_utc(e.updated_at_ms)},
      {"source", e.source},
      {"in_tunebook", e.in_tunebook},
      {"setting_id", e.setting_id ? json(*e.setting_id) : json(nullptr)},
  };
  return o;
}

bool read_entry(const json& o, CollectionEntry& e, std::string& problem) {
  if (!o.is_object()) { problem = "Tune #?: not an object"; return false; }
  const auto id = o.find("tune_id");
  const Parsed<int64_t> tune_id = id == o.end() ? Parsed<int64_t>{} : read_json_int(*id, 1, kMaxTuneId);
  if (!tune_id || !id->is_number()) {
    problem = "Tune #?: missing or invalid tune_id";
    return false;
  }
  e.tune_id = tune_id.value;
  const std::string prefix = "Tune #" + std::to_string(e.tune_id) + ": ";
  const auto str = [&](const char* key) -> std::string {
    const auto it = o.find(key);
    return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  e.name = str("name");
  if (e.name.empty()) { problem = prefix + "missing name"; return false; }
  e.type = normalise_tune_type(str("type"));
  e.key = str("key");
  e.url = str("url");
  e.notes = str("notes");
  e.source = "import";
  if (const auto it = o.find("tunebooks"); it != o.end() && it->is_number()) {
    const Parsed<int64_t> n = read_json_int(*it, 0, kMaxCount);
    if (!n) { problem = prefix + "invalid tunebooks (" + n.error + ")"; return false; }
    e.tunebooks = static_cast<int>(n.value);
  }
  if (const auto it = o.find("aliases"); it != o.end() && it->is_array()) {
    for (const auto& a : *it) if (a.is_string()) e.aliases.push_back(a.get<std::string>());
  }
  const std::string status_text = str("learn_status");
  if (!status_text.empty()) {
    const auto status = parse_learn_status(status_text);
    if (!status) { problem = prefix + "unknown learn status " + quote_excerpt(status_text); return false; }
    e.status = *status;
  }
  if (const auto it = o.find("heard_count"); it != o.end()) {
    const Parsed<int64_t> n = it->is_number() ? read_json_int(*it, 0, kMaxCount) : Parsed<int64_t>{};
    if (!n) { problem = prefix + "invalid heard_count" + (n.error.empty() ? "" : " (" + n.error + ")"); return false; }
    e.heard_count = static_cast<int>(n.value);
  }
  if (const auto it = o.find("setting_id"); it != o.end() && !it->is_null()) {
    const Parsed<int64_t> n = it->is_number() ? read_json_int(*it, 1, kMaxTuneId) : Parsed<int64_t>{};
    if (!n) { problem = prefix + "invalid setting_id" + (n.error.empty() ? "" : " (" + n.error + ")"); return false; }
    e.setting_id = n.value;
  }
  const std::string learned = str("learned_at");
  if (!learned.empty()) {
    e.learned_at_ms = parse_iso8601_utc(learned);
    if (!e.learned_at_ms) { problem = prefix + "invalid learned_at " + quote_excerpt(learned); return false; }
  }
  // Only "learned" has a learned date (a "learned" without one keeps it unknown).
  if (e.status != LearnStatus::Learned) e.learned_at_ms.reset();
  if (const auto created = parse_iso8601_utc(str("created_at"))) e.created_at_ms = *created;
  if (const auto updated = parse_iso8601_utc(str("updated_at"))) e.updated_at_ms = *updated;
  return true;
}

}  // namespace

std::string entry_to_json(const CollectionEntry& entry) { return to_object(entry).dump(); }

namespace {

json export_document(const std::vector<CollectionEntry>& entries) {
  json tunes = json::array();
  for (const auto& e : entries) tunes.push_back(to_object(e));
  return {{"format", "tunetrack-collection"}, {"version", 1}, {"tunes", std::move(tunes)}};
}

}  // namespace

std::string export_json(const std::vector<CollectionEntry>& entries) { return export_document(entries).dump(2) + "\n"; }

std::string export_json(const std::vector<CollectionEntry>& entries, const PracticeData& practice) {
  json doc = export_document(entries);
  doc["practice"] = practice_to_json(practice);
  return doc.dump(2) + "\n";
}

std::string export_json(const std::vector<CollectionEntry>& entries, const PracticeData& practice,
                        const std::vector<TuneSet>& sets) {
  json doc = export_document(entries);
  doc["practice"] = practice_to_json(practice);
  doc["sets"] = sets_to_json(sets);
  return doc.dump(2) + "\n";
}

std::string export_csv(const std::vector<CollectionEntry>& entries) { return export_csv(entries, {}); }

std::string export_csv(const std::vector<CollectionEntry>& entries, const std::map<int64_t, CardMemory>& cards) {
  // "key" as a musician writes it ("D major"); thesession's own spelling
  // ("Dmajor") last, for whoever matches it against thesession.org.
  std::string out =
      "tune_id,name,type,key,learn_status,heard_count,learned_at,notes,created_at,url,due,last_practised,"
      "thesession_key\r\n";
  for (const auto& e : entries) {
    const auto found = cards.find(e.tune_id);
    const CardMemory* card = found == cards.end() ? nullptr : &found->second;
    out += std::to_string(e.tune_id) + "," + csv_field(e.name) + "," + csv_field(e.type) + "," +
           csv_field(key_label(e.key)) + "," + std::string(to_string(e.status)) + "," + std::to_string(e.heard_count) + "," +
           (e.learned_at_ms ? format_iso8601_utc(*e.learned_at_ms) : std::string()) + "," + csv_field(e.notes) +
           "," + format_iso8601_utc(e.created_at_ms) + "," + csv_field(e.url) + "," + csv_due(card) + "," +
           csv_last_practised(card) + "," + csv_field(e.key) + "\r\n";
  }
  return out;
}

ImportParse parse_import_json(std::string_view text) {
  ImportParse result;
  std::string problem;
  const auto parsed = parse_untrusted_json(text, problem);
  if (!parsed) {
    result.fatal = "The file is not valid JSON" + (problem == "not valid JSON" ? "" : " (" + problem + ")");
    return result;
  }
  const json& doc = *parsed;
  const json* tunes = nullptr;
  const auto format = doc.is_object() ? doc.find("format") : doc.end();
  if (doc.is_array()) {
    tunes = &doc;
  } else if (format != doc.end() && format->is_string() && *format == "tunetrack-collection") {
    const auto it = doc.find("tunes");
    if (it != doc.end() && it->is_array()) tunes = &*it;
  }
  if (!tunes) {
    result.fatal = "The file is not a tunetrack export (expected \"format\": \"tunetrack-collection\" and a \"tunes\" list)";
    return result;
  }
  // The practice section first: a section this tunetrack cannot read stops
  // the whole import before any tune is taken.
  std::vector<std::string> practice_errors;  // listed after the tunes'
  if (const auto practice = doc.is_object() ? doc.find("practice") : doc.end(); practice != doc.end()) {
    std::string fatal = practice_from_json(*practice, result.practice, practice_errors);
    if (!fatal.empty()) {
      result = ImportParse{};
      result.fatal = std::move(fatal);
      return result;
    }
  }
  std::vector<std::string> set_errors;  // listed last
  if (const auto sets = doc.is_object() ? doc.find("sets") : doc.end(); sets != doc.end()) {
    std::string fatal = sets_from_json(*sets, result.sets, set_errors);
    if (!fatal.empty()) {
      result = ImportParse{};
      result.fatal = std::move(fatal);
      return result;
    }
  }
  for (const auto& o : *tunes) {
    CollectionEntry e;
    std::string problem;
    if (read_entry(o, e, problem)) {
      result.entries.push_back(std::move(e));
    } else {
      result.errors.push_back(std::move(problem));
    }
  }
  for (auto& line : practice_errors) result.errors.push_back(std::move(line));
  for (auto& line : set_errors) result.errors.push_back(std::move(line));
  return result;
}

}  // namespace tt
