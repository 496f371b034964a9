#pragma once
#include <array>
#include <optional>
#include <string_view>

namespace tt {

// Where a musician stands with a tune.
enum class LearnStatus { WantToLearn, Learning, Learned };

inline constexpr std::array<LearnStatus, 3> kAllLearnStatuses = {
    LearnStatus::WantToLearn, LearnStatus::Learning, LearnStatus::Learned};

// Stable identifier stored in the database and exported ("want_to_learn").
std::string_view to_string(LearnStatus status);
// What a person reads ("want to learn").
std::string_view label(LearnStatus status);
// Accepts the identifier, the label, or a dashed form ("want-to-learn"),
// in any letter case. nullopt for anything else.
std::optional<LearnStatus> parse_learn_status(std::string_view text);

}  // namespace tt
