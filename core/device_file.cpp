#include "core/device_file.h"

#include <algorithm>
#include <optional>
#include <stdexcept>

#include "core/change_record.h"
#include "core/json_text.h"
#include "core/learn_status.h"
#include "core/tune_set.h"

namespace tt {
namespace {

using nlohmann::json;

constexpr int64_t kMaxId = 9999999999;         // thesession's ids, with room
constexpr size_t kMaxTextBytes = 1000;         // names, types, keys, URLs
constexpr size_t kMaxAliases = 100;
constexpr int kMaxHeardDelta = 1000000;  // a snapshot carries a tune's presses as one total
constexpr int kMaxDepth = 6;                   // file, changes, change, entries, entry (+1)

// What a change cannot be read as: said with its place in the file.
struct Refused : std::runtime_error {
  using std::runtime_error::runtime_error;
};

bool is_uid(std::string_view text) {
  return !text.empty() && text.size() <= 100 && std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c == '-';
  });
}

// One change's members, each read once and checked; anything left over is unknown.
class Members {
 public:
  // `known`: members read elsewhere (a change's stamp and kind).
  explicit Members(const json& object, std::vector<std::string> known = {}) : change_(object), read_(std::move(known)) {
    if (!object.is_object()) throw Refused("must be an object");
  }
  const json& get(const char* name) {
    const auto it = change_.find(name);
    if (it == change_.end()) throw Refused(std::string("needs \"") + name + "\"");
    read_.push_back(name);
    return *it;
  }
  int64_t integer(const char* name, int64_t min, int64_t max) {
    const json& v = get(name);
    if (!v.is_number_integer()) throw Refused(std::string("\"") + name + "\" must be a whole number, not " + describe_json_value(v));
    const int64_t n = v.is_number_unsigned() && v.get<uint64_t>() > static_cast<uint64_t>(max) ? max + 1 : v.get<int64_t>();
    if (n < min || n > max) {
      throw Refused(std::string("\"") + name + "\" must be from " + std::to_string(min) + " to " + std::to_string(max));
    }
    return n;
  }
  std::string text(const char* name, size_t max_bytes) { return checked_text(get(name), name, max_bytes); }
  std::string uid(const char* name) {
    const json& v = get(name);
    if (!v.is_string() || !is_uid(v.get<std::string>())) {
      throw Refused(std::string("\"") + name + "\" must be an id of lower-case letters, digits and '-'");
    }
    return v.get<std::string>();
  }
  void no_others() const {
    for (const auto& [member, value] : change_.items()) {
      if (std::find(read_.begin(), read_.end(), member) == read_.end()) {
        throw Refused("has an unknown member " + quote_excerpt(member, 40));
      }
    }
  }
  static std::string checked_text(const json& v, std::string_view name, size_t max_bytes) {
    const std::string what = "\"" + std::string(name) + "\"";
    if (!v.is_string()) throw Refused(what + " must be a string, not " + describe_json_value(v));
    const std::string& s = v.get_ref<const std::string&>();
    // (Text that is not UTF-8 never gets here: the JSON parser refuses it.)
    if (s.size() > max_bytes) throw Refused(what + " is longer than " + std::to_string(max_bytes) + " bytes");
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
      throw Refused("\"value\" of " + field + " must be null or a whole number from 0 to " + std::to_string(max));
    }
    return v;
  };
  if (field == "learn_status") {
    if (!v.is_string() || !parse_learn_status(v.get<std::string>())) {
      throw Refused("\"value\" of learn_status must be want_to_learn, learning or learned");
    }
    return v;
  }
  if (field == "learned_at") return id_or_null(kHlcMaxWallMs);
  if (field == "setting_id") return id_or_null(kMaxId);
  if (field == "tunebooks") {
    if (!v.is_number_integer() || v.get<int64_t>() < 0 || v.get<int64_t>() > 1000000000) {
      throw Refused("\"value\" of tunebooks must be a whole number from 0 to 1000000000");
    }
    return v;
  }
  if (field == "name" || field == "type" || field == "key" || field == "url") {
    Members::checked_text(v, "value", kMaxTextBytes);
    return v;
  }
  if (field == "aliases") {
    if (!v.is_array() || v.size() > kMaxAliases) throw Refused("\"value\" of aliases must be a list of at most 100 names");
    for (const json& alias : v) Members::checked_text(alias, "value", kMaxTextBytes);
    return v;
  }
  throw Refused("\"field\" names an unknown field " + quote_excerpt(field, 40));
}

json checked_set_entries(const json& entries) {
  if (!entries.is_array() || entries.size() > kMaxSetEntries) {
    throw Refused("\"entries\" must be a list of at most " + std::to_string(kMaxSetEntries) + " tunes");
  }
  for (const json& entry : entries) {
    Members m(entry);
    m.integer("tune", 1, kMaxId);
    const json& setting = m.get("setting");
    if (!setting.is_null() && (!setting.is_number_integer() || setting.get<int64_t>() < 1 || setting.get<int64_t>() > kMaxId)) {
      throw Refused("\"setting\" of a set entry must be null or a whole number from 1 to " + std::to_string(kMaxId));
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
    if (!rating) throw Refused("\"rating\" must be again, hard, good or easy");
    r.rating = *rating;
    return r;
  }
  if (kind == "rating_undone") return RatingUndone{m.uid("uid")};
  if (kind == "set_field") {
    SetFieldChange c{m.uid("set"), m.text("field", 10), {}};
    if (c.field == "name") c.value = m.text("value", kMaxSetNameBytes);
    else if (c.field == "notes") c.value = m.text("value", kMaxSetNotesBytes);
    else throw Refused("\"field\" of a set must be name or notes");
    return c;
  }
  if (kind == "set_entries") return SetEntriesChange{m.uid("set"), checked_set_entries(m.get("entries"))};
  if (kind == "set_removed") return SetRemoved{m.uid("set")};
  if (kind == "setting") {
    SettingChange c{m.text("key", 64), m.text("value", 200)};
    if (c.key.rfind("practice.", 0) != 0) throw Refused("\"key\" must be a practice setting, not " + quote_excerpt(c.key, 40));
    return c;
  }
  throw Refused("\"kind\" is unknown: " + quote_excerpt(kind, 40));
}

// `device`: the file's; empty for a snapshot, whose changes each name theirs ("d").
DeviceChange read_change(const json& doc, const std::string& file_device) {
  Members m(doc);
  std::string device = file_device;
  if (device.empty()) {
    const json& d = m.get("d");
    if (!d.is_string() || !is_device_id(d.get<std::string>())) throw Refused("\"d\" must be a device id");
    device = d.get<std::string>();
  }
  const json& at = m.get("at");
  if (!at.is_string()) throw Refused("\"at\" must be a clock stamp");
  const auto hlc = parse_hlc(at.get<std::string>());
  if (!hlc) throw Refused("\"at\": " + hlc.error);
  DeviceChange change;
  change.at = {*hlc, device, static_cast<int>(m.integer("i", 0, static_cast<int64_t>(kMaxDeviceFileChanges)))};
  const json& kind = m.get("kind");
  if (!kind.is_string()) throw Refused("\"kind\" must be a string");
  change.body = read_body(kind.get<std::string>(), m);
  m.no_others();
  return change;
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

// One change as a file holds it; `device` adds its device (a snapshot holds many devices').
json change_json(const DeviceChange& change, bool with_device) {
  json item = {{"at", to_string(change.at.hlc)}, {"i", change.at.index}};
  if (with_device) item["d"] = change.at.device;
  std::visit(ToJson{item}, change.body);
  return item;
}

// The members every file has, checked the same way for both formats: the
// document itself, or the reason it is refused.
std::optional<json> read_document(std::string_view text, std::string_view format, std::string_view what,
                                  const std::vector<std::string_view>& members, std::string& error) {
  if (text.size() > kMaxDeviceFileBytes) {
    error = "the file is larger than " + std::to_string(kMaxDeviceFileBytes / (1024 * 1024)) + " MB";
    return std::nullopt;
  }
  auto doc = parse_untrusted_json(text, error, false, kMaxDepth);
  if (!doc) {
    error = "the file is " + error;
    return std::nullopt;
  }
  if (!doc->is_object() || !doc->contains("format") || doc->at("format") != format) {
    error = "the file is not a tunetrack " + std::string(what);
    return std::nullopt;
  }
  // Read with at() behind contains(): a const json's operator[] on a missing member is undefined.
  for (const std::string_view member : members) {
    if (!doc->contains(member)) {
      error = "the file needs \"" + std::string(member) + "\"";
      return std::nullopt;
    }
  }
  const json& version = doc->at("version");
  if (!version.is_number_integer() || version.get<int64_t>() < 1) {
    error = "the file's \"version\" must be a whole number from 1";
    return std::nullopt;
  }
  if (version.get<int64_t>() > kDeviceFileVersion) {
    error = "the file is from a newer tunetrack (format version " + std::to_string(version.get<int64_t>()) +
            "): update tunetrack on this device";
    return std::nullopt;
  }
  for (const auto& [member, value] : doc->items()) {
    if (member != "format" && std::find(members.begin(), members.end(), member) == members.end()) {
      error = "the file has an unknown member " + quote_excerpt(member, 40);
      return std::nullopt;
    }
  }
  const json& device = doc->at("device");
  if (!device.is_string() || !is_device_id(device.get<std::string>())) {
    error = "the file's \"device\" must be 32 lower-case hex digits";
    return std::nullopt;
  }
  const json& changes = doc->at("changes");
  if (!changes.is_array()) {
    error = "the file's \"changes\" must be a list";
    return std::nullopt;
  }
  if (changes.size() > kMaxDeviceFileChanges) {
    error = "the file holds more than " + std::to_string(kMaxDeviceFileChanges) + " changes";
    return std::nullopt;
  }
  return doc;
}

// Each change read, or the reason naming the first that cannot be: the file
// is refused whole. `device`: whose they all are (empty: each says).
std::string read_changes(const json& changes, std::vector<DeviceChange>& out, const std::string& device) {
  out.reserve(changes.size());
  for (size_t i = 0; i < changes.size(); ++i) {
    try {
      out.push_back(read_change(changes[i], device));
    } catch (const Refused& refused) {
      out.clear();
      return "change " + std::to_string(i + 1) + " " + refused.what();
    } catch (const json::exception&) {
      out.clear();
      return "change " + std::to_string(i + 1) + " could not be read";
    }
  }
  return "";
}

}  // namespace

std::string device_file_text(const std::string& device, const std::vector<DeviceChange>& changes) {
  json list = json::array();
  for (const DeviceChange& change : changes) list.push_back(change_json(change, false));
  return json{{"format", kDeviceFileFormat}, {"version", kDeviceFileVersion}, {"device", device}, {"changes", list}}.dump();
}

Parsed<DeviceFile> parse_device_file(std::string_view text) {
  Parsed<DeviceFile> out;
  const auto doc = read_document(text, kDeviceFileFormat, "device changes file", {"version", "device", "changes"}, out.error);
  if (!doc) return out;
  out.value.device = doc->at("device").get<std::string>();
  out.error = read_changes(doc->at("changes"), out.value.changes, out.value.device);
  out.ok = out.error.empty();
  return out;
}

std::string device_snapshot_text(const DeviceSnapshot& snapshot) {
  json covers = json::object();
  for (const auto& [device, stamp] : snapshot.covers) covers[device] = to_string(stamp);
  json list = json::array();
  for (const DeviceChange& change : snapshot.changes) list.push_back(change_json(change, true));
  return json{{"format", kDeviceSnapshotFormat}, {"version", kDeviceFileVersion}, {"device", snapshot.device},
              {"covers", covers}, {"changes", list}}
      .dump();
}

Parsed<DeviceSnapshot> parse_device_snapshot(std::string_view text) {
  Parsed<DeviceSnapshot> out;
  const auto doc = read_document(text, kDeviceSnapshotFormat, "device snapshot", {"version", "device", "covers", "changes"}, out.error);
  if (!doc) return out;
  out.value.device = doc->at("device").get<std::string>();
  const json& covers = doc->at("covers");
  if (!covers.is_object() || covers.size() > kMaxSnapshotDevices) {
    out.error = "the file's \"covers\" must map at most " + std::to_string(kMaxSnapshotDevices) + " devices to clock stamps";
    return out;
  }
  for (const auto& [device, stamp] : covers.items()) {
    const auto hlc = stamp.is_string() ? parse_hlc(stamp.get<std::string>()) : Parsed<HlcStamp>{};
    if (!is_device_id(device) || !hlc) {
      out.error = "the file's \"covers\" must map device ids to clock stamps, not " + quote_excerpt(device, 40);
      return out;
    }
    out.value.covers[device] = *hlc;
  }
  out.error = read_changes(doc->at("changes"), out.value.changes, "");
  if (out.error.empty()) {
    // Each change falls within what the snapshot says it covers of its device.
    for (size_t i = 0; i < out.value.changes.size(); ++i) {
      const DeviceChange& c = out.value.changes[i];
      const auto covered = out.value.covers.find(c.at.device);
      if (covered == out.value.covers.end() || covered->second < c.at.hlc) {
        out.error = "change " + std::to_string(i + 1) + " is newer than what the snapshot covers of its device";
        out.value.changes.clear();
        break;
      }
    }
  }
  out.ok = out.error.empty();
  return out;
}

}  // namespace tt
