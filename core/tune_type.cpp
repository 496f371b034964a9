#include "core/tune_type.h"

#include <utility>

namespace tt {

const std::vector<std::string>& known_tune_types() {
  static const std::vector<std::string> types = {
      "jig",   "reel",  "slip jig",  "hornpipe",  "polka",   "slide",
      "waltz", "barndance", "strathspey", "three-two", "mazurka", "march"};
  return types;
}

std::string normalise_tune_type(std::string_view raw) {
  std::string spaced;
  bool pending_space = false;
  for (char c : raw) {
    if (c == '_' || c == '-' || c == ' ' || c == '\t') {
      pending_space = !spaced.empty();
      continue;
    }
    if (pending_space) spaced.push_back(' ');
    pending_space = false;
    spaced.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
  }
  static const std::pair<std::string_view, std::string_view> aliases[] = {
      {"slipjig", "slip jig"},  {"three two", "three-two"}, {"threetwo", "three-two"},
      {"3/2", "three-two"},      {"barn dance", "barndance"}, {"jigs", "jig"},
      {"reels", "reel"},         {"hornpipes", "hornpipe"},   {"polkas", "polka"},
      {"slides", "slide"},       {"waltzes", "waltz"},        {"marches", "march"},
      {"mazurkas", "mazurka"},   {"strathspeys", "strathspey"}, {"slip jigs", "slip jig"},
      {"barndances", "barndance"}};
  for (const auto& [from, to] : aliases) {
    if (spaced == from) return std::string(to);
  }
  return spaced;
}

}  // namespace tt
