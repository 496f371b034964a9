#include "shell/tables/rating_log.h"

#include <nlohmann/json.hpp>

#include <string>

#include "core/practice_io.h"

namespace tt {
namespace {

using nlohmann::json;

constexpr const char* kLogColumns = "id, tune_id, at, rating, before, after";

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

RatedRow read_rated_row(const Statement& s) {  // kLogColumns, tune_removed, set_id
  RatedRow rated;
  rated.row = read_log_row(s);
  rated.tune_removed = s.int_at(6) != 0;
  if (!s.is_null(7)) rated.set_id = s.int_at(7);
  return rated;
}

}  // namespace

int64_t RatingLog::append(const PracticeLogEntry& row, std::string_view origin, std::optional<int64_t> set_id) {
  Statement& s = db_.prepared(
              "INSERT INTO practice_log (tune_id, at, rating, before, after, origin, set_id) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  s.bind(1, row.tune_id).bind(2, row.at_ms).bind(3, to_string(row.rating)).bind(4, log_card(row.before))
      .bind(5, log_card(row.after)).bind(6, origin).bind(7, set_id).run();
  return sqlite3_last_insert_rowid(db_.handle());
}

std::vector<PracticeLogEntry> RatingLog::between(int64_t from_ms, int64_t to_ms, bool kept_tunes) {
  Statement s(db_.handle(), std::string("SELECT ") + kLogColumns + " FROM practice_log WHERE at >= ?1 AND at < ?2" +
                                (kept_tunes ? " AND tune_removed = 0" : "") + " ORDER BY at, id");
  s.bind(1, from_ms).bind(2, to_ms);
  std::vector<PracticeLogEntry> out;
  while (s.step()) out.push_back(read_log_row(s));
  return out;
}

int RatingLog::count_between(int64_t from_ms, int64_t to_ms) {
  Statement s(db_.handle(), "SELECT COUNT(*) FROM practice_log WHERE at >= ?1 AND at < ?2");
  s.bind(1, from_ms).bind(2, to_ms);
  s.step();
  return static_cast<int>(s.int_at(0));
}

std::vector<int64_t> RatingLog::times_since(int64_t from_ms) {
  Statement s(db_.handle(), "SELECT at FROM practice_log WHERE at >= ?1");
  s.bind(1, from_ms);
  std::vector<int64_t> out;
  while (s.step()) out.push_back(s.int_at(0));
  return out;
}

std::vector<PracticeLogEntry> RatingLog::agains_since(int64_t from_ms) {
  // Only the tune and the time: a queue needs no cards from the log.
  Statement s(db_.handle(),
              "SELECT tune_id, at FROM practice_log WHERE at >= ?1 AND rating = 'again' AND tune_removed = 0");
  s.bind(1, from_ms);
  std::vector<PracticeLogEntry> out;
  while (s.step()) {
    PracticeLogEntry row;
    row.tune_id = s.int_at(0);
    row.at_ms = s.int_at(1);
    row.rating = Rating::Again;
    out.push_back(row);
  }
  return out;
}

std::vector<LoggedRating> RatingLog::all_ratings() {
  Statement s(db_.handle(), "SELECT tune_id, at, rating FROM practice_log");
  std::vector<LoggedRating> out;
  while (s.step()) out.push_back({s.int_at(0), s.int_at(1), parse_rating(s.text_at(2)).value_or(Rating::Good)});
  return out;
}

std::optional<RatedRow> RatingLog::newest_rated() {
  Statement s(db_.handle(), std::string("SELECT ") + kLogColumns +
                                ", tune_removed, set_id FROM practice_log WHERE origin = 'rated' ORDER BY id DESC LIMIT 1");
  if (!s.step()) return std::nullopt;
  return read_rated_row(s);
}

std::vector<RatedRow> RatingLog::rated_with_set(int64_t set_id, int64_t at_ms) {
  Statement s(db_.handle(), std::string("SELECT ") + kLogColumns +
                                ", tune_removed, set_id FROM practice_log "
                                "WHERE origin = 'rated' AND set_id = ?1 AND at = ?2 ORDER BY id DESC");
  s.bind(1, set_id).bind(2, at_ms);
  std::vector<RatedRow> out;
  while (s.step()) out.push_back(read_rated_row(s));
  return out;
}

void RatingLog::remove(int64_t id) {
  Statement s(db_.handle(), "DELETE FROM practice_log WHERE id = ?1");
  s.bind(1, id).run();
}

void RatingLog::mark_tune_removed(int64_t tune_id) {
  Statement s(db_.handle(), "UPDATE practice_log SET tune_removed = 1 WHERE tune_id = ?1");
  s.bind(1, tune_id).run();
}

}  // namespace tt
