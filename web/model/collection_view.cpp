#include "web/model/collection_view.h"

namespace tt::web {
namespace {
// One count for every view, so a new view never repeats an old one's revision.
uint64_t next_revision() {
  static uint64_t last = 0;
  return ++last;
}
}  // namespace

CollectionView::CollectionView()
    : entries_(std::make_unique<std::vector<CollectionEntry>>()),
      index_(std::make_unique<CollectionIndex>(*entries_)) {}

void CollectionView::reset(std::vector<CollectionEntry> entries, const CollectionFilter& filter,
                           const CollectionSort& sort) {
  filter_ = filter;
  sort_ = sort;
  *entries_ = std::move(entries);
  index_ = std::make_unique<CollectionIndex>(*entries_);
  position_.clear();
  for (size_t i = 0; i < entries_->size(); ++i) position_[(*entries_)[i].tune_id] = i;
  summarise();
  visible_ = index_->query(filter_, sort_);
  revision_ = next_revision();
}

void CollectionView::replace(const CollectionEntry& entry) {
  const auto it = position_.find(entry.tune_id);
  if (it == position_.end()) return;
  (*entries_)[it->second] = entry;
  index_->entry_changed(it->second);
  summarise();
  visible_ = index_->query(filter_, sort_);
  revision_ = next_revision();
}

void CollectionView::query(const CollectionFilter& filter, const CollectionSort& sort) {
  filter_ = filter;
  sort_ = sort;
  visible_ = index_->query(filter_, sort_);
  revision_ = next_revision();
}

const CollectionEntry* CollectionView::find(int64_t tune_id) const {
  const auto it = position_.find(tune_id);
  return it == position_.end() ? nullptr : &(*entries_)[it->second];
}

void CollectionView::summarise() {
  status_counts_ = count_by_status(*entries_);
  type_counts_ = count_by_type(*entries_);
}

}  // namespace tt::web
