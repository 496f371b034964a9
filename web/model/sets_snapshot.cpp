#include "web/model/snapshot_slices.h"

#include "core/music_key.h"
#include "core/time_format.h"
#include "core/tune_set.h"

namespace tt::web {

// Sets (issue 13's contract): every set, the open one with its entries and
// key chain and its player, and the sets sync.
nlohmann::json sets_snapshot(const Model& m) {
  using nlohmann::json;
  json out = json::array();
  for (const TuneSet& s : m.sets.all) {
    json tune_ids = json::array();
    for (const SetEntry& e : s.entries) tune_ids.push_back(e.tune_id);
    out.push_back({{"id", s.id}, {"name", s.name}, {"tune_ids", tune_ids},
                   {"thesession_id", s.thesession_id ? json(*s.thesession_id) : json(nullptr)}});
  }
  return out;
}

nlohmann::json open_set_snapshot(const Model& m) {
  using nlohmann::json;
  const TuneSet* s = m.open_set();
  if (!s) return nullptr;
  json entries = json::array();
  for (const SetEntry& e : s->entries) {
    entries.push_back({{"tune_id", e.tune_id}, {"name", e.name}, {"type", e.type}, {"key", key_label(e.key)},
                       {"setting_id", e.setting_id ? json(*e.setting_id) : json(nullptr)},
                       {"in_collection", e.in_collection}});
  }
  bool queued = false, rated = false;
  for (const SetToday& t : m.practice.sets) {
    if (t.set_id == s->id) {
      queued = true;
      rated = t.rated;
    }
  }
  const SetPlayer& p = m.sets.player;
  return {{"id", s->id},
          {"name", s->name},
          {"notes", s->notes},
          {"thesession_id", s->thesession_id ? json(*s->thesession_id) : json(nullptr)},
          {"entries", entries},
          {"keys", set_key_chain(s->entries)},
          {"current_index", m.set_index_shown()},
          {"current_tune", m.set_tune_shown()},
          {"playing", p.playing && p.set_id == s->id},
          {"queued_today", queued},
          {"rated_today", rated}};
}

}  // namespace tt::web
