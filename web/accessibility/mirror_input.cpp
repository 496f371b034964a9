#include "web/accessibility/mirror_input.h"

#include <map>
#include <utility>

namespace tt::web {
namespace {

std::map<uint32_t, MirrorTyping> g_typed;
std::map<uint32_t, std::string> g_chosen;
std::optional<int> g_row_to_show;

}  // namespace

void mirror_typed(uint32_t item_id, std::string text, bool done) {
  MirrorTyping& typing = g_typed[item_id];
  typing.text = std::move(text);
  typing.done = typing.done || done;
}

void mirror_chose(uint32_t item_id, std::string label) { g_chosen[item_id] = std::move(label); }

void mirror_wants_row_shown(int index) {
  if (index >= 0) g_row_to_show = index;
}

std::optional<int> take_mirror_row_to_show() { return std::exchange(g_row_to_show, std::nullopt); }

std::optional<MirrorTyping> take_mirror_typing(uint32_t item_id) {
  const auto it = g_typed.find(item_id);
  if (it == g_typed.end()) return std::nullopt;
  MirrorTyping typing = std::move(it->second);
  g_typed.erase(it);
  return typing;
}

std::optional<std::string> take_mirror_choice(uint32_t item_id) {
  const auto it = g_chosen.find(item_id);
  if (it == g_chosen.end()) return std::nullopt;
  std::string label = std::move(it->second);
  g_chosen.erase(it);
  return label;
}

void forget_mirror_input() {
  g_typed.clear();
  g_chosen.clear();
  g_row_to_show.reset();
}

}  // namespace tt::web
