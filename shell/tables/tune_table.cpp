#include "shell/tables/tune_table.h"

#include <nlohmann/json.hpp>

#include "shell/tables/json_column.h"

namespace tt {

using nlohmann::json;

std::unordered_set<int64_t> TuneTable::ids() {
  Statement s(db_.handle(), "SELECT id FROM tune");
  std::unordered_set<int64_t> out;
  while (s.step()) out.insert(s.int_at(0));
  return out;
}

bool TuneTable::exists(int64_t tune_id) {
  Statement s(db_.handle(), "SELECT 1 FROM tune WHERE id = ?1");
  s.bind(1, tune_id);
  return s.step();
}

void TuneTable::ensure(const TuneSummary& tune) {
  Statement& s = db_.prepared("INSERT OR IGNORE INTO tune (id, name, type, url) VALUES (?1, ?2, ?3, ?4)");
  s.bind(1, tune.id).bind(2, tune.name).bind(3, tune.type).bind(4, tune.url).run();
}

void TuneTable::write_details(const TuneDetails& d, int64_t now_ms) {
  json settings = json::array();
  for (const auto& s : d.settings) settings.push_back({{"id", s.id}, {"key", s.key}, {"abc", s.abc}});
  const std::string key = d.settings.empty() ? std::string() : d.settings.front().key;
  ensure({d.id, d.name, d.type, d.url});
  Statement& s = db_.prepared(
      "UPDATE tune SET name = ?2, type = ?3, url = ?4, key = ?5, tunebooks = ?6, aliases = ?7, "
      "settings = ?8, details_fetched_at = ?9 WHERE id = ?1");
  s.bind(1, d.id).bind(2, d.name).bind(3, d.type).bind(4, d.url).bind(5, key).bind(6, d.tunebooks)
      .bind(7, json(d.aliases).dump()).bind(8, settings.dump()).bind(9, now_ms).run();
}

TuneTable::MusicKept TuneTable::music_kept() {
  Statement& s = db_.prepared(
      "SELECT count(*), count(t.details_fetched_at) FROM collection c JOIN tune t ON t.id = c.tune_id");
  MusicKept kept;
  if (s.step()) {
    kept.total = static_cast<int>(s.int_at(0));
    kept.kept = static_cast<int>(s.int_at(1));
  }
  s.reset();
  return kept;
}

std::vector<int64_t> TuneTable::collected_without_music(int64_t after, int limit) {
  Statement& s = db_.prepared(
      "SELECT c.tune_id FROM collection c JOIN tune t ON t.id = c.tune_id "
      "WHERE t.details_fetched_at IS NULL AND c.tune_id > ?1 ORDER BY c.tune_id LIMIT ?2");
  s.bind(1, after).bind(2, int64_t{limit});
  std::vector<int64_t> ids;
  while (s.step()) ids.push_back(s.int_at(0));
  s.reset();
  return ids;
}

std::optional<TuneDetails> TuneTable::details(int64_t tune_id) {
  Statement s(db_.handle(),
              "SELECT id, name, type, url, tunebooks, aliases, settings FROM tune "
              "WHERE id = ?1 AND details_fetched_at IS NOT NULL");
  s.bind(1, tune_id);
  if (!s.step()) return std::nullopt;
  TuneDetails d;
  d.id = s.int_at(0);
  d.name = s.text_at(1);
  d.type = s.text_at(2);
  d.url = s.text_at(3);
  d.tunebooks = static_cast<int>(s.int_at(4));
  d.aliases = json_strings(s.text_at(5));
  const json settings = json::parse(s.text_at(6), nullptr, false);
  if (settings.is_array()) {
    for (const auto& o : settings) {
      if (!o.is_object()) continue;
      d.settings.push_back({o.value("id", int64_t{0}), o.value("key", ""), o.value("abc", "")});
    }
  }
  return d;
}

}  // namespace tt
