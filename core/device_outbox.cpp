#include "core/device_outbox.h"

namespace tt {
namespace {

using nlohmann::json;

// The tune's own details that travel (the ABC settings do not: each device
// fetches them from thesession.org when the tune is opened).
const char* const kTuneFields[] = {"name", "type", "key", "url", "tunebooks", "aliases"};
// The collection entry's single values (heard and notes have their own rules).
const char* const kEntryFields[] = {"learn_status", "learned_at", "setting_id"};

std::string key_text(const json& key) { return key.is_string() ? key.get<std::string>() : key.dump(); }

const char* const kThingKinds[] = {"tunes", "collection", "ratings", "sets"};

const json& member(const json& object, const char* name) {
  static const json kNull;
  const auto it = object.find(name);
  return it == object.end() ? kNull : *it;
}

// A put object's key: a collection entry is keyed by its tune, the rest by id.
const json& key_of(const std::string& kind, const json& object) {
  return member(object, kind == "collection" ? "tune_id" : "id");
}

// aliases are kept as JSON text in their column; they travel as a list.
json tune_value(const char* field, const json& value) {
  if (std::string_view(field) != "aliases" || !value.is_string()) return value;
  json parsed = json::parse(value.get<std::string>(), nullptr, false);
  return parsed.is_array() ? parsed : json::array();
}

json set_entries_value(const json& entries) {
  json out = json::array();
  if (!entries.is_array()) return out;
  for (const json& e : entries) {
    out.push_back({{"tune", member(e, "tune_id")}, {"setting", member(e, "setting_id")},
                   {"key", member(e, "key").is_string() ? member(e, "key") : json("")}});
  }
  return out;
}

class Deriver {
 public:
  Deriver(const ChangeRecord& record, OutboxMemory& memory, const DeviceUids& uids)
      : record_(record), memory_(memory), uids_(uids), sending_(record.action != kDeviceSyncAction) {}

  std::vector<DeviceChange> run() {
    const json& changes = record_.changes;
    for (const char* kind : kThingKinds) {
      const auto it = changes.find(kind);
      if (it == changes.end()) continue;
      for (const json& object : member(*it, "put")) put(kind, object);
      for (const json& key : member(*it, "removed")) removed(kind, key);
    }
    if (const auto it = changes.find("settings"); it != changes.end()) settings(member(*it, "all"));
    return std::move(out_);
  }

 private:
  void emit(DeviceChangeBody body) {
    if (!sending_) return;
    out_.push_back({{record_.hlc, record_.device, static_cast<int>(out_.size())}, std::move(body)});
  }

  void put(const std::string& kind, const json& now) {
    const json& key = key_of(kind, now);
    auto& last = memory_.last[{kind, key_text(key)}];
    const json before = last.is_null() ? json::object() : last;
    if (kind == "tunes") tune(key.get<int64_t>(), before, now);
    if (kind == "collection") entry(key.get<int64_t>(), before, now);
    if (kind == "ratings" && before.empty()) rating(now);
    if (kind == "sets") set(set_uid(key.get<int64_t>(), now), before, now);
    last = now;
  }

  void removed(const std::string& kind, const json& key) {
    const auto last = memory_.last.find({kind, key_text(key)});
    const json before = last == memory_.last.end() ? json::object() : last->second;
    if (last != memory_.last.end()) memory_.last.erase(last);
    if (!key.is_number_integer()) return;
    const int64_t id = key.get<int64_t>();
    if (kind == "collection") emit(TuneRemoved{id});
    if (kind == "ratings") emit(RatingUndone{uids_.rating_uid(id)});
    if (kind == "sets") emit(SetRemoved{set_uid(id, before)});
  }

  // A set brought in from thesession.org is the same set on every device
  // that brings it in: named by that set's id there.
  std::string set_uid(int64_t local_id, const json& row) const {
    const json& thesession_id = member(row, "thesession_id");
    if (thesession_id.is_number_integer()) return "thesession-" + std::to_string(thesession_id.get<int64_t>());
    return uids_.set_uid(local_id);
  }

  void tune(int64_t id, const json& before, const json& now) {
    for (const char* field : kTuneFields) {
      if (now.contains(field) && member(before, field) != member(now, field)) {
        emit(TuneFieldChange{id, field, tune_value(field, member(now, field))});
      }
    }
  }

  void entry(int64_t tune_id, const json& before, const json& now) {
    for (const char* field : kEntryFields) {
      // A new entry sends every value, so another device adds the tune as it is here.
      if (now.contains(field) && (before.empty() || member(before, field) != member(now, field))) {
        emit(TuneFieldChange{tune_id, field, member(now, field)});
      }
    }
    const int64_t heard_before = member(before, "heard_count").is_number_integer() ? member(before, "heard_count").get<int64_t>() : 0;
    const int64_t heard_now = member(now, "heard_count").is_number_integer() ? member(now, "heard_count").get<int64_t>() : 0;
    if (heard_now != heard_before) emit(HeardChange{tune_id, static_cast<int>(heard_now - heard_before)});
    const std::string notes_before = member(before, "notes").is_string() ? member(before, "notes").get<std::string>() : "";
    const std::string notes_now = member(now, "notes").is_string() ? member(now, "notes").get<std::string>() : "";
    if (notes_now != notes_before) emit(NotesChange{tune_id, notes_before, notes_now});
  }

  void rating(const json& now) {
    // A rating of a tune removed since is history kept here, not practice to share.
    if (member(now, "tune_removed") == 1) return;
    const auto rating = parse_rating(member(now, "rating").is_string() ? member(now, "rating").get<std::string>() : "");
    if (!rating || !member(now, "at").is_number_integer() || !member(now, "tune_id").is_number_integer()) return;
    if (!member(now, "id").is_number_integer()) return;
    emit(RatingGiven{uids_.uid_of_rating_row(now), member(now, "tune_id").get<int64_t>(),
                     member(now, "at").get<int64_t>(), *rating});
  }

  void set(const std::string& uid, const json& before, const json& now) {
    for (const char* field : {"name", "notes"}) {
      if (now.contains(field) && (before.empty() || member(before, field) != member(now, field))) {
        emit(SetFieldChange{uid, field, member(now, field)});
      }
    }
    if (before.empty() || set_entries_value(member(before, "entries")) != set_entries_value(member(now, "entries"))) {
      emit(SetEntriesChange{uid, set_entries_value(member(now, "entries"))});
    }
  }

  void settings(const json& all) {
    std::map<std::string, std::string> now;
    for (const json& row : all) {
      const json& key = member(row, "key");
      const json& value = member(row, "value");
      if (!key.is_string() || !value.is_string() || !setting_travels(key.get<std::string>())) continue;
      now[key.get<std::string>()] = value.get<std::string>();
    }
    for (const auto& [key, value] : now) {
      const auto it = memory_.settings.find(key);
      if (it == memory_.settings.end() || it->second != value) emit(SettingChange{key, value});
    }
    memory_.settings = std::move(now);
  }

  const ChangeRecord& record_;
  OutboxMemory& memory_;
  const DeviceUids& uids_;
  const bool sending_;
  std::vector<DeviceChange> out_;
};

}  // namespace

bool setting_travels(std::string_view key) {
  return key == "practice.per_day" || key == "practice.new_per_day" || key == "practice.retention";
}

std::string DeviceUids::rating_uid(int64_t local_id) const {
  const auto it = ratings.find(local_id);
  return it != ratings.end() ? it->second : device + "-r" + std::to_string(local_id);
}

std::string DeviceUids::uid_of_rating_row(const json& row) const {
  if (member(row, "origin") == "imported") {
    return "imported-" + member(row, "tune_id").dump() + "-" + member(row, "at").dump() + "-" +
           (member(row, "rating").is_string() ? member(row, "rating").get<std::string>() : std::string("x"));
  }
  return rating_uid(member(row, "id").is_number_integer() ? member(row, "id").get<int64_t>() : 0);
}

std::string DeviceUids::set_uid(int64_t local_id) const {
  const auto it = sets.find(local_id);
  return it != sets.end() ? it->second : device + "-s" + std::to_string(local_id);
}

OutboxKeys outbox_keys_of(const std::vector<ChangeRecord>& records) {
  OutboxKeys out;
  for (const ChangeRecord& record : records) {
    const bool sending = record.action != kDeviceSyncAction;
    const auto touch = [&](const char* kind, const json& key) {
      OutboxKey thing(kind, key_text(key));
      if (sending && !out.to_save.count(thing)) out.to_read.insert(thing);
      out.to_save.insert(std::move(thing));
    };
    for (const char* kind : kThingKinds) {
      const auto it = record.changes.find(kind);
      if (it == record.changes.end()) continue;
      for (const json& object : member(*it, "put")) touch(kind, key_of(kind, object));
      for (const json& key : member(*it, "removed")) touch(kind, key);
    }
  }
  return out;
}

std::vector<DeviceChange> device_changes_of(const ChangeRecord& record, OutboxMemory& memory, const DeviceUids& uids) {
  return Deriver(record, memory, uids).run();
}

}  // namespace tt
