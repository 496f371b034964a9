#include "core/summary_text.h"

namespace tt {

std::vector<std::pair<std::string, int>> sync_summary_counts(const SyncResult& r, bool always_list_left) {
  std::vector<std::pair<std::string, int>> out = {
      {"added to collection", r.person_tunes_added},
      {"already there (untouched)", r.person_tunes_skipped},
      {"new to this device", r.tunes_created},
  };
  if (r.kind == SyncKind::Sets) {
    // A sets sync: its sets first, then the tunes they brought in.
    return {
        {"sets added", r.sets_added},
        {"sets already there (untouched)", r.sets_already_there},
        {"tunes added to collection for a set", r.person_tunes_added},
        {"entries skipped", r.set_entries_skipped},
        {"tune pages checked", r.tunes_checked},
    };
  }
  if (always_list_left || r.left_tunebook > 0) out.emplace_back("no longer in tunebook (kept)", r.left_tunebook);
  return out;
}

std::string import_headline(const ImportSummary& s, size_t invalid) {
  std::string text = std::to_string(s.added) + " added, " + std::to_string(s.unchanged) + " already there, " +
                     std::to_string(s.conflicts) + " kept as they were (different data), " +
                     std::to_string(invalid) + " invalid";
  if (s.practice_cards_added > 0 || s.practice_ratings_added > 0) {
    text += "; practice: " + std::to_string(s.practice_cards_added) +
            (s.practice_cards_added == 1 ? " tune schedule and " : " tune schedules and ") +
            std::to_string(s.practice_ratings_added) + (s.practice_ratings_added == 1 ? " rating added" : " ratings added");
  }
  if (s.sets_added > 0 || s.sets_unchanged > 0) {
    text += "; sets: " + std::to_string(s.sets_added) + " added, " + std::to_string(s.sets_unchanged) +
            " already there";
  }
  return text;
}

std::vector<std::string> import_details(const ImportSummary& s, const std::vector<std::string>& invalid) {
  std::vector<std::string> out = s.messages;
  for (const auto& m : invalid) out.push_back("invalid: " + m);
  return out;
}

}  // namespace tt
