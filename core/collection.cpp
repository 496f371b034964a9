#include "core/collection.h"

#include <utility>

namespace tt {

void change_status(CollectionEntry& entry, LearnStatus status, int64_t now_ms) {
  if (entry.status == status) return;
  entry.status = status;
  if (status == LearnStatus::Learned) {
    entry.learned_at_ms = now_ms;
  } else {
    entry.learned_at_ms.reset();
  }
  entry.updated_at_ms = now_ms;
}

void heard_once_more(CollectionEntry& entry, int64_t now_ms) {
  ++entry.heard_count;
  entry.updated_at_ms = now_ms;
}

void undo_heard(CollectionEntry& entry, int64_t now_ms) {
  if (entry.heard_count == 0) return;
  --entry.heard_count;
  entry.updated_at_ms = now_ms;
}

void set_notes(CollectionEntry& entry, std::string notes, int64_t now_ms) {
  if (entry.notes == notes) return;
  entry.notes = std::move(notes);
  entry.updated_at_ms = now_ms;
}

void choose_setting(CollectionEntry& entry, int64_t setting_id, int64_t now_ms) {
  if (entry.setting_id == setting_id) return;
  entry.setting_id = setting_id;
  entry.updated_at_ms = now_ms;
}

}  // namespace tt
