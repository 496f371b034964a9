#include "web/screens/theme.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace tt::web {
namespace {

const Palette* g_palette = &palette(true);

ImVec4 v(Rgb c, float alpha = 1) { return imgui_colour(c, alpha); }

void set_colours(ImGuiStyle& style, const Palette& p, bool dark) {
  ImVec4* c = style.Colors;
  c[ImGuiCol_Text] = v(p.text);
  c[ImGuiCol_TextDisabled] = v(p.text_disabled);
  c[ImGuiCol_WindowBg] = v(p.background);
  c[ImGuiCol_ChildBg] = v(p.background, 0);
  c[ImGuiCol_PopupBg] = dark ? v(p.frame) : ImVec4(1, 1, 1, 1);
  c[ImGuiCol_FrameBg] = v(p.frame);
  c[ImGuiCol_FrameBgHovered] = v(p.button_hovered);
  c[ImGuiCol_FrameBgActive] = v(p.button_active);
  c[ImGuiCol_Button] = v(p.button);
  c[ImGuiCol_ButtonHovered] = v(p.button_hovered);
  c[ImGuiCol_ButtonActive] = v(p.button_active);
  c[ImGuiCol_Header] = v(p.selected);
  c[ImGuiCol_HeaderHovered] = v(p.button_hovered);
  c[ImGuiCol_HeaderActive] = v(p.button_active);
  c[ImGuiCol_TableRowBg] = v(p.background, 0);
  c[ImGuiCol_TableRowBgAlt] = v(p.row_alternate);
  c[ImGuiCol_TableHeaderBg] = v(p.frame);
  c[ImGuiCol_CheckMark] = v(p.text);
  c[ImGuiCol_PlotHistogram] = v(p.selected);  // the sync's progress bar, with `text` on it
}

}  // namespace

const Palette& current_palette() { return *g_palette; }

void music_image(unsigned int texture, ImVec2 size) {
  const Palette& p = *g_palette;
  ImGui::Image(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(texture)), size, ImVec2(0, 0), ImVec2(1, 1),
               imgui_colour(p.music_tint));
  // Drawn around the image, not as ImGui's border (which would move it by a
  // pixel); as thick as the text's strokes.
  const float width = std::max(1.0f, std::round(ImGui::GetFontSize() / 14));
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  ImGui::GetWindowDrawList()->AddRect(ImVec2(min.x - width, min.y - width), ImVec2(max.x + width, max.y + width),
                                      imgui_u32(p.music_frame), 2 * width, 0, width);
}

void apply_theme(const Appearance& appearance, float dpr, bool touch) {
  const bool dark = appearance.dark();
  g_palette = &palette(dark);
  ImGuiStyle style;
  if (dark) ImGui::StyleColorsDark(&style);
  else ImGui::StyleColorsLight(&style);
  set_colours(style, *g_palette, dark);
  style.FrameRounding = 4;
  style.GrabRounding = 4;
  if (touch) {
    // Controls are font + 2 x padding high: make that at least 44 px, and
    // wide enough for a one-character button ("+").
    const float font = kBaseFontCssPixels * appearance.text_scale();
    style.FramePadding = ImVec2(15, std::max(4.0f, (kMinTargetCssPixels - font) / 2));
    style.ItemSpacing = ImVec2(8, 8);
    style.ScrollbarSize = 10;
  }
  style.ScaleAllSizes(dpr);
  style.TouchExtraPadding = ImVec2(4 * dpr, 4 * dpr);
  ImGui::GetStyle() = style;
}

}  // namespace tt::web
