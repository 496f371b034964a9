#pragma once
// What the accessibility mirror's own controls did since the last frame
// (web/page/mirror.js): text typed into a field's real <input>, an entry
// chosen from a combobox's listbox. The screens' field and combo helpers
// (web/screens/ui_fields.cpp) take it in the next frame as if the canvas's
// control had done it, so both paths raise the same events and the canvas
// and the mirror never disagree.
#include <cstdint>
#include <optional>
#include <string>

namespace tt::web {

struct MirrorTyping {
  std::string text;   // the field's whole text now
  bool done = false;  // left, or Enter pressed: the field's commit
};

// From JavaScript. Typing twice before a frame keeps the latest text, and
// a commit stays a commit.
void mirror_typed(uint32_t item_id, std::string text, bool done);
// A choice is its entry's text, not its place: the list may have changed
// since the mirror showed it (a sync adds a tune type), and a place would
// then choose another entry.
void mirror_chose(uint32_t item_id, std::string label);

// A row of the collection's list the mirror's focus moved to while it is off
// the canvas (the arrow keys in its table): the list scrolls to show it, so
// what the keyboard is on is what a sighted person sees.
void mirror_wants_row_shown(int index);
std::optional<int> take_mirror_row_to_show();

// For the field or combo with ImGui id `item_id`, once.
std::optional<MirrorTyping> take_mirror_typing(uint32_t item_id);
std::optional<std::string> take_mirror_choice(uint32_t item_id);

// At the end of a frame: what no field took is for one that is gone.
void forget_mirror_input();

}  // namespace tt::web
