#include "core/sets_sync.h"

#include <utility>

#include "core/parse_number.h"

namespace tt {

std::vector<int64_t> SetsCollector::add_page(int page, SetsPage sets_page) {
  std::vector<int64_t> to_check;
  for (const FetchedSet& set : sets_page.sets) {
    seen_sets_.insert(set.id);
    if (known_sets_.count(set.id)) continue;  // left as it is: nothing to check
    for (const FetchedSetEntry& e : set.entries) {
      if (!known_tunes_.count(e.tune_id) && asked_.insert(e.tune_id).second) to_check.push_back(e.tune_id);
    }
  }
  pages_[page] = std::move(sets_page);
  return to_check;
}

void SetsCollector::tune_found(int64_t asked_id, TuneDetails details) { found_[asked_id] = std::move(details); }

void SetsCollector::tune_gone(int64_t asked_id) {
  not_usable_[asked_id] = "tune #" + std::to_string(asked_id) + " is no longer on thesession.org";
}

void SetsCollector::tune_unusable(int64_t asked_id, std::string reason) {
  not_usable_[asked_id] = "tune #" + std::to_string(asked_id) + ": " + std::move(reason);
}

FetchedSets SetsCollector::finish() {
  FetchedSets out;
  std::set<int64_t> kept_sets;
  std::unordered_set<int64_t> listed_tunes;
  // Pages in order, the first time a set shows up wins: pages may shift while
  // they are fetched, so a set can be on two of them.
  for (auto& [number, page] : pages_) {
    for (auto& line : page.entry_errors) out.errors.push_back(std::move(line));
    for (FetchedSet& set : page.sets) {
      if (!kept_sets.insert(set.id).second) continue;
      if (known_sets_.count(set.id)) {
        ++out.already_there;
        continue;
      }
      out.entries_skipped += static_cast<int>(set.problems.size());
      for (auto& line : set.problems) out.errors.push_back(std::move(line));
      set.problems.clear();
      std::vector<FetchedSetEntry> kept;
      int position = 0;
      for (FetchedSetEntry& e : set.entries) {
        ++position;
        if (const auto bad = not_usable_.find(e.tune_id); bad != not_usable_.end()) {
          ++out.entries_skipped;
          out.errors.push_back("Set #" + std::to_string(set.id) + ", tune " + std::to_string(position) + " (" +
                               quote_excerpt(e.name) + "): " + bad->second + "; left out of the set");
          continue;
        }
        TuneSummary tune{e.tune_id, e.name, e.type, ""};
        if (const auto page_of = found_.find(e.tune_id); page_of != found_.end()) {
          const TuneDetails& d = page_of->second;
          e.tune_id = d.id;  // a merged tune answers with the tune it became
          tune = {d.id, d.name, d.type, d.url};
        }
        if (listed_tunes.insert(tune.id).second) out.tunes.push_back(std::move(tune));
        kept.push_back(std::move(e));
      }
      set.entries = std::move(kept);
      out.sets.push_back(std::move(set));
    }
  }
  for (auto& [asked, details] : found_) out.checked.push_back(std::move(details));
  out.sets_fetched = static_cast<int>(kept_sets.size());
  pages_.clear();
  return out;
}

}  // namespace tt
