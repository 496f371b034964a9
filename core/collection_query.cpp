#include "core/collection_query.h"

#include <algorithm>
#include <set>

#include "core/text_fold.h"
#include "core/tune_type.h"

namespace tt {

CollectionIndex::CollectionIndex(const std::vector<CollectionEntry>& entries) : entries_(entries) {
  folded_names_.reserve(entries.size());
  for (const auto& entry : entries) {
    std::string text = fold_for_search(entry.name);
    for (const auto& alias : entry.aliases) {
      text.push_back('\n');
      text += fold_for_search(alias);
    }
    folded_names_.push_back(std::move(text));
  }
}

std::vector<size_t> CollectionIndex::query(const CollectionFilter& filter, const CollectionSort& sort) const {
  const std::string needle = fold_for_search(filter.search);
  const std::string type = filter.type.empty() ? std::string() : normalise_tune_type(filter.type);
  std::vector<size_t> hits;
  hits.reserve(entries_.size());
  for (size_t i = 0; i < entries_.size(); ++i) {
    const CollectionEntry& e = entries_[i];
    if (filter.status && e.status != *filter.status) continue;
    if (!type.empty() && e.type != type) continue;
    if (!needle.empty() && !folded_contains(folded_names_[i], needle)) continue;
    hits.push_back(i);
  }
  const auto by_name = [&](size_t a, size_t b) {
    // The folded name sorts "Ó" with "O"; the id breaks ties so order is total.
    const std::string_view fa = std::string_view(folded_names_[a]).substr(0, folded_names_[a].find('\n'));
    const std::string_view fb = std::string_view(folded_names_[b]).substr(0, folded_names_[b].find('\n'));
    if (fa != fb) return fa < fb;
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
    std::sort(hits.begin(), hits.end(), less);
  } else {
    std::sort(hits.begin(), hits.end(), [&](size_t a, size_t b) { return less(b, a); });
  }
  return hits;
}

std::vector<std::string> CollectionIndex::types_present() const {
  std::set<std::string> types;
  for (const auto& e : entries_) {
    if (!e.type.empty()) types.insert(e.type);
  }
  return {types.begin(), types.end()};
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

}  // namespace tt
