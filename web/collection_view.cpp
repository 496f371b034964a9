#include "web/collection_view.h"

namespace tt::web {

CollectionView::CollectionView()
    : entries_(std::make_unique<std::vector<CollectionEntry>>()),
      index_(std::make_unique<CollectionIndex>(*entries_)) {}

void CollectionView::reset(std::vector<CollectionEntry> entries, const CollectionFilter& filter,
                           const CollectionSort& sort) {
  filter_ = filter;
  sort_ = sort;
  *entries_ = std::move(entries);
  index_ = std::make_unique<CollectionIndex>(*entries_);
  summarise();
  visible_ = index_->query(filter_, sort_);
}

void CollectionView::replace(const CollectionEntry& entry) {
  for (size_t i = 0; i < entries_->size(); ++i) {
    if ((*entries_)[i].tune_id == entry.tune_id) {
      (*entries_)[i] = entry;
      index_->entry_changed(i);
    }
  }
  summarise();
  visible_ = index_->query(filter_, sort_);
}

void CollectionView::query(const CollectionFilter& filter, const CollectionSort& sort) {
  filter_ = filter;
  sort_ = sort;
  visible_ = index_->query(filter_, sort_);
}

const CollectionEntry* CollectionView::find(int64_t tune_id) const {
  for (const auto& e : *entries_) {
    if (e.tune_id == tune_id) return &e;
  }
  return nullptr;
}

void CollectionView::summarise() {
  status_counts_ = count_by_status(*entries_);
  type_counts_ = count_by_type(*entries_);
}

}  // namespace tt::web
