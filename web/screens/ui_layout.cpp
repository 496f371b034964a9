// Layout helpers that keep every screen inside a 360 px phone, and the
// screens' words for the accessibility mirror (what ImGui cannot know).
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

#include "web/screens/theme.h"
#include "web/screens/ui.h"

namespace tt::web {
namespace {

std::array<float, 4> last_item_rect() {
  ImRect r = ImGui::GetCurrentContext()->LastItemData.Rect;
  if (ImGuiWindow* w = ImGui::GetCurrentWindow()) r.ClipWithFull(w->InnerClipRect);
  return {r.Min.x, r.Min.y, std::max(0.0f, r.GetWidth()), std::max(0.0f, r.GetHeight())};
}

// The mirror's node for the last item: the one ImGui reported, or a new one.
A11yNode* last_node(Ui& ui, bool create) {
  const ImGuiID id = ImGui::GetItemID();
  if (id != 0 && !ui.nodes.empty() && ui.nodes.back().id == id) return &ui.nodes.back();
  if (!create) return nullptr;
  const std::array<float, 4> rect = last_item_rect();
  if (rect[2] <= 0.5f || rect[3] <= 0.5f) return nullptr;  // scrolled out of sight
  const ImRect whole = ImGui::GetCurrentContext()->LastItemData.Rect;
  ui.nodes.push_back({});
  ui.nodes.back().id = id;
  ui.nodes.back().rect = rect;
  ui.nodes.back().size = {whole.GetWidth(), whole.GetHeight()};
  return &ui.nodes.back();
}

}  // namespace

void Ui::remember(const std::string& name) {
  // The mirror's element keeps its name from the first frame on: one named
  // only from the second would be replaced then, taking the focus (and a
  // screen reader's place) with it.
  if (A11yNode* node = last_node(*this, false)) node->key = name;
  // A window's first frame (a popup opening) lays items out before ImGui
  // places it: those positions are not where the items will be.
  if (ImGui::IsWindowAppearing()) return;
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  rects[name] = {min.x, min.y, max.x - min.x, max.y - min.y};
}

A11yNode* Ui::describe(const std::string& role, const std::string& name, bool checkable, bool checked) {
  A11yNode* node = last_node(*this, true);
  if (node) {
    node->role = role;
    node->name = name;
    node->checkable = checkable;
    node->checked = checked;
  }
  return node;
}

void Ui::heading(int level, const std::string& text) {
  if (A11yNode* node = last_node(*this, true)) {
    node->role = "heading";
    node->level = level;
    node->name = text;
  }
}

void Ui::table(const std::string& name, size_t rows) {
  A11yNode node;
  node.role = "table";
  node.name = name;
  node.rows = rows;
  nodes.push_back(std::move(node));
}

void Ui::row(const std::string& name, std::vector<std::string> cells, int index) {
  if (A11yNode* node = last_node(*this, true)) {
    node->role = "row";
    node->name = name;
    node->cells = std::move(cells);
    node->index = index;
  }
}

void Ui::tune_row(const std::string& name, std::vector<std::string> cells, int64_t tune_id, int index) {
  row(name, std::move(cells), index);
  if (!nodes.empty() && nodes.back().role == "row" && nodes.back().id == ImGui::GetItemID()) {
    nodes.back().tune = tune_id;
  }
}

void Ui::text(const std::string& text) {
  if (A11yNode* node = last_node(*this, true)) {
    node->role = "text";
    node->name = text;
  }
}

void same_line_if_fits(float width) {
  const float right = ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + width;
  const float limit = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  if (right <= limit) ImGui::SameLine();
}

float button_width(const char* label) {
  return ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
}

void mark_chosen() {
  // A bar in the text's colour along the bottom: at least 4.5:1 against
  // any background, so the chosen one is plain without telling colours apart.
  const float thick = std::max(2.0f, std::round(ImGui::GetFontSize() / 6));
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(min.x, max.y - thick), max, imgui_u32(current_palette().text), 2);
}

int choice_buttons(Ui& ui, const char* id, const std::vector<std::string>& labels, int selected,
                   const std::string& remember_prefix, const std::vector<std::string>& keys) {
  int clicked = -1;
  ImGui::PushID(id);
  const ImVec4 chosen = ImGui::GetStyleColorVec4(ImGuiCol_Header);
  for (size_t i = 0; i < labels.size(); ++i) {
    if (i > 0) same_line_if_fits(button_width(labels[i].c_str()));
    const bool on = static_cast<int>(i) == selected;
    if (on) ImGui::PushStyleColor(ImGuiCol_Button, chosen);
    ImGui::PushID(static_cast<int>(i));
    if (ImGui::Button(labels[i].c_str())) clicked = static_cast<int>(i);
    ImGui::PopID();
    if (on) {
      ImGui::PopStyleColor();
      mark_chosen();
    }
    ui.describe("radio", labels[i], true, on);
    if (i < keys.size()) ui.remember(remember_prefix + keys[i]);
  }
  ImGui::PopID();
  return clicked;
}

void wrapped_text(Ui& ui, const std::string& line, const std::string& key) {
  ImGui::PushTextWrapPos(0);
  ImGui::TextUnformatted(line.c_str());
  ImGui::PopTextWrapPos();
  ui.remember(key);
  ui.text(line);
}

void hint_text(Ui& ui, const std::string& line, const std::string& key) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  wrapped_text(ui, line, key);
  ImGui::PopStyleColor();
}

float combo_width(const std::vector<std::string>& labels) {
  float widest = 0;
  for (const auto& l : labels) widest = std::max(widest, ImGui::CalcTextSize(l.c_str()).x);
  return widest + ImGui::GetStyle().FramePadding.x * 2 + ImGui::GetFrameHeight();  // the text, then the arrow
}

std::string fit_text(const std::string& text, float width) {
  if (ImGui::CalcTextSize(text.c_str()).x <= width) return text;
  const char* ellipsis = "\u2026";
  const float room = width - ImGui::CalcTextSize(ellipsis).x;
  // The longest prefix that fits (binary search), cut at a character
  // boundary (UTF-8 continuation bytes are 10xxxxxx).
  size_t lo = 0, hi = text.size();
  while (lo < hi) {
    const size_t mid = (lo + hi + 1) / 2;
    if (ImGui::CalcTextSize(text.c_str(), text.c_str() + mid).x <= room) lo = mid;
    else hi = mid - 1;
  }
  size_t end = lo;
  while (end > 0 && end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end) + ellipsis;
}

bool list_option(const Layout& layout, const char* label, bool selected) {
  const float height = layout.touch ? kMinTargetCssPixels * layout.scale - ImGui::GetStyle().ItemSpacing.y : 0;
  return ImGui::Selectable(label, selected, 0, ImVec2(0, std::max(0.0f, height)));
}

bool compact_button(const Layout& layout, const char* label) {
  return layout.touch ? ImGui::Button(label) : ImGui::SmallButton(label);
}

}  // namespace tt::web
