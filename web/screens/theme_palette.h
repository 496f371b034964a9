#pragma once
// The page's colours in its light and dark themes, as plain values so a
// native test can check every text/background pair for contrast (WCAG: at
// least 4.5:1 for text) without a browser. web/screens/theme.cpp hands them to ImGui;
// the browser test measures the same from the drawn pixels.
namespace tt::web {

struct Rgb {
  float r = 0, g = 0, b = 0;  // sRGB, 0..1
};

struct Palette {
  Rgb background;      // the window, and the canvas around it
  Rgb text;
  Rgb text_disabled;   // secondary lines: type and key under a name, hints
  Rgb error_text;
  Rgb warning_text;
  Rgb banner_error, banner_warning, banner_info;  // banner backgrounds, with `text` on them
  Rgb button, button_hovered, button_active;      // opaque, with `text` on them
  Rgb frame;           // fields and checkboxes, with `text` on them
  Rgb selected;        // the chosen tab, status or row, with `text` on it
  Rgb done;            // the Practice tab's "done for today" card, with `text` on it
  Rgb row_alternate;   // every other row of the list, with `text` on it
  Rgb loop_box, highlight_box;  // drawn over the notation's white card (alpha below)
  // The notation's card (abcjs on light paper) multiplied by the tint and
  // framed: on the dark theme a dimmed sheet, not a glaring box.
  Rgb music_tint, music_frame;
};

const Palette& palette(bool dark);

// WCAG 2 relative luminance and contrast ratio (1 to 21).
double relative_luminance(Rgb c);
double contrast_ratio(Rgb a, Rgb b);

}  // namespace tt::web
