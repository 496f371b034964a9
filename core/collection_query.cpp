#include "core/collection_query.h"

#include <algorithm>

#include "core/text_fold.h"
#include "core/tune_type.h"

namespace tt {

namespace {
std::string folded_name_and_aliases(const CollectionEntry& entry) {
  std::string text = fold_for_search(entry.name);
  for (const auto& alias : entry.aliases) {
    text.push_back('\n');
    text += fold_for_search(alias);
  }
  return text;
}
}  // namespace

CollectionIndex::CollectionIndex(const std::vector<CollectionEntry>& entries) : entries_(entries) {
  folded_names_.reserve(entries.size());
  sort_names_.reserve(entries.size());
  for (const auto& entry : entries) {
    sort_names_.push_back(fold_for_search(entry.name));
    folded_names_.push_back(folded_name_and_aliases(entry));
  }
}

void CollectionIndex::entry_changed(size_t i) {
  sort_names_[i] = fold_for_search(entries_[i].name);
  folded_names_[i] = folded_name_and_aliases(entries_[i]);
  ordered_by_.reset();
}

const std::vector<size_t>& CollectionIndex::order_for(const CollectionSort& sort) const {
  if (ordered_by_ && ordered_by_->key == sort.key && ordered_by_->ascending == sort.ascending) return order_;
  order_.resize(entries_.size());
  for (size_t i = 0; i < order_.size(); ++i) order_[i] = i;
  const auto by_name = [&](size_t a, size_t b) {
    // The folded name sorts "Ó" with "O"; the id breaks ties so order is total.
    if (sort_names_[a] != sort_names_[b]) return sort_names_[a] < sort_names_[b];
    return entries_[a].tune_id < entries_[b].tune_id;
  };
  const auto less = [&](size_t a, size_t b) {
    const CollectionEntry& x = entries_[a];
    const CollectionEntry& y = entries_[b];
    switch (sort.key) {
      case SortKey::Name: return by_name(a, b);
      case SortKey::Type: if (x.type != y.type) return x.type < y.type; return by_name(a, b);
      case SortKey::Status: if (x.status != y.status) return x.status < y.status; return by_name(a, b);
      case SortKey::DateAdded:
        if (x.created_at_ms != y.created_at_ms) return x.created_at_ms < y.created_at_ms;
        return by_name(a, b);
    }
    return by_name(a, b);
  };
  if (sort.ascending) {
    std::sort(order_.begin(), order_.end(), less);
  } else {
    std::sort(order_.begin(), order_.end(), [&](size_t a, size_t b) { return less(b, a); });
  }
  ordered_by_ = sort;
  return order_;
}

std::vector<size_t> CollectionIndex::query(const CollectionFilter& filter, const CollectionSort& sort) const {
  const std::string needle = fold_for_search(filter.search);
  const std::string type = filter.type.empty() ? std::string() : normalise_tune_type(filter.type);
  std::vector<size_t> hits;
  hits.reserve(entries_.size());
  for (const size_t i : order_for(sort)) {
    const CollectionEntry& e = entries_[i];
    if (filter.status && e.status != *filter.status) continue;
    if (!type.empty() && e.type != type) continue;
    if (!needle.empty() && !folded_contains(folded_names_[i], needle)) continue;
    hits.push_back(i);
  }
  return hits;
}

StatusCounts count_by_status(const std::vector<CollectionEntry>& entries) {
  StatusCounts counts;
  for (const auto& e : entries) {
    switch (e.status) {
      case LearnStatus::WantToLearn: ++counts.want_to_learn; break;
      case LearnStatus::Learning: ++counts.learning; break;
      case LearnStatus::Learned: ++counts.learned; break;
    }
  }
  return counts;
}

std::map<std::string, int> count_by_type(const std::vector<CollectionEntry>& entries) {
  std::map<std::string, int> counts;
  for (const auto& e : entries) ++counts[e.type];
  return counts;
}

}  // namespace tt
