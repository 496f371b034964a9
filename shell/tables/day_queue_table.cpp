#include "shell/tables/day_queue_table.h"

namespace tt {
namespace {

std::optional<QueueReason> parse_reason(const std::string& text) {
  for (QueueReason r : {QueueReason::Due, QueueReason::Lapsed, QueueReason::New}) {
    if (text == to_string(r)) return r;
  }
  return std::nullopt;
}

}  // namespace

std::vector<QueueItem> DayQueueTable::tunes(const std::string& day) {
  Statement s(db_.handle(), "SELECT tune_id, reason, due FROM practice_queue WHERE day = ?1 ORDER BY position");
  s.bind(1, day);
  std::vector<QueueItem> out;
  while (s.step()) out.push_back({s.int_at(0), parse_reason(s.text_at(1)).value_or(QueueReason::Due), s.int_at(2)});
  return out;
}

void DayQueueTable::replace_tunes(const std::string& day, const std::vector<QueueItem>& queue) {
  db_.exec("DELETE FROM practice_queue WHERE 1");  // WHERE: the change log sees the rows go
  Statement insert(db_.handle(),
                   "INSERT INTO practice_queue (day, position, tune_id, reason, due) VALUES (?1, ?2, ?3, ?4, ?5)");
  for (size_t i = 0; i < queue.size(); ++i) {
    insert.bind(1, day).bind(2, static_cast<int64_t>(i)).bind(3, queue[i].tune_id).bind(4, to_string(queue[i].reason))
        .bind(5, queue[i].due_ms).run();
  }
}

std::vector<SetQueueItem> DayQueueTable::sets(const std::string& day) {
  Statement s(db_.handle(), "SELECT set_id, rated_at IS NOT NULL FROM practice_set_queue WHERE day = ?1 ORDER BY position");
  s.bind(1, day);
  std::vector<SetQueueItem> out;
  while (s.step()) out.push_back({s.int_at(0), s.int_at(1) != 0});
  return out;
}

void DayQueueTable::add_set(const std::string& day, int64_t set_id) {
  Statement forget(db_.handle(), "DELETE FROM practice_set_queue WHERE day != ?1");
  forget.bind(1, day).run();
  Statement add(db_.handle(),
                "INSERT OR IGNORE INTO practice_set_queue (day, set_id, position) "
                "SELECT ?1, ?2, COALESCE(MAX(position) + 1, 0) FROM practice_set_queue WHERE day = ?1");
  add.bind(1, day).bind(2, set_id).run();
}

bool DayQueueTable::remove_set(const std::string& day, int64_t set_id) {
  Statement s(db_.handle(), "DELETE FROM practice_set_queue WHERE day = ?1 AND set_id = ?2");
  s.bind(1, day).bind(2, set_id).run();
  return db_.changes() > 0;
}

void DayQueueTable::mark_set_rated(int64_t set_id, int64_t at_ms) {
  Statement s(db_.handle(), "UPDATE practice_set_queue SET rated_at = ?2 WHERE set_id = ?1 AND rated_at IS NULL");
  s.bind(1, set_id).bind(2, at_ms).run();
}

void DayQueueTable::unmark_set_rated(int64_t set_id, int64_t at_ms) {
  Statement s(db_.handle(), "UPDATE practice_set_queue SET rated_at = NULL WHERE set_id = ?1 AND rated_at = ?2");
  s.bind(1, set_id).bind(2, at_ms).run();
}

}  // namespace tt
