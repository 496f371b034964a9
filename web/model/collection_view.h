#pragma once
// The collection as the page shows it: the entries, the search index over
// them, the rows that pass the filter in the chosen order, and the summaries
// (per status, per type) recomputed when the collection changes, never per
// frame. Move-only: the index refers to the entries it was built from.
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/collection_query.h"

namespace tt::web {

class CollectionView {
 public:
  CollectionView();
  CollectionView(CollectionView&&) = default;
  CollectionView& operator=(CollectionView&&) = default;

  // A new collection, shown with `filter` and `sort`.
  void reset(std::vector<CollectionEntry> entries, const CollectionFilter& filter, const CollectionSort& sort);
  void replace(const CollectionEntry& entry);             // one entry changed in place
  void query(const CollectionFilter& filter, const CollectionSort& sort);

  const std::vector<CollectionEntry>& entries() const { return *entries_; }
  const std::vector<size_t>& visible() const { return visible_; }
  const CollectionEntry* find(int64_t tune_id) const;
  const StatusCounts& status_counts() const { return status_counts_; }
  const std::map<std::string, int>& type_counts() const { return type_counts_; }  // also the types present
  // Moves on whenever what the list shows may have changed (for work done
  // once per change, not per frame: the mirror's table).
  uint64_t revision() const { return revision_; }

 private:
  void summarise();

  // Behind a pointer so the index's reference survives moves of the view.
  std::unique_ptr<std::vector<CollectionEntry>> entries_;
  std::unique_ptr<CollectionIndex> index_;
  std::unordered_map<int64_t, size_t> position_;  // tune id -> index in entries_: screens look tunes up per frame
  CollectionFilter filter_;
  CollectionSort sort_;
  std::vector<size_t> visible_;
  StatusCounts status_counts_;
  std::map<std::string, int> type_counts_;
  uint64_t revision_ = 0;
};

}  // namespace tt::web
