#pragma once
#include <string>
#include <string_view>

namespace tt {

// Folds UTF-8 text for searching: lower case, accents removed for Latin-1 and
// Latin Extended-A ("Ìle" -> "ile", "Ó" -> "o", "Æ" -> "ae"), curly quotes
// straightened ("’" -> "'"). Other characters pass through unchanged, so the
// result is still valid UTF-8 and a folded needle can be searched in a folded
// haystack with a plain substring search.
std::string fold_for_search(std::string_view text);

// True when the folded `needle` occurs in the folded haystack. Inline and
// noexcept on purpose: it runs once per tune per keystroke, and under
// Emscripten's JS exception handling a call that might throw goes through a
// slow JavaScript trampoline.
inline bool folded_contains(std::string_view folded_haystack, std::string_view folded_needle) noexcept {
  return folded_haystack.find(folded_needle) != std::string_view::npos;
}

}  // namespace tt
