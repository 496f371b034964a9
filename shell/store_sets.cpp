// The store's sets changes: make, rename, annotate, fill, reorder and delete
// a set, and an export's sets merged (a sets sync's write is in
// store_sets_sync.cpp). Rules come from core/tune_set.h; rows are the
// tables' (shell/tables/set_table.h).
#include "shell/store.h"

namespace tt {
namespace {

std::string checked(const Parsed<std::string>& p) {
  if (!p) throw StoreError(p.error);
  return p.value;
}

// The key of setting `setting_id` among a tune's fetched settings ("" when not there).
std::string setting_key(const std::optional<TuneDetails>& details, std::optional<int64_t> setting_id) {
  if (!details || !setting_id) return {};
  for (const auto& s : details->settings) {
    if (s.id == *setting_id) return s.key;
  }
  return {};
}

}  // namespace

std::vector<TuneSet> Store::list_sets() { return sets_.all(); }

std::optional<TuneSet> Store::get_set(int64_t set_id) { return sets_.get(set_id); }

int64_t Store::create_set(const std::string& name, const std::string& notes) {
  TuneSet set;
  set.name = checked(check_set_name(name));
  set.notes = checked(check_set_notes(notes));
  set.created_at_ms = set.updated_at_ms = clock_();
  Change tx(*this, "create_set");
  const int64_t id = sets_.insert(set);
  tx.commit();
  return id;
}

bool Store::rename_set(int64_t set_id, const std::string& name) {
  const std::string good = checked(check_set_name(name));
  Change tx(*this, "rename_set");
  const bool changed = sets_.rename(set_id, good, clock_());
  tx.commit();
  return changed;
}

bool Store::set_set_notes(int64_t set_id, const std::string& notes) {
  const std::string good = checked(check_set_notes(notes));
  Change tx(*this, "set_set_notes");
  const bool changed = sets_.set_notes(set_id, good, clock_());
  tx.commit();
  return changed;
}

bool Store::add_set_entry(int64_t set_id, int64_t tune_id, std::optional<int64_t> setting_id) {
  Change tx(*this, "add_set_entry");
  if (!sets_.touch(set_id, clock_())) return false;
  if (!tunes_.exists(tune_id)) {
    throw StoreError("Tune #" + std::to_string(tune_id) + " is not known here: add it to your collection first");
  }
  std::vector<SetEntry> entries = sets_.stored_entries(set_id);
  if (entries.size() >= kMaxSetEntries) {
    throw StoreError("A set can hold at most " + std::to_string(kMaxSetEntries) + " tunes");
  }
  SetEntry e;
  e.tune_id = tune_id;
  e.setting_id = setting_id;
  e.key = setting_key(tunes_.details(tune_id), setting_id);
  entries.push_back(std::move(e));
  sets_.write_entries(set_id, entries);
  tx.commit();
  return true;
}

bool Store::remove_set_entry(int64_t set_id, size_t position) {
  Change tx(*this, "remove_set_entry");
  std::vector<SetEntry> entries = sets_.stored_entries(set_id);
  if (position >= entries.size() || !sets_.touch(set_id, clock_())) return false;
  entries.erase(entries.begin() + static_cast<std::ptrdiff_t>(position));
  sets_.write_entries(set_id, entries);
  tx.commit();
  return true;
}

bool Store::move_set_entry(int64_t set_id, size_t from, size_t to) {
  Change tx(*this, "move_set_entry");
  std::vector<SetEntry> entries = sets_.stored_entries(set_id);
  if (!tt::move_set_entry(entries, from, to) || !sets_.touch(set_id, clock_())) return false;
  sets_.write_entries(set_id, entries);
  tx.commit();
  return true;
}

bool Store::delete_set(int64_t set_id) {
  Change tx(*this, "delete_set");
  const bool deleted = sets_.remove(set_id);
  tx.commit();
  return deleted;
}

std::vector<SetRef> Store::sets_containing_tune(int64_t tune_id) { return sets_.containing(tune_id); }

void Store::merge_sets(const std::vector<TuneSet>& sets, ImportSummary& summary) {
  if (sets.empty()) return;
  std::vector<TuneSet> existing = sets_.all();
  const int64_t now = clock_();
  for (const TuneSet& incoming : sets) {
    TuneSet candidate = incoming;
    candidate.entries.clear();
    for (const SetEntry& e : incoming.entries) {
      if (!e.name.empty()) tunes_.ensure({e.tune_id, e.name, e.type, ""});
      if (!tunes_.exists(e.tune_id)) {
        summary.messages.push_back("Set " + quote_excerpt(incoming.name) + ": tune #" + std::to_string(e.tune_id) +
                                   " has no name here or in the file; left out of the set");
        continue;
      }
      candidate.entries.push_back(e);
    }
    bool found = false;
    for (const TuneSet& have : existing) found = found || same_set(have, candidate);
    if (found) {
      ++summary.sets_unchanged;
      continue;
    }
    if (candidate.created_at_ms <= 0) candidate.created_at_ms = now;
    if (candidate.updated_at_ms <= 0) candidate.updated_at_ms = now;
    candidate.id = sets_.insert(candidate);
    sets_.write_entries(candidate.id, candidate.entries);
    existing.push_back(std::move(candidate));  // a file naming the same set twice adds it once
    ++summary.sets_added;
  }
}

}  // namespace tt
