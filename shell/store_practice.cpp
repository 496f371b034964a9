// The store's practice half: cards, the log of ratings and progress counts
// (the day's queue and the practice settings: store_practice_queue.cpp). Rules come from
// core/practice_rating.h, core/practice.h and core/fsrs.h; this file reads and writes rows.
#include <nlohmann/json.hpp>

#include <unordered_set>

#include "core/practice_io.h"
#include "core/practice_rating.h"
#include "core/time_format.h"
#include "shell/store.h"

namespace tt {
namespace {

using nlohmann::json;


constexpr const char* kCardColumns =
    "tune_id, state, stability, difficulty, reps, lapses, learning_step, due, last_review, scheduled_days, "
    "elapsed_days";

// A card as the log keeps it (times in epoch ms, like practice_card).
std::string log_card(const CardMemory& c) { return card_to_json(c, CardTimes::EpochMs).dump(); }

// Written by log_card; a damaged value reads as what can be read (FSRS
// sanitises a card's memory before use).
CardMemory card_from_json(const std::string& text) {
  CardMemory c;
  const json o = json::parse(text, nullptr, false);
  if (!o.is_object()) return c;
  const auto number = [&](const char* key, auto fallback) {
    const auto it = o.find(key);
    return it != o.end() && it->is_number() ? it->get<decltype(fallback)>() : fallback;
  };
  if (const auto it = o.find("state"); it != o.end() && it->is_string()) {
    c.state = parse_card_state(it->get<std::string>()).value_or(CardState::New);
  }
  c.stability = number("stability", 0.0);
  c.difficulty = number("difficulty", 0.0);
  c.reps = number("reps", 0);
  c.lapses = number("lapses", 0);
  c.learning_step = number("learning_step", 0);
  c.due_ms = number("due", int64_t{0});
  if (const auto it = o.find("last_review"); it != o.end() && it->is_number()) c.last_review_ms = it->get<int64_t>();
  c.scheduled_days = number("scheduled_days", int64_t{0});
  c.elapsed_days = number("elapsed_days", int64_t{0});
  return c;
}

CardMemory read_card(const Statement& s) {  // kCardColumns
  CardMemory c;
  c.state = parse_card_state(s.text_at(1)).value_or(CardState::New);
  c.stability = s.double_at(2);
  c.difficulty = s.double_at(3);
  c.reps = static_cast<int>(s.int_at(4));
  c.lapses = static_cast<int>(s.int_at(5));
  c.learning_step = static_cast<int>(s.int_at(6));
  c.due_ms = s.int_at(7);
  if (!s.is_null(8)) c.last_review_ms = s.int_at(8);
  c.scheduled_days = s.int_at(9);
  c.elapsed_days = s.int_at(10);
  return c;
}

PracticeLogEntry read_log_row(const Statement& s) {  // id, tune_id, at, rating, before, after
  PracticeLogEntry row;
  row.id = s.int_at(0);
  row.tune_id = s.int_at(1);
  row.at_ms = s.int_at(2);
  row.rating = parse_rating(s.text_at(3)).value_or(Rating::Good);
  row.before = card_from_json(s.text_at(4));
  row.after = card_from_json(s.text_at(5));
  return row;
}



}  // namespace

std::map<int64_t, CardMemory> Store::practice_cards() {
  Statement s(db_.handle(), std::string("SELECT ") + kCardColumns + " FROM practice_card");
  std::map<int64_t, CardMemory> out;
  while (s.step()) out.emplace(s.int_at(0), read_card(s));
  return out;
}

std::optional<CardMemory> Store::practice_card(int64_t tune_id) {
  Statement s(db_.handle(), std::string("SELECT ") + kCardColumns + " FROM practice_card WHERE tune_id = ?1");
  s.bind(1, tune_id);
  if (!s.step()) return std::nullopt;
  return read_card(s);
}

void Store::write_card(int64_t tune_id, const CardMemory& c) {
  Statement s(db_.handle(),
              "INSERT OR REPLACE INTO practice_card (tune_id, state, stability, difficulty, reps, lapses, learning_step, "
              "due, last_review, scheduled_days, elapsed_days) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
  s.bind(1, tune_id).bind(2, to_string(c.state)).bind(3, c.stability).bind(4, c.difficulty).bind(5, c.reps)
      .bind(6, c.lapses).bind(7, c.learning_step).bind(8, c.due_ms).bind(9, c.last_review_ms)
      .bind(10, c.scheduled_days).bind(11, c.elapsed_days).run();
}

void Store::check_rating_inputs(Rating rating, const FsrsParameters& params, int64_t now_ms) {
  if (const std::string refusal = rating_refusal(rating, params, now_ms); !refusal.empty()) throw StoreError(refusal);
}

RatingOutcome Store::write_rating(const CollectionEntry& collected, Rating rating, const FsrsParameters& params,
                                  int64_t now_ms, std::optional<int64_t> set_id) {
  const RatedCard rated = rate_card(collected.status, practice_card(collected.tune_id), rating, params, now_ms);
  write_card(collected.tune_id, rated.after);
  RatingOutcome outcome;
  outcome.entry = {0, collected.tune_id, now_ms, rating, rated.before, rated.after};
  outcome.entry.id = append_log_row(outcome.entry, "rated", set_id);
  outcome.suggests_promotion = rated.suggests_promotion;
  return outcome;
}

int64_t Store::append_log_row(const PracticeLogEntry& row, std::string_view origin, std::optional<int64_t> set_id) {
  Statement s(db_.handle(),
              "INSERT INTO practice_log (tune_id, at, rating, before, after, origin, set_id) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  s.bind(1, row.tune_id).bind(2, row.at_ms).bind(3, to_string(row.rating)).bind(4, log_card(row.before))
      .bind(5, log_card(row.after)).bind(6, origin).bind(7, set_id).run();
  return sqlite3_last_insert_rowid(db_.handle());
}

RatingOutcome Store::rate(int64_t tune_id, Rating rating, const FsrsParameters& params, int64_t now_ms) {
  check_rating_inputs(rating, params, now_ms);
  Change tx(*this, "rate");
  const auto collected = entry(tune_id);
  if (!collected) throw StoreError("Tune #" + std::to_string(tune_id) + " is not in your collection");
  RatingOutcome outcome = write_rating(*collected, rating, params, now_ms, std::nullopt);
  tx.commit();
  return outcome;
}

void Store::forget_practice_of(int64_t tune_id) {
  Statement card(db_.handle(), "DELETE FROM practice_card WHERE tune_id = ?1");
  card.bind(1, tune_id).run();
  Statement log(db_.handle(), "UPDATE practice_log SET tune_removed = 1 WHERE tune_id = ?1");
  log.bind(1, tune_id).run();
}

std::optional<PracticeLogEntry> Store::undo_last_rating() {
  Change tx(*this, "undo_rating");
  Statement s(db_.handle(),
              "SELECT id, tune_id, at, rating, before, after, tune_removed, set_id FROM practice_log "
              "WHERE origin = 'rated' ORDER BY id DESC LIMIT 1");
  if (!s.step()) return std::nullopt;
  const PracticeLogEntry newest = read_log_row(s);
  const std::optional<int64_t> set_id = s.is_null(7) ? std::nullopt : std::optional<int64_t>(s.int_at(7));
  s.reset();
  // One set rating gave each of its tunes a row at the same moment: they go together.
  std::vector<std::pair<PracticeLogEntry, bool>> rows;  // row, tune removed since
  if (set_id) {
    Statement group(db_.handle(),
                    "SELECT id, tune_id, at, rating, before, after, tune_removed FROM practice_log "
                    "WHERE origin = 'rated' AND set_id = ?1 AND at = ?2 ORDER BY id DESC");
    group.bind(1, *set_id).bind(2, newest.at_ms);
    while (group.step()) rows.emplace_back(read_log_row(group), group.int_at(6) != 0);
    Statement unrate(db_.handle(), "UPDATE practice_set_queue SET rated_at = NULL WHERE set_id = ?1 AND rated_at = ?2");
    unrate.bind(1, *set_id).bind(2, newest.at_ms).run();
  } else {
    Statement again(db_.handle(), "SELECT tune_removed FROM practice_log WHERE id = ?1");
    again.bind(1, newest.id);
    again.step();
    rows.emplace_back(newest, again.int_at(0) != 0);
  }
  Statement drop(db_.handle(), "DELETE FROM practice_log WHERE id = ?1");
  for (const auto& [row, removed] : rows) {
    drop.bind(1, row.id).run();
    if (removed || !entry(row.tune_id)) continue;
    if (const auto card = card_before_rating(row)) {
      write_card(row.tune_id, *card);
    } else {
      Statement forget(db_.handle(), "DELETE FROM practice_card WHERE tune_id = ?1");
      forget.bind(1, row.tune_id).run();
    }
  }
  tx.commit();
  return newest;
}

std::vector<PracticeLogEntry> Store::read_log(const std::string& where, int64_t from_ms, int64_t to_ms) {
  Statement s(db_.handle(), "SELECT id, tune_id, at, rating, before, after FROM practice_log WHERE at >= ?1 AND at < ?2" +
                                where + " ORDER BY at, id");
  s.bind(1, from_ms).bind(2, to_ms);
  std::vector<PracticeLogEntry> out;
  while (s.step()) out.push_back(read_log_row(s));
  return out;
}

std::vector<PracticeLogEntry> Store::practice_log_since(int64_t from_ms) {
  return read_log("", from_ms, INT64_MAX);  // rate and import never write a time that far out
}

int Store::ratings_between(int64_t from_ms, int64_t to_ms) {
  Statement s(db_.handle(), "SELECT COUNT(*) FROM practice_log WHERE at >= ?1 AND at < ?2");
  s.bind(1, from_ms).bind(2, to_ms);
  s.step();
  return static_cast<int>(s.int_at(0));
}

int Store::new_started_between(int64_t from_ms, int64_t to_ms) {
  int count = 0;
  for (const auto& row : read_log("", from_ms, to_ms)) count += row.before.state == CardState::New ? 1 : 0;
  return count;
}


PracticeData Store::practice_data() {
  PracticeData data;
  data.cards = practice_cards();
  data.log = read_log(" AND tune_removed = 0", INT64_MIN, INT64_MAX);
  return data;
}

void Store::merge_practice(const PracticeData& practice, ImportSummary& summary) {
  if (practice.cards.empty() && practice.log.empty()) return;
  const std::unordered_set<int64_t> collected = collected_ids();
  std::unordered_set<int64_t> with_card;
  {
    Statement s(db_.handle(), "SELECT tune_id FROM practice_card");
    while (s.step()) with_card.insert(s.int_at(0));
  }
  std::vector<LoggedRating> logged;
  {
    Statement s(db_.handle(), "SELECT tune_id, at, rating FROM practice_log");
    while (s.step()) logged.push_back({s.int_at(0), s.int_at(1), parse_rating(s.text_at(2)).value_or(Rating::Good)});
  }
  const PracticeImportPlan plan = plan_practice_import(practice, collected, with_card, logged);
  for (const auto& [tune_id, card] : plan.cards) write_card(tune_id, card);
  for (const auto& row : plan.log) append_log_row(row, "imported", std::nullopt);
  summary.practice_cards_added += static_cast<int>(plan.cards.size());
  summary.practice_ratings_added += static_cast<int>(plan.log.size());
}

std::map<std::string, int> Store::learned_per_month() {
  Statement s(db_.handle(),
              "SELECT learned_at FROM collection WHERE learn_status = 'learned' AND learned_at IS NOT NULL");
  std::map<std::string, int> out;
  while (s.step()) ++out[format_iso8601_utc(s.int_at(0)).substr(0, 7)];
  return out;
}

std::map<std::string, int> Store::reviews_per_day(int64_t from_ms, int utc_offset_minutes) {
  Statement s(db_.handle(), "SELECT at FROM practice_log WHERE at >= ?1");
  s.bind(1, from_ms);
  std::map<std::string, int> out;
  while (s.step()) ++out[practice_day(s.int_at(0), utc_offset_minutes)];
  return out;
}

}  // namespace tt
