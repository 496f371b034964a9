#include "core/learn_status.h"

#include <string>

namespace tt {

std::string_view to_string(LearnStatus status) {
  switch (status) {
    case LearnStatus::WantToLearn: return "want_to_learn";
    case LearnStatus::Learning: return "learning";
    case LearnStatus::Learned: return "learned";
  }
  return "want_to_learn";
}

std::string_view label(LearnStatus status) {
  switch (status) {
    case LearnStatus::WantToLearn: return "want to learn";
    case LearnStatus::Learning: return "learning";
    case LearnStatus::Learned: return "learned";
  }
  return "want to learn";
}

std::optional<LearnStatus> parse_learn_status(std::string_view text) {
  std::string canonical;
  for (char c : text) {
    if (c == ' ' || c == '-') c = '_';
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    canonical.push_back(c);
  }
  for (LearnStatus s : kAllLearnStatuses) {
    if (canonical == to_string(s)) return s;
  }
  return std::nullopt;
}

}  // namespace tt
