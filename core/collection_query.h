#pragma once
// Search, filter and sort over the collection in memory. The CLI's list and
// the web page's table both go through here, so they always agree.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/collection.h"

namespace tt {

struct CollectionFilter {
  std::string search;                 // name or alias substring; case- and accent-insensitive
  std::string type;                   // exact (normalised) type; empty = any
  std::optional<LearnStatus> status;  // empty = any
  bool empty() const { return search.empty() && type.empty() && !status; }
  bool operator==(const CollectionFilter& o) const { return search == o.search && type == o.type && status == o.status; }
  bool operator!=(const CollectionFilter& o) const { return !(*this == o); }
};

enum class SortKey { Name, Type, Status, DateAdded };

struct CollectionSort {
  SortKey key = SortKey::Name;
  bool ascending = true;
};

// Folded search text per entry, built once and reused while the user types.
class CollectionIndex {
 public:
  explicit CollectionIndex(const std::vector<CollectionEntry>& entries);

  // Indices into the entries, matching `filter`, ordered by `sort` (ties by name, then id).
  // The full order for a sort is computed once and reused, so a keystroke
  // costs one pass over the entries, not a sort.
  std::vector<size_t> query(const CollectionFilter& filter, const CollectionSort& sort) const;

  // Entry `i` changed in place (status, aliases...): refresh what was derived from it.
  void entry_changed(size_t i);

 private:
  const std::vector<size_t>& order_for(const CollectionSort& sort) const;

  const std::vector<CollectionEntry>& entries_;
  std::vector<std::string> folded_names_;  // name and aliases, folded, '\n'-separated
  std::vector<std::string> sort_names_;    // the name alone, folded: the sort key
  mutable std::optional<CollectionSort> ordered_by_;
  mutable std::vector<size_t> order_;
};

struct StatusCounts {
  int want_to_learn = 0, learning = 0, learned = 0;
  int total() const { return want_to_learn + learning + learned; }
};
StatusCounts count_by_status(const std::vector<CollectionEntry>& entries);
// Tunes per type, by type name ("" for tunes whose type is unknown).
std::map<std::string, int> count_by_type(const std::vector<CollectionEntry>& entries);

}  // namespace tt
