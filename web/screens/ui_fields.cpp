// The screens' fields and lists, each drawn on the canvas and described for
// the accessibility mirror as the real control it is (a text <input>, a spin
// button, a combobox with its listbox). What the mirror's control does comes
// back through web/accessibility/mirror_input.h and is taken here, in the
// same frame code as the canvas's, so both raise the same events.
#include <imgui.h>
#include <imgui_internal.h>
#include <misc/cpp/imgui_stdlib.h>

#include <algorithm>
#include <climits>

#include "core/parse_number.h"
#include "web/accessibility/mirror_input.h"
#include "web/screens/ui.h"

namespace tt::web {
namespace {

// The mirror's typing into the field with `id`, if any. The canvas's field
// lets go of the keys first: its own buffer would write the old text back.
// A disabled field takes nothing.
std::optional<MirrorTyping> typing_from_mirror(ImGuiID id) {
  auto typing = take_mirror_typing(id);
  if (!typing || (GImGui->CurrentItemFlags & ImGuiItemFlags_Disabled)) return std::nullopt;
  if (GImGui->ActiveId == id) ImGui::ClearActiveID();
  return typing;
}

}  // namespace

FieldInput text_field(Ui& ui, const TextField& field, std::string& text) {
  FieldInput input;
  const ImGuiID id = ImGui::GetID(field.id);
  if (auto typing = typing_from_mirror(id)) {
    if (typing->text != text) {
      text = std::move(typing->text);
      input.edited = true;
    }
    input.left = typing->done;
  }
  const bool typed = field.lines > 0
                         ? ImGui::InputTextMultiline(field.id, &text, ImVec2(-1, ImGui::GetTextLineHeight() * field.lines))
                         : ImGui::InputTextWithHint(field.id, field.hint, &text,
                                                    field.secret ? ImGuiInputTextFlags_Password : 0);
  input.edited = input.edited || typed;
  input.left = input.left || ImGui::IsItemDeactivatedAfterEdit();
  ui.remember(field.key);
  if (A11yNode* node = ui.describe(field.role, field.name)) {
    node->value = text;
    node->multiline = field.lines > 0;
    node->digits = field.digits;
    node->secret = field.secret;
  }
  return input;
}

void number_field(const Model& model, Ui& ui, const NumberField& field, int value) {
  int shown = model.number_shown(field.key, value);
  const ImGuiID id = ImGui::GetID(field.id);
  bool edited = false, left = false;
  if (auto typing = typing_from_mirror(id)) {
    // Emptied or not a number yet: nothing to take until it is one.
    if (const auto number = parse_int(typing->text, INT_MIN, INT_MAX); number && *number != shown) {
      shown = static_cast<int>(*number);
      edited = true;
    }
    left = typing->done;
  }
  ImGui::SetNextItemWidth(std::max(field.width, ImGui::GetFrameHeight()));  // at least square: a finger's target
  edited = ImGui::InputInt(field.id, &shown, 0, 0) || edited;
  left = ImGui::IsItemDeactivated() || left;
  if (edited) ui.emit(event::NumberEdited{field.key, shown});
  if (left) ui.emit(event::NumberLeft{field.key});
  ui.remember(field.key);
  if (A11yNode* node = ui.describe("spinbutton", field.name)) {
    node->value = std::to_string(shown);
    node->range = {field.min, field.max};
  }
}

std::optional<int> spin_value(Ui& ui, const char* id, const std::string& name, int value, int min, int max,
                              const std::array<float, 4>& area) {
  const ImGuiID item = ImGui::GetID(id);  // not an ImGui item: the id the mirror's typing names
  std::optional<int> typed;
  if (auto typing = take_mirror_typing(item)) {
    if (const auto number = parse_int(typing->text, min, max); number && *number != value) typed = static_cast<int>(*number);
  }
  ImRect visible(area[0], area[1], area[2], area[3]);
  visible.ClipWithFull(ImGui::GetCurrentWindow()->InnerClipRect);
  if (visible.GetWidth() > 0.5f && visible.GetHeight() > 0.5f) {
    A11yNode node;
    node.id = item;
    node.role = "spinbutton";
    node.name = name;
    node.value = std::to_string(value);
    node.range = {min, max};
    node.rect = {visible.Min.x, visible.Min.y, visible.GetWidth(), visible.GetHeight()};
    node.size = {area[2] - area[0], area[3] - area[1]};
    ui.nodes.push_back(std::move(node));
  }
  return typed;
}

int combo_field(Ui& ui, const Layout& layout, const ComboField& field, const std::vector<std::string>& labels,
                int selected) {
  const ImGuiID id = ImGui::GetID(field.id);
  const bool disabled = (GImGui->CurrentItemFlags & ImGuiItemFlags_Disabled) != 0;
  int chosen = -1;
  if (const auto label = take_mirror_choice(id); label && !disabled) {
    const auto it = std::find(labels.begin(), labels.end(), *label);
    if (it != labels.end()) chosen = static_cast<int>(it - labels.begin());
  }
  const std::string preview = selected >= 0 && selected < static_cast<int>(labels.size()) ? labels[selected] : "";
  const size_t nodes_before = ui.nodes.size();
  bool open = false;
  if (ImGui::BeginCombo(field.id, preview.c_str())) {
    open = true;
    for (size_t i = 0; i < labels.size(); ++i) {
      if (list_option(layout, labels[i].c_str(), static_cast<int>(i) == selected)) chosen = static_cast<int>(i);
      if (i < field.option_keys.size()) ui.remember(field.option_keys[i]);
    }
    ImGui::EndCombo();
  }
  // The entries are the combobox's listbox in the mirror, not buttons of
  // their own; they stay listed as options (each a finger's target).
  for (size_t i = nodes_before; i < ui.nodes.size(); ++i) ui.nodes[i].role = "option";
  ui.remember(field.key);
  if (A11yNode* node = ui.describe("combobox", field.name)) {
    node->value = preview;
    node->options = labels;
    node->selected = selected;
    node->expanded = open;
  }
  return chosen;
}

}  // namespace tt::web
