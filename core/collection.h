#pragma once
// A musician's collection as values, and the rules that change an entry.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/learn_status.h"

namespace tt {

struct CollectionEntry {
  int64_t tune_id = 0;
  std::string name;
  std::string type;
  std::string key;                   // of the first setting, once details are known
  std::string url;
  int tunebooks = 0;                 // popularity on thesession.org, once known
  std::vector<std::string> aliases;  // once known
  LearnStatus status = LearnStatus::WantToLearn;
  int heard_count = 0;
  std::optional<int64_t> learned_at_ms;
  std::string notes;
  int64_t created_at_ms = 0;
  int64_t updated_at_ms = 0;
  std::string source = "manual";  // "tunebook", "search", "import", "manual"
  bool in_tunebook = false;
  // The setting (thesession setting id) chosen for notation, playback and
  // Copy ABC; none means the first.
  std::optional<int64_t> setting_id;
};

// Status change: "learned" stamps the moment it became learned; leaving
// "learned" clears it; setting the same status again changes nothing.
// The heard count is kept across status changes.
void change_status(CollectionEntry& entry, LearnStatus status, int64_t now_ms);

// "+" and its undo; the count never goes below 0.
void heard_once_more(CollectionEntry& entry, int64_t now_ms);
void undo_heard(CollectionEntry& entry, int64_t now_ms);

void set_notes(CollectionEntry& entry, std::string notes, int64_t now_ms);
void choose_setting(CollectionEntry& entry, int64_t setting_id, int64_t now_ms);

}  // namespace tt
