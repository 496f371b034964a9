#include "core/sets_io.h"

#include "core/csv_text.h"
#include "core/json_text.h"
#include "core/music_key.h"
#include "core/parse_number.h"
#include "core/time_format.h"
#include "core/tune_type.h"

namespace tt {
namespace {

using nlohmann::json;

constexpr int64_t kMaxId = 9999999999;  // thesession's ids have at most 10 digits

std::string str(const json& o, const char* key) {
  const auto it = o.find(key);
  return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// An optional id at `key`: absent or null is none; anything else must be an id.
bool read_optional_id(const json& o, const char* key, std::optional<int64_t>& out) {
  const auto it = o.find(key);
  if (it == o.end() || it->is_null()) return true;
  const Parsed<int64_t> id = it->is_number() ? read_json_int(*it, 1, kMaxId) : Parsed<int64_t>{};
  if (!id) return false;
  out = id.value;
  return true;
}

// "" when the entry was read, else what is wrong with it.
std::string read_entry(const json& o, SetEntry& e) {
  if (!o.is_object()) return "not an object";
  const auto id = o.find("tune_id");
  const Parsed<int64_t> tune = id != o.end() && id->is_number() ? read_json_int(*id, 1, kMaxId) : Parsed<int64_t>{};
  if (!tune) return "missing or invalid tune_id";
  e.tune_id = tune.value;
  if (!read_optional_id(o, "setting_id", e.setting_id)) return "invalid setting_id";
  e.key = str(o, "key");
  e.name = str(o, "name");
  e.type = normalise_tune_type(str(o, "type"));
  if (e.key.size() > kMaxSetNameBytes || e.name.size() > 1000 || !is_valid_utf8(e.name) || !is_valid_utf8(e.key)) {
    return "name or key is not usable text";
  }
  return {};
}

}  // namespace

json sets_to_json(const std::vector<TuneSet>& sets) {
  json out = json::array();
  for (const TuneSet& set : sets) {
    json entries = json::array();
    for (const SetEntry& e : set.entries) {
      entries.push_back({{"tune_id", e.tune_id},
                         {"setting_id", e.setting_id ? json(*e.setting_id) : json(nullptr)},
                         {"key", e.key},
                         {"name", e.name},
                         {"type", e.type}});
    }
    out.push_back({{"name", set.name},
                   {"notes", set.notes},
                   {"created_at", format_iso8601_utc(set.created_at_ms)},
                   {"updated_at", format_iso8601_utc(set.updated_at_ms)},
                   {"thesession_id", set.thesession_id ? json(*set.thesession_id) : json(nullptr)},
                   {"thesession_url", set.thesession_url},
                   {"entries", std::move(entries)}});
  }
  return out;
}

std::string sets_from_json(const json& section, std::vector<TuneSet>& out, std::vector<std::string>& errors) {
  if (section.is_null()) return {};
  if (!section.is_array()) return "The sets section of the file is not a list; nothing was imported";
  int number = 0;
  for (const json& o : section) {
    ++number;
    const std::string where = "Set " + std::to_string(number);
    if (!o.is_object()) {
      errors.push_back(where + ": not an object");
      continue;
    }
    TuneSet set;
    const Parsed<std::string> name = check_set_name(str(o, "name"));
    if (!name) {
      errors.push_back(where + ": " + name.error);
      continue;
    }
    set.name = name.value;
    const Parsed<std::string> notes = check_set_notes(str(o, "notes"));
    if (!notes) {
      errors.push_back(where + ": " + notes.error);
      continue;
    }
    set.notes = notes.value;
    if (!read_optional_id(o, "thesession_id", set.thesession_id)) {
      errors.push_back(where + ": invalid thesession_id");
      continue;
    }
    set.thesession_url = str(o, "thesession_url").substr(0, 300);
    if (const auto t = parse_iso8601_utc(str(o, "created_at"))) set.created_at_ms = *t;
    if (const auto t = parse_iso8601_utc(str(o, "updated_at"))) set.updated_at_ms = *t;
    const auto list = o.find("entries");
    if (list != o.end() && !list->is_null() && !list->is_array()) {
      errors.push_back(where + ": \"entries\" is not a list");
      continue;
    }
    if (list != o.end() && list->is_array() && list->size() > kMaxSetEntries) {
      errors.push_back(where + ": more than " + std::to_string(kMaxSetEntries) + " tunes");
      continue;
    }
    int position = 0;
    if (list != o.end() && list->is_array()) {
      for (const json& entry : *list) {
        ++position;
        SetEntry e;
        if (const std::string why = read_entry(entry, e); !why.empty()) {
          errors.push_back("Set " + quote_excerpt(set.name) + ", tune " + std::to_string(position) + ": " + why);
          continue;
        }
        set.entries.push_back(std::move(e));
      }
    }
    out.push_back(std::move(set));
  }
  return {};
}

std::string export_sets_csv(const std::vector<TuneSet>& sets) {
  // "key" as a musician writes it; thesession's own spelling last.
  std::string out = "set_id,set,position,tune_id,tune,type,key,setting_id,thesession_set_id,keys,thesession_key\r\n";
  for (const TuneSet& set : sets) {
    const std::string head = std::to_string(set.id) + "," + csv_field(set.name) + ",";
    const std::string tail = "," + (set.thesession_id ? std::to_string(*set.thesession_id) : std::string()) + "," +
                             csv_field(set_key_chain(set.entries)) + ",";
    if (set.entries.empty()) {
      out += head + ",,,,," + tail + "\r\n";
      continue;
    }
    for (size_t i = 0; i < set.entries.size(); ++i) {
      const SetEntry& e = set.entries[i];
      out += head + std::to_string(i + 1) + "," + std::to_string(e.tune_id) + "," + csv_field(e.name) + "," +
             csv_field(e.type) + "," + csv_field(key_label(e.key)) + "," +
             (e.setting_id ? std::to_string(*e.setting_id) : std::string()) + tail + csv_field(e.key) + "\r\n";
    }
  }
  return out;
}

}  // namespace tt
