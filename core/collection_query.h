#pragma once
// Search, filter and sort over the collection in memory. The CLI's list and
// the web page's table both go through here, so they always agree.
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
  std::vector<size_t> query(const CollectionFilter& filter, const CollectionSort& sort) const;

  // The distinct types present, sorted: what a type filter offers.
  std::vector<std::string> types_present() const;

 private:
  const std::vector<CollectionEntry>& entries_;
  std::vector<std::string> folded_names_;  // name and aliases, folded, '\n'-separated
};

struct StatusCounts {
  int want_to_learn = 0, learning = 0, learned = 0;
  int total() const { return want_to_learn + learning + learned; }
};
StatusCounts count_by_status(const std::vector<CollectionEntry>& entries);

}  // namespace tt
