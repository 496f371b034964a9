#include "core/device_apply.h"

#include <algorithm>
#include <set>

#include "core/practice_io.h"

namespace tt {
namespace {

using nlohmann::json;

const char* const kTuneFields[] = {"name", "type", "key", "url", "tunebooks", "aliases"};
const char* const kEntryFields[] = {"learn_status", "learned_at", "setting_id"};

// The rows of one kind in `local`, by their key.
std::map<int64_t, json> rows_by(const json& local, const char* kind, const char* key) {
  std::map<int64_t, json> out;
  const auto it = local.find(kind);
  if (it == local.end() || !it->contains("put")) return out;
  for (const json& row : it->at("put")) {
    if (row.contains(key) && row.at(key).is_number_integer()) out[row.at(key).get<int64_t>()] = row;
  }
  return out;
}

json card_row(int64_t tune_id, const CardMemory& c) {
  return {{"tune_id", tune_id}, {"state", std::string(to_string(c.state))}, {"stability", c.stability},
          {"difficulty", c.difficulty}, {"reps", c.reps}, {"lapses", c.lapses}, {"learning_step", c.learning_step},
          {"due", c.due_ms}, {"last_review", c.last_review_ms ? json(*c.last_review_ms) : json(nullptr)},
          {"scheduled_days", c.scheduled_days}, {"elapsed_days", c.elapsed_days}};
}

std::string log_card_text(const CardMemory& c) { return card_to_json(c, CardTimes::EpochMs).dump(); }

class Planner {
 public:
  Planner(const MergedCollection& merged, const json& local, const DeviceUids& uids, const FsrsParameters& parameters,
          int64_t now_ms)
      : merged_(merged), uids_(uids), parameters_(parameters), now_ms_(now_ms),
        tunes_(rows_by(local, "tunes", "id")), entries_(rows_by(local, "collection", "tune_id")),
        cards_(rows_by(local, "cards", "tune_id")), ratings_(rows_by(local, "ratings", "id")),
        sets_(rows_by(local, "sets", "id")), settings_(local.contains("settings") ? local["settings"].value("all", json::array()) : json::array()) {}

  DeviceApply run() {
    plan_tunes_and_entries();
    plan_ratings_and_cards();
    plan_sets();
    plan_settings();
    return std::move(out_);
  }

 private:
  void put(const char* kind, json row) { out_.changes[kind]["put"].push_back(std::move(row)); }
  void remove(const char* kind, int64_t key) { out_.changes[kind]["removed"].push_back(key); }

  // A tune row is there (or made) for every tune a collected entry or a set names.
  void ensure_tune(int64_t tune_id) {
    if (tunes_.count(tune_id)) return;
    json row = {{"id", tune_id}, {"name", "Tune " + std::to_string(tune_id)}, {"type", ""}, {"url", ""}, {"key", ""},
                {"tunebooks", 0}, {"aliases", "[]"}, {"settings", "[]"}, {"details_fetched_at", nullptr}};
    tunes_[tune_id] = row;
    put("tunes", row);
  }

  void plan_tunes_and_entries() {
    for (const auto& [tune_id, tune] : merged_.tunes) {
      const auto local_tune = tunes_.find(tune_id);
      json row = local_tune != tunes_.end() ? local_tune->second : json(nullptr);
      bool has_details = false;
      for (const char* field : kTuneFields) {
        const auto value = tune.fields.find(field);
        if (value == tune.fields.end()) continue;
        if (row.is_null()) {
          row = {{"id", tune_id}, {"name", ""}, {"type", ""}, {"url", ""}, {"key", ""}, {"tunebooks", 0},
                 {"aliases", "[]"}, {"settings", "[]"}, {"details_fetched_at", nullptr}};
        }
        row[field] = std::string_view(field) == "aliases" ? json(value->second.dump()) : value->second;
        has_details = true;
      }
      if (has_details && (local_tune == tunes_.end() || row != local_tune->second)) {
        tunes_[tune_id] = row;
        put("tunes", row);
      }
      plan_entry(tune_id, tune);
    }
  }

  void plan_entry(int64_t tune_id, const MergedTune& tune) {
    const auto local = entries_.find(tune_id);
    if (tune.removed) {
      if (local == entries_.end()) return;
      remove("collection", tune_id);
      if (cards_.count(tune_id)) remove("cards", tune_id);
      removed_tunes_.insert(tune_id);
      return;
    }
    if (!tune.fields.count("learn_status")) return;  // never collected anywhere: details only
    ensure_tune(tune_id);
    json row = local != entries_.end() ? local->second
                                        : json{{"tune_id", tune_id}, {"learn_status", "want_to_learn"}, {"heard_count", 0},
                                               {"learned_at", nullptr}, {"notes", ""}, {"created_at", now_ms_},
                                               {"updated_at", now_ms_}, {"source", "device"}, {"in_tunebook", 0},
                                               {"setting_id", nullptr}};
    const json before = row;
    for (const char* field : kEntryFields) {
      const auto value = tune.fields.find(field);
      if (value != tune.fields.end()) row[field] = value->second;
    }
    row["heard_count"] = std::max<int64_t>(0, tune.heard);
    row["notes"] = tune.notes;
    if (local == entries_.end() || row != before) {
      if (local != entries_.end()) row["updated_at"] = now_ms_;
      put("collection", row);
    }
  }

  void plan_ratings_and_cards() {
    // This database's rated rows by uid; those undone elsewhere go.
    std::map<std::string, int64_t> local_ids;
    int64_t next_id = 1;
    for (const auto& [id, row] : ratings_) {
      next_id = std::max(next_id, id + 1);
      const std::string uid = uids_.uid_of_rating_row(row);
      if (merged_.ratings.count(uid)) {
        local_ids[uid] = id;
      } else if (row.value("origin", "") == "rated") {
        remove("ratings", id);  // undone on another device; imported history is never undone
      }
    }
    // Each tune's ratings replayed in time order (then by uid), as every device does.
    std::map<int64_t, std::vector<const RatingGiven*>> by_tune;
    for (const auto& [uid, rating] : merged_.ratings) by_tune[rating.tune_id].push_back(&rating);
    // A card with no rating left (all undone somewhere) goes, as an undo here
    // takes a never-rated card away; one kept by imported history stays.
    std::set<int64_t> imported;
    for (const auto& [id, row] : ratings_) {
      if (row.value("origin", "") == "imported" && row.contains("tune_id")) imported.insert(row["tune_id"].get<int64_t>());
    }
    for (const auto& [tune_id, card] : cards_) {
      if (!by_tune.count(tune_id) && !imported.count(tune_id) && !removed_tunes_.count(tune_id)) remove("cards", tune_id);
    }
    for (auto& [tune_id, ratings] : by_tune) {
      std::sort(ratings.begin(), ratings.end(), [](const RatingGiven* a, const RatingGiven* b) {
        return a->at_ms != b->at_ms ? a->at_ms < b->at_ms : a->uid < b->uid;
      });
      const auto tune = merged_.tunes.find(tune_id);
      const bool removed = tune == merged_.tunes.end() || tune->second.removed;
      CardMemory card = new_card(ratings.front()->at_ms);
      for (const RatingGiven* r : ratings) {
        const CardMemory before = card;
        card = review(parameters_, card, r->rating, r->at_ms);
        const auto local = local_ids.find(r->uid);
        const int64_t id = local != local_ids.end() ? local->second : next_id++;
        json row = local != local_ids.end() ? ratings_.at(id)
                                            : json{{"id", id}, {"origin", r->uid.rfind("imported-", 0) == 0 ? "imported" : "rated"},
                                                   {"set_id", nullptr}, {"tune_removed", 0}};
        const json was = local != local_ids.end() ? row : json(nullptr);
        row["tune_id"] = tune_id;
        row["at"] = r->at_ms;
        row["rating"] = std::string(to_string(r->rating));
        row["before"] = log_card_text(before);
        row["after"] = log_card_text(card);
        if (removed || removed_tunes_.count(tune_id)) row["tune_removed"] = 1;
        if (row != was) put("ratings", row);
        if (local == local_ids.end()) out_.new_rating_uids[id] = r->uid;
      }
      if (removed || (!entries_.count(tune_id) && !will_be_collected(tune_id))) continue;
      const json now = card_row(tune_id, card);
      const auto local_card = cards_.find(tune_id);
      if (local_card == cards_.end() || local_card->second != now) put("cards", now);
    }
  }

  bool will_be_collected(int64_t tune_id) const {
    const auto tune = merged_.tunes.find(tune_id);
    return tune != merged_.tunes.end() && !tune->second.removed && tune->second.fields.count("learn_status");
  }

  std::string set_uid(int64_t id, const json& row) const {
    const json& thesession_id = row.contains("thesession_id") ? row.at("thesession_id") : json(nullptr);
    if (thesession_id.is_number_integer()) return "thesession-" + std::to_string(thesession_id.get<int64_t>());
    return uids_.set_uid(id);
  }

  void plan_sets() {
    std::map<std::string, int64_t> local_ids;
    int64_t next_id = 1;
    for (const auto& [id, row] : sets_) {
      local_ids[set_uid(id, row)] = id;
      next_id = std::max(next_id, id + 1);
    }
    for (const auto& [uid, set] : merged_.sets) {
      const auto local = local_ids.find(uid);
      if (set.removed) {
        if (local != local_ids.end()) remove("sets", local->second);
        continue;
      }
      const int64_t id = local != local_ids.end() ? local->second : next_id++;
      json row = local != local_ids.end() ? sets_.at(id)
                                          : json{{"id", id}, {"name", "Set"}, {"notes", ""}, {"created_at", now_ms_},
                                                 {"updated_at", now_ms_}, {"thesession_url", ""}, {"thesession_id", nullptr}};
      const json was = local != local_ids.end() ? row : json(nullptr);
      if (local == local_ids.end() && uid.rfind("thesession-", 0) == 0) {
        row["thesession_id"] = std::stoll(uid.substr(11));
      }
      for (const auto& [field, value] : set.fields) row[field] = value;
      json entries = json::array();
      for (const json& e : set.entries) {
        if (!e.is_object() || !e.contains("tune") || !e.at("tune").is_number_integer()) continue;
        const int64_t tune_id = e.at("tune").get<int64_t>();
        ensure_tune(tune_id);
        entries.push_back({{"position", static_cast<int64_t>(entries.size())}, {"tune_id", tune_id},
                           {"setting_id", e.value("setting", json(nullptr))}, {"key", e.value("key", std::string())}});
      }
      row["entries"] = entries;
      if (row != was) {
        if (local != local_ids.end()) row["updated_at"] = now_ms_;
        put("sets", row);
      }
      if (local == local_ids.end()) out_.new_set_uids[id] = uid;
    }
  }

  void plan_settings() {
    json all = json::array();
    std::set<std::string> written;
    bool differs = false;
    for (const json& row : settings_) {
      const std::string key = row.value("key", "");
      json kept = row;
      const auto merged = merged_.settings.find(key);
      if (merged != merged_.settings.end() && setting_travels(key) && row.value("value", "") != merged->second) {
        kept["value"] = merged->second;
        differs = true;
      }
      written.insert(key);
      all.push_back(std::move(kept));
    }
    for (const auto& [key, value] : merged_.settings) {
      if (written.count(key) || !setting_travels(key)) continue;
      all.push_back({{"key", key}, {"value", value}});
      differs = true;
    }
    if (differs) out_.changes["settings"] = {{"all", all}};
  }

  const MergedCollection& merged_;
  const DeviceUids& uids_;
  const FsrsParameters& parameters_;
  const int64_t now_ms_;
  std::map<int64_t, json> tunes_, entries_, cards_, ratings_, sets_;
  const json settings_;
  std::set<int64_t> removed_tunes_;
  DeviceApply out_;
};

}  // namespace

DeviceApply changes_toward(const MergedCollection& merged, const json& local, const DeviceUids& uids,
                           const FsrsParameters& parameters, int64_t now_ms) {
  return Planner(merged, local, uids, parameters, now_ms).run();
}

}  // namespace tt
