#include "core/tune_set.h"

#include <algorithm>
#include <unordered_set>

#include "core/json_text.h"
#include "core/music_key.h"

namespace tt {

std::string set_key_chain(const std::vector<SetEntry>& entries) {
  std::string chain;
  for (const SetEntry& e : entries) {
    if (!chain.empty()) chain += " \xE2\x86\x92 ";  // U+2192, the arrow musicians draw between keys
    const std::string label = key_label(e.key);
    chain += label.empty() ? "?" : label;
  }
  return chain;
}

Parsed<std::string> check_set_name(std::string_view typed) {
  Parsed<std::string> out;
  const size_t first = typed.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) {
    out.error = "A set needs a name";
    return out;
  }
  const std::string_view name = typed.substr(first, typed.find_last_not_of(" \t\r\n") - first + 1);
  if (name.size() > kMaxSetNameBytes) {
    out.error = "A set name can be at most " + std::to_string(kMaxSetNameBytes) + " bytes long";
  } else if (!is_valid_utf8(name)) {
    out.error = "The set name is not valid text";
  } else {
    out.ok = true;
    out.value = std::string(name);
  }
  return out;
}

Parsed<std::string> check_set_notes(std::string_view typed) {
  Parsed<std::string> out;
  if (typed.size() > kMaxSetNotesBytes) {
    out.error = "Set notes can be at most " + std::to_string(kMaxSetNotesBytes) + " bytes long";
  } else if (!is_valid_utf8(typed)) {
    out.error = "The set notes are not valid text";
  } else {
    out.ok = true;
    out.value = std::string(typed);
  }
  return out;
}

bool move_set_entry(std::vector<SetEntry>& entries, size_t from, size_t to) {
  if (from >= entries.size() || to >= entries.size()) return false;
  if (from < to) {
    std::rotate(entries.begin() + static_cast<std::ptrdiff_t>(from), entries.begin() + static_cast<std::ptrdiff_t>(from) + 1,
                entries.begin() + static_cast<std::ptrdiff_t>(to) + 1);
  } else if (from > to) {
    std::rotate(entries.begin() + static_cast<std::ptrdiff_t>(to), entries.begin() + static_cast<std::ptrdiff_t>(from),
                entries.begin() + static_cast<std::ptrdiff_t>(from) + 1);
  }
  return true;
}

std::vector<int64_t> set_tunes_to_rate(const std::vector<SetEntry>& entries) {
  std::vector<int64_t> out;
  std::unordered_set<int64_t> seen;
  for (const SetEntry& e : entries) {
    if (e.in_collection && seen.insert(e.tune_id).second) out.push_back(e.tune_id);
  }
  return out;
}

bool same_set(const TuneSet& a, const TuneSet& b) {
  if (a.thesession_id || b.thesession_id) return a.thesession_id == b.thesession_id;
  if (a.name != b.name || a.entries.size() != b.entries.size()) return false;
  for (size_t i = 0; i < a.entries.size(); ++i) {
    if (a.entries[i].tune_id != b.entries[i].tune_id || a.entries[i].setting_id != b.entries[i].setting_id) return false;
  }
  return true;
}

}  // namespace tt
