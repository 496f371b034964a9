#include "web/accessibility/widget_registry.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <cstdarg>
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>

#include "web/accessibility/mirror_input.h"
#include "web/screens/ui.h"

namespace tt::web {
namespace {

Ui* g_sink = nullptr;
float g_display_width = 0;
ImGuiWindow* g_active_field_window = nullptr;  // this frame's text field being typed into
ImRect g_active_field;

// "Play##tempo" -> "Play"; "###id" parts are ids too.
std::string visible_label(const char* label) {
  if (!label) return "";
  const char* end = std::strstr(label, "##");
  std::string text = end ? std::string(label, end) : std::string(label);
  for (char& c : text) {
    if (c == '\n') c = ' ';  // "Good\n3d": one line to read
  }
  const auto first = text.find_first_not_of(' ');
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(' ') - first + 1);
}

// The part of `bb` inside the current window's clipping, or nothing.
bool visible_part(ImGuiContext& g, const ImRect& bb, std::array<float, 4>& out) {
  ImRect r = bb;
  if (g.CurrentWindow) r.ClipWithFull(g.CurrentWindow->InnerClipRect);  // the window, not a table cell
  if (r.GetWidth() <= 0.5f || r.GetHeight() <= 0.5f) return false;
  out = {r.Min.x, r.Min.y, r.GetWidth(), r.GetHeight()};
  return true;
}

}  // namespace

void begin_widget_frame(Ui& ui, float display_width) {
  g_sink = &ui;
  g_display_width = display_width;
  ui.nodes.clear();
  ui.overflowing.clear();
  g_active_field_window = nullptr;
  GImGui->TestEngineHookItems = true;
}

void keep_active_field_visible() {
  // Only when the field was just taken or the screen just got shorter (the
  // keyboard came up): a finger scrolling away from the field while it is
  // still active is obeyed, not pulled back every frame.
  static ImGuiID kept_field = 0;
  static float kept_height = 0;
  ImGuiWindow* w = g_active_field_window;
  const ImGuiID field = w ? GImGui->ActiveId : 0;
  const float height = ImGui::GetIO().DisplaySize.y;
  const bool newly_hidden = field != kept_field || height < kept_height;
  kept_field = field;
  kept_height = height;
  if (!w || !newly_hidden) return;
  const ImRect view = w->InnerClipRect;
  const float margin = ImGui::GetStyle().ItemSpacing.y;
  if (g_active_field.Max.y > view.Max.y) {
    ImGui::SetScrollY(w, w->Scroll.y + (g_active_field.Max.y - view.Max.y) + margin);
  } else if (g_active_field.Min.y < view.Min.y) {
    ImGui::SetScrollY(w, w->Scroll.y - (view.Min.y - g_active_field.Min.y) - margin);
  }
}

bool typing_a_secret() {
  const ImGuiContext& g = *GImGui;
  return g.ActiveId != 0 && g.InputTextState.ID == g.ActiveId && (g.InputTextState.Flags & ImGuiInputTextFlags_Password);
}

namespace {
// The scrollable panel a gesture over `w` means: `w` itself or the nearest
// parent that scrolls (a popup is its own panel).
ImGuiWindow* scrollable_from(ImGuiWindow* w) {
  while (w && w->ScrollMax.y <= 0 && w->ParentWindow && !(w->Flags & ImGuiWindowFlags_Popup)) w = w->ParentWindow;
  return w && w->ScrollMax.y > 0 ? w : nullptr;
}
}  // namespace

void scroll_by_touch_drag(float threshold) {
  ImGuiContext& g = *GImGui;
  if (!ImGui::IsMouseDragging(ImGuiMouseButton_Left, threshold)) return;
  if (g.ActiveId != 0 && g.InputTextState.ID == g.ActiveId) return;  // selecting text
  if (g.DragDropActive) return;  // reordering a set's tunes
  ImGuiWindow* w = scrollable_from(g.HoveredWindow);
  if (!w) return;
  // Past the slop the finger is scrolling, not pressing: whatever it started
  // on (a "+", a row, a list entry) must not be pressed when it lifts.
  // A scrollbar grabbed by the finger keeps its drag.
  if (g.ActiveId != 0 && g.ActiveId != ImGui::GetWindowScrollbarID(w, ImGuiAxis_Y)) ImGui::ClearActiveID();
  ImGui::SetScrollY(w, w->Scroll.y - g.IO.MouseDelta.y);
}

void scroll_by_keys() {
  ImGuiContext& g = *GImGui;
  if (g.IO.WantTextInput || g.ActiveId != 0) return;  // keys belong to the field or control in use
  const bool page_down = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_PageDown));
  const bool page_up = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_PageUp));
  const bool home = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Home), false);
  const bool end = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_End), false);
  if (!page_down && !page_up && !home && !end) return;
  // The panel under the pointer; without one (a keyboard user), the largest
  // panel that scrolls: the list, a tune's page, Practice.
  ImGuiWindow* w = scrollable_from(g.HoveredWindow);
  if (!w) {
    float largest = 0;
    for (ImGuiWindow* candidate : g.Windows) {
      if (!candidate->WasActive || candidate->Hidden || candidate->ScrollMax.y <= 0) continue;
      const float area = candidate->InnerRect.GetWidth() * candidate->InnerRect.GetHeight();
      if (area > largest) largest = area, w = candidate;
    }
  }
  if (!w) return;
  // A page is the panel's height less a line, so the last line seen stays in view.
  const float page = std::max(w->InnerRect.GetHeight() - ImGui::GetTextLineHeightWithSpacing(), 1.0f);
  if (page_down) ImGui::SetScrollY(w, w->Scroll.y + page);
  if (page_up) ImGui::SetScrollY(w, w->Scroll.y - page);
  if (home) ImGui::SetScrollY(w, 0);
  if (end) ImGui::SetScrollY(w, w->ScrollMax.y);
}

void end_widget_frame() {
  ImGuiContext& g = *GImGui;
  g.TestEngineHookItems = false;
  if (g_sink) {
    for (ImGuiWindow* w : g.Windows) {
      if (!w->WasActive || w->Hidden || w->ScrollMax.y <= 0) continue;
      const ImRect& r = w->InnerClipRect;
      const float h = std::min(r.GetHeight(), ImGui::GetFrameHeight());
      const auto add = [&](const char* name, float y, int direction) {
        A11yNode node;
        node.role = "button";
        node.name = name;
        node.rect = {r.Min.x, y, r.GetWidth(), h};
        node.size = {r.GetWidth(), h};
        node.action = "scroll " + std::to_string(w->ID) + " " + std::to_string(direction);
        g_sink->nodes.push_back(std::move(node));
      };
      if (w->Scroll.y > 0.5f) add("Show more above", r.Min.y, -1);
      if (w->Scroll.y < w->ScrollMax.y - 0.5f) add("Show more below", r.Max.y - h, +1);
    }
  }
  g_sink = nullptr;
  forget_mirror_input();
}

bool perform_mirror_action(const char* action) {
  unsigned int id = 0;
  int direction = 0;
  if (!action || std::sscanf(action, "scroll %u %d", &id, &direction) != 2 || (direction != 1 && direction != -1)) {
    return false;
  }
  ImGuiWindow* w = ImGui::FindWindowByID(id);
  if (!w) return false;
  // Most of a page, so what was at the edge stays in view.
  const float page = w->InnerClipRect.GetHeight() * 0.8f;
  ImGui::SetScrollY(w, ImClamp(w->Scroll.y + direction * page, 0.0f, w->ScrollMax.y));
  return true;
}

}  // namespace tt::web

using tt::web::g_display_width;
using tt::web::g_sink;

// The hooks ImGui calls (declared in imgui_internal.h).
void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, const ImRect& bb, ImGuiID id) {
  if (!g_sink || !ctx->CurrentWindow) return;
  if (id == ctx->ActiveId && ctx->InputTextState.ID == id) {
    tt::web::g_active_field_window = ctx->CurrentWindow;
    tt::web::g_active_field = bb;
  }
  // Only what is on screen vertically counts: a list scrolls, the page
  // does not scroll sideways.
  const ImRect& clip = ctx->CurrentWindow->ClipRect;
  if (bb.Max.y <= clip.Min.y || bb.Min.y >= clip.Max.y) return;
  if (bb.Max.x > g_display_width + 1 || bb.Min.x < -1) {
    g_sink->overflowing.push_back({bb.Min.x, bb.Min.y, bb.GetWidth(), bb.GetHeight()});
  }
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
  if (!g_sink) return;
  tt::web::A11yNode node;
  if (!tt::web::visible_part(*ctx, ctx->LastItemData.Rect, node.rect)) return;
  node.id = id;
  node.size = {ctx->LastItemData.Rect.GetWidth(), ctx->LastItemData.Rect.GetHeight()};
  node.name = tt::web::visible_label(label);
  node.checkable = (flags & ImGuiItemStatusFlags_Checkable) != 0;
  node.checked = (flags & ImGuiItemStatusFlags_Checked) != 0;
  node.disabled = (ctx->LastItemData.InFlags & ImGuiItemFlags_Disabled) != 0;
  node.role = node.checkable                                         ? "checkbox"
              : (ctx->LastItemData.InFlags & ImGuiItemFlags_Inputable) ? "textbox"
                                                                     : "button";
  g_sink->nodes.push_back(std::move(node));
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }
