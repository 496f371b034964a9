#include "core/device_change_json.h"

#include <algorithm>

#include "core/change_record.h"
#include "core/device_document.h"
#include "core/json_text.h"
#include "core/learn_status.h"
#include "core/tune_set.h"

namespace tt {
namespace {

using nlohmann::json;

constexpr int64_t kMaxId = 9999999999;   // thesession's ids, with room
constexpr size_t kMaxTextBytes = 1000;   // names, types, keys, URLs
constexpr size_t kMaxAliases = 100;
constexpr int kMaxHeardDelta = 1000000;  // a snapshot carries a tune's presses as one total

bool is_uid(std::string_view text) {
  return !text.empty() && text.size() <= 100 && std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c == '-';
  });
}

// One change's members, each read once and checked; anything left over is unknown.
class Members {
 public:
  explicit Members(const json& object) : change_(object) {
    if (!object.is_object()) throw DeviceChangeRefused("must be an object");
  }
  const json& get(const char* name) {
    const auto it = change_.find(name);
    if (it == change_.end()) throw DeviceChangeRefused(std::string("needs \"") + name + "\"");
    read_.push_back(name);
    return *it;
  }
  int64_t integer(const char* name, int64_t min, int64_t max) {
    const json& v = get(name);
    if (!v.is_number_integer()) throw DeviceChangeRefused(std::string("\"") + name + "\" must be a whole number, not " + describe_json_value(v));
    const int64_t n = v.is_number_unsigned() && v.get<uint64_t>() > static_cast<uint64_t>(max) ? max + 1 : v.get<int64_t>();
    if (n < min || n > max) {
      throw DeviceChangeRefused(std::string("\"") + name + "\" must be from " + std::to_string(min) + " to " + std::to_string(max));
    }
    return n;
  }
  std::string text(const char* name, size_t max_bytes) { return checked_text(get(name), name, max_bytes); }
  std::string uid(const char* name) {
    const json& v = get(name);
    if (!v.is_string() || !is_uid(v.get<std::string>())) {
      throw DeviceChangeRefused(std::string("\"") + name + "\" must be an id of lower-case letters, digits and '-'");
    }
    return v.get<std::string>();
  }
  void no_others() const {
    for (const auto& [member, value] : change_.items()) {
      if (std::find(read_.begin(), read_.end(), member) == read_.end()) {
        throw DeviceChangeRefused("has an unknown member " + quote_excerpt(member, 40));
      }
    }
  }
  static std::string checked_text(const json& v, std::string_view name, size_t max_bytes) {
    const std::string what = "\"" + std::string(name) + "\"";
    if (!v.is_string()) throw DeviceChangeRefused(what + " must be a string, not " + describe_json_value(v));
    const std::string& s = v.get_ref<const std::string&>();
    // (Text that is not UTF-8 never gets here: the JSON parser refuses it.)
    if (s.size() > max_bytes) throw DeviceChangeRefused(what + " is longer than " + std::to_string(max_bytes) + " bytes");
    return s;
  }

 private:
  const json& change_;
  std::vector<std::string> read_;
};

json checked_tune_value(const std::string& field, const json& v) {
  const auto id_or_null = [&](int64_t max) {
    if (v.is_null()) return v;
    if (!v.is_number_integer() || v.get<int64_t>() < 0 || v.get<int64_t>() > max) {
      throw DeviceChangeRefused("\"value\" of " + field + " must be null or a whole number from 0 to " + std::to_string(max));
    }
    return v;
  };
  if (field == "learn_status") {
    if (!v.is_string() || !parse_learn_status(v.get<std::string>())) {
      throw DeviceChangeRefused("\"value\" of learn_status must be want_to_learn, learning or learned");
    }
    return v;
  }
  if (field == "learned_at") return id_or_null(kHlcMaxWallMs);
  if (field == "setting_id") return id_or_null(kMaxId);
  if (field == "tunebooks") {
    if (!v.is_number_integer() || v.get<int64_t>() < 0 || v.get<int64_t>() > 1000000000) {
      throw DeviceChangeRefused("\"value\" of tunebooks must be a whole number from 0 to 1000000000");
    }
    return v;
  }
  if (field == "name" || field == "type" || field == "key" || field == "url") {
    Members::checked_text(v, "value", kMaxTextBytes);
    return v;
  }
  if (field == "aliases") {
    if (!v.is_array() || v.size() > kMaxAliases) throw DeviceChangeRefused("\"value\" of aliases must be a list of at most 100 names");
    for (const json& alias : v) Members::checked_text(alias, "value", kMaxTextBytes);
    return v;
  }
  throw DeviceChangeRefused("\"field\" names an unknown field " + quote_excerpt(field, 40));
}

json checked_set_entries(const json& entries) {
  if (!entries.is_array() || entries.size() > kMaxSetEntries) {
    throw DeviceChangeRefused("\"entries\" must be a list of at most " + std::to_string(kMaxSetEntries) + " tunes");
  }
  for (const json& entry : entries) {
    Members m(entry);
    m.integer("tune", 1, kMaxId);
    const json& setting = m.get("setting");
    if (!setting.is_null() && (!setting.is_number_integer() || setting.get<int64_t>() < 1 || setting.get<int64_t>() > kMaxId)) {
      throw DeviceChangeRefused("\"setting\" of a set entry must be null or a whole number from 1 to " + std::to_string(kMaxId));
    }
    m.text("key", 40);
    m.no_others();
  }
  return entries;
}

DeviceChangeBody read_body(const std::string& kind, Members& m) {
  if (kind == "tune_field") {
    TuneFieldChange c{m.integer("tune", 1, kMaxId), m.text("field", 40), {}};
    c.value = checked_tune_value(c.field, m.get("value"));
    return c;
  }
  if (kind == "heard") {
    return HeardChange{m.integer("tune", 1, kMaxId), static_cast<int>(m.integer("delta", -kMaxHeardDelta, kMaxHeardDelta))};
  }
  if (kind == "notes") {
    return NotesChange{m.integer("tune", 1, kMaxId), m.text("seen", kMaxDeviceNotesBytes), m.text("text", kMaxDeviceNotesBytes)};
  }
  if (kind == "tune_removed") return TuneRemoved{m.integer("tune", 1, kMaxId)};
  if (kind == "rating") {
    RatingGiven r{m.uid("uid"), m.integer("tune", 1, kMaxId), m.integer("rated_at", 0, kHlcMaxWallMs), Rating::Good};
    const auto rating = parse_rating(m.text("rating", 10));
    if (!rating) throw DeviceChangeRefused("\"rating\" must be again, hard, good or easy");
    r.rating = *rating;
    return r;
  }
  if (kind == "rating_undone") return RatingUndone{m.uid("uid")};
  if (kind == "set_field") {
    SetFieldChange c{m.uid("set"), m.text("field", 10), {}};
    if (c.field == "name") c.value = m.text("value", kMaxSetNameBytes);
    else if (c.field == "notes") c.value = m.text("value", kMaxSetNotesBytes);
    else throw DeviceChangeRefused("\"field\" of a set must be name or notes");
    return c;
  }
  if (kind == "set_entries") return SetEntriesChange{m.uid("set"), checked_set_entries(m.get("entries"))};
  if (kind == "set_removed") return SetRemoved{m.uid("set")};
  if (kind == "setting") {
    SettingChange c{m.text("key", 64), m.text("value", 200)};
    if (c.key.rfind("practice.", 0) != 0) throw DeviceChangeRefused("\"key\" must be a practice setting, not " + quote_excerpt(c.key, 40));
    return c;
  }
  throw DeviceChangeRefused("\"kind\" is unknown: " + quote_excerpt(kind, 40));
}

struct ToJson {
  json& out;
  void operator()(const TuneFieldChange& c) const { out.update({{"kind", "tune_field"}, {"tune", c.tune_id}, {"field", c.field}, {"value", c.value}}); }
  void operator()(const HeardChange& c) const { out.update({{"kind", "heard"}, {"tune", c.tune_id}, {"delta", c.delta}}); }
  void operator()(const NotesChange& c) const { out.update({{"kind", "notes"}, {"tune", c.tune_id}, {"seen", c.seen}, {"text", c.text}}); }
  void operator()(const TuneRemoved& c) const { out.update({{"kind", "tune_removed"}, {"tune", c.tune_id}}); }
  void operator()(const RatingGiven& c) const {
    out.update({{"kind", "rating"}, {"uid", c.uid}, {"tune", c.tune_id}, {"rated_at", c.at_ms}, {"rating", to_string(c.rating)}});
  }
  void operator()(const RatingUndone& c) const { out.update({{"kind", "rating_undone"}, {"uid", c.uid}}); }
  void operator()(const SetFieldChange& c) const { out.update({{"kind", "set_field"}, {"set", c.set_uid}, {"field", c.field}, {"value", c.value}}); }
  void operator()(const SetEntriesChange& c) const { out.update({{"kind", "set_entries"}, {"set", c.set_uid}, {"entries", c.entries}}); }
  void operator()(const SetRemoved& c) const { out.update({{"kind", "set_removed"}, {"set", c.set_uid}}); }
  void operator()(const SettingChange& c) const { out.update({{"kind", "setting"}, {"key", c.key}, {"value", c.value}}); }
};

}  // namespace

DeviceChange read_device_change(const json& item, const std::string& file_device) {
  Members m(item);
  std::string device = file_device;
  if (device.empty()) {
    const json& d = m.get("d");
    if (!d.is_string() || !is_device_id(d.get<std::string>())) throw DeviceChangeRefused("\"d\" must be a device id");
    device = d.get<std::string>();
  }
  const json& at = m.get("at");
  if (!at.is_string()) throw DeviceChangeRefused("\"at\" must be a clock stamp");
  const auto hlc = parse_hlc(at.get<std::string>());
  if (!hlc) throw DeviceChangeRefused("\"at\": " + hlc.error);
  DeviceChange change;
  change.at = {*hlc, device, static_cast<int>(m.integer("i", 0, static_cast<int64_t>(kMaxDeviceFileChanges)))};
  const json& kind = m.get("kind");
  if (!kind.is_string()) throw DeviceChangeRefused("\"kind\" must be a string");
  change.body = read_body(kind.get<std::string>(), m);
  m.no_others();
  return change;
}

json device_change_json(const DeviceChange& change, bool with_device) {
  json item = {{"at", to_string(change.at.hlc)}, {"i", change.at.index}};
  if (with_device) item["d"] = change.at.device;
  std::visit(ToJson{item}, change.body);
  return item;
}

}  // namespace tt
