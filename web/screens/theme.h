#pragma once
// Dear ImGui's style from the page's appearance: the light or dark palette
// (web/screens/theme_palette.h), sizes scaled to the screen's density and text size,
// and, on touch screens and phones, every control at least 44 CSS px square
// (the size a finger can hit; Apple's and WCAG's target size).
#include <imgui.h>

#include "web/screens/appearance.h"
#include "web/screens/theme_palette.h"

namespace tt::web {

inline constexpr float kBaseFontCssPixels = 16.0f;
inline constexpr float kMinTargetCssPixels = 44.0f;

// The style for `appearance` at `dpr`; `touch`: targets for fingers.
void apply_theme(const Appearance& appearance, float dpr, bool touch);

// The palette in use (set by apply_theme).
const Palette& current_palette();

// Music engraved by abcjs (web/page/notation.js: dark notes on light paper)
// as the theme wants it: tinted and framed (Palette::music_tint, music_frame).
// A plain image otherwise: the same size, so taps map to notes as before.
void music_image(unsigned int texture, ImVec2 size);

inline ImVec4 imgui_colour(Rgb c, float alpha = 1) { return ImVec4(c.r, c.g, c.b, alpha); }
inline ImU32 imgui_u32(Rgb c, float alpha = 1) { return ImGui::ColorConvertFloat4ToU32(imgui_colour(c, alpha)); }

}  // namespace tt::web
