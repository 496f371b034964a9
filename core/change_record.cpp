#include "core/change_record.h"

#include <algorithm>

namespace tt {
namespace {

using nlohmann::json;

bool is_action_name(std::string_view text) {
  return !text.empty() && text.size() <= 64 &&
         std::all_of(text.begin(), text.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; });
}

// "" when the kind's value is well shaped; else what is wrong.
std::string check_kind(const ChangeKind& kind, const json& value) {
  const std::string where = "changes." + std::string(kind.name);
  if (!value.is_object()) return where + " must be an object";
  const bool whole = kind.key.empty();
  for (const auto& [member, items] : value.items()) {
    const bool rows = whole ? member == "all" : member == "put";
    if (!rows && (whole || member != "removed")) {
      return where + " has an unknown member " + quote_excerpt(member, 40) +
             (whole ? " (it holds \"all\")" : " (it holds \"put\" and \"removed\")");
    }
    if (!items.is_array()) return where + "." + member + " must be an array";
    for (const auto& item : items) {
      if (rows && !item.is_object()) return where + "." + member + " must hold objects";
      if (!rows && !item.is_number_integer()) return where + ".removed must hold whole numbers";
      if (!rows || whole) continue;
      // A keyed thing names itself; a set carries its entries (none is an empty list).
      const auto key = item.find(std::string(kind.key));
      if (key == item.end() || !key->is_number_integer()) {
        return where + ".put needs a whole-number \"" + std::string(kind.key) + "\" in each object";
      }
      if (kind.name == "sets" && (!item.contains("entries") || !item["entries"].is_array())) {
        return where + ".put needs an \"entries\" list in each set";
      }
    }
  }
  if (whole && !value.contains("all")) return where + " needs \"all\"";
  return "";
}

}  // namespace

const std::vector<ChangeKind>& change_kinds() {
  static const std::vector<ChangeKind> kinds = {
      {"tunes", "tune", "id"},
      {"collection", "collection", "tune_id"},
      {"cards", "practice_card", "tune_id"},
      {"ratings", "practice_log", "id"},
      {"sets", "tune_set", "id"},
      {"sync_runs", "sync_run", "id"},
      {"settings", "setting", ""},
      {"practice_queue", "practice_queue", ""},
      {"set_queue", "practice_set_queue", ""},
  };
  return kinds;
}

const ChangeKind* change_kind_named(std::string_view name) {
  for (const auto& k : change_kinds()) if (k.name == name) return &k;
  return nullptr;
}

const ChangeKind* change_kind_of_table(std::string_view table) {
  for (const auto& k : change_kinds()) if (k.table == table) return &k;
  return nullptr;
}

bool is_device_id(std::string_view text) {
  return text.size() == 32 &&
         std::all_of(text.begin(), text.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

bool is_device_setting(std::string_view key) { return key.substr(0, 5) == "keep."; }

json to_json(const ChangeRecord& r) {
  return {{"seq", r.seq}, {"hlc", to_string(r.hlc)}, {"device", r.device}, {"action", r.action},
          {"changes", r.changes}};
}

Parsed<ChangeRecord> parse_change_record(const json& doc) {
  Parsed<ChangeRecord> out;
  const auto fail = [&](std::string error) {
    out.error = std::move(error);
    return out;
  };
  if (!doc.is_object()) return fail("a change record must be an object");
  for (const auto& [member, value] : doc.items()) {
    if (member != "seq" && member != "hlc" && member != "device" && member != "action" && member != "changes") {
      return fail("a change record has an unknown member " + quote_excerpt(member, 40));
    }
  }
  for (const char* member : {"seq", "hlc", "device", "action", "changes"}) {
    if (!doc.contains(member)) return fail(std::string("a change record needs \"") + member + "\"");
  }
  ChangeRecord r;
  if (!doc["seq"].is_number_integer() || doc["seq"].get<int64_t>() < 1) return fail("\"seq\" must be a whole number from 1");
  r.seq = doc["seq"].get<int64_t>();
  if (!doc["hlc"].is_string()) return fail("\"hlc\" must be a string");
  const auto hlc = parse_hlc(doc["hlc"].get<std::string>());
  if (!hlc) return fail("\"hlc\": " + hlc.error);
  r.hlc = *hlc;
  if (!doc["device"].is_string() || !is_device_id(doc["device"].get<std::string>())) {
    return fail("\"device\" must be 32 lower-case hex digits");
  }
  r.device = doc["device"].get<std::string>();
  if (!doc["action"].is_string() || !is_action_name(doc["action"].get<std::string>())) {
    return fail("\"action\" must be a name of lower-case letters and '_'");
  }
  r.action = doc["action"].get<std::string>();
  const json& changes = doc["changes"];
  if (!changes.is_object()) return fail("\"changes\" must be an object");
  for (const auto& [name, value] : changes.items()) {
    const ChangeKind* kind = change_kind_named(name);
    if (!kind) return fail("\"changes\" names an unknown kind " + quote_excerpt(name, 40));
    if (std::string error = check_kind(*kind, value); !error.empty()) return fail(error);
  }
  r.changes = changes;
  out.ok = true;
  out.value = std::move(r);
  return out;
}

ChangeCounts count_changes(const json& changes) {
  ChangeCounts counts;
  for (const auto& [name, value] : changes.items()) {
    if (!value.is_object()) continue;
    for (const char* rows : {"put", "all"}) if (value.contains(rows)) counts.put += value[rows].size();
    if (value.contains("removed")) counts.removed += value["removed"].size();
  }
  return counts;
}

}  // namespace tt
