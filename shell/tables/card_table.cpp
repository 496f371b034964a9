#include "shell/tables/card_table.h"

#include <string>

namespace tt {
namespace {

constexpr const char* kCardColumns =
    "tune_id, state, stability, difficulty, reps, lapses, learning_step, due, last_review, scheduled_days, "
    "elapsed_days";

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

}  // namespace

std::map<int64_t, CardMemory> CardTable::all() {
  Statement s(db_.handle(), std::string("SELECT ") + kCardColumns + " FROM practice_card");
  std::map<int64_t, CardMemory> out;
  while (s.step()) out.emplace(s.int_at(0), read_card(s));
  return out;
}

std::optional<CardMemory> CardTable::get(int64_t tune_id) {
  Statement s(db_.handle(), std::string("SELECT ") + kCardColumns + " FROM practice_card WHERE tune_id = ?1");
  s.bind(1, tune_id);
  if (!s.step()) return std::nullopt;
  return read_card(s);
}

std::unordered_set<int64_t> CardTable::ids() {
  Statement s(db_.handle(), "SELECT tune_id FROM practice_card");
  std::unordered_set<int64_t> out;
  while (s.step()) out.insert(s.int_at(0));
  return out;
}

void CardTable::put(int64_t tune_id, const CardMemory& c) {
  Statement& s = db_.prepared(
              "INSERT OR REPLACE INTO practice_card (tune_id, state, stability, difficulty, reps, lapses, learning_step, "
              "due, last_review, scheduled_days, elapsed_days) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
  s.bind(1, tune_id).bind(2, to_string(c.state)).bind(3, c.stability).bind(4, c.difficulty).bind(5, c.reps)
      .bind(6, c.lapses).bind(7, c.learning_step).bind(8, c.due_ms).bind(9, c.last_review_ms)
      .bind(10, c.scheduled_days).bind(11, c.elapsed_days).run();
}

void CardTable::remove(int64_t tune_id) {
  Statement s(db_.handle(), "DELETE FROM practice_card WHERE tune_id = ?1");
  s.bind(1, tune_id).run();
}

}  // namespace tt
