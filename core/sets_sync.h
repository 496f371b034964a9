#pragma once
// The sets half of a sync (SyncKind::Sets), as the engine's helper: it keeps
// the pages of sets as they arrive, says which tune pages must be fetched,
// takes their answers, and at the end hands over what the store applies.
// Pure, like the engine (core/sync_engine.h), which does the fetching,
// retrying and progress for both kinds of sync.
//
// When a tune page is fetched: only for a tune that this tunetrack does not
// know yet (no row in its tune table: never synced, searched, imported or in
// a set) and that a set new to the store names. The sets page already
// carries each tune's name, type and key, so a known tune needs no request;
// an unknown one is checked, because a set may name a tune thesession.org has
// since deleted (its page answers 404): that entry is left out with a reason.
// Sets already brought in (matched by thesession id) are left as they are,
// local edits and all, and their tunes are not checked again.
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <unordered_set>
#include <vector>

#include "core/thesession_api.h"
#include "core/thesession_sets.h"

namespace tt {

// What a finished fetch of sets hands to the store.
struct FetchedSets {
  std::vector<FetchedSet> sets;     // new to the store, in page order, only the entries that can be kept
  std::vector<TuneSummary> tunes;   // each tune those sets name, once (name, type, url for a new tune row)
  std::vector<TuneDetails> checked; // the tune pages fetched on the way: kept as the tunes' details
  int sets_fetched = 0;             // distinct sets on the member's pages
  int already_there = 0;            // of them, brought in before: untouched
  int entries_skipped = 0;          // entries left out (bad in the page, or their tune is gone)
  std::vector<std::string> errors;  // one line per problem, in page order
};

class SetsCollector {
 public:
  // `known_tunes`: ids in the store's tune table; `known_sets`: thesession set
  // ids already brought in. Both must outlive the collector.
  SetsCollector(const std::unordered_set<int64_t>& known_tunes, const std::unordered_set<int64_t>& known_sets)
      : known_tunes_(known_tunes), known_sets_(known_sets) {}

  // A page arrived; returns the tunes it adds to check (each asked once).
  std::vector<int64_t> add_page(int page, SetsPage sets_page);
  int sets_seen() const { return static_cast<int>(seen_sets_.size()); }

  // The answer for a tune page asked for by `add_page`.
  void tune_found(int64_t asked_id, TuneDetails details);
  void tune_gone(int64_t asked_id);                          // 404: no longer on thesession.org
  void tune_unusable(int64_t asked_id, std::string reason);  // any other answer that is not the tune

  // Everything, once every page and check has been answered.
  FetchedSets finish();

 private:
  const std::unordered_set<int64_t>& known_tunes_;
  const std::unordered_set<int64_t>& known_sets_;
  std::map<int, SetsPage> pages_;
  std::set<int64_t> seen_sets_;
  std::unordered_set<int64_t> asked_;
  std::map<int64_t, TuneDetails> found_;       // asked id -> its page (its id may differ: a merged tune)
  std::map<int64_t, std::string> not_usable_;  // asked id -> why its entries are left out
};

}  // namespace tt
