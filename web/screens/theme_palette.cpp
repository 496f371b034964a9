#include "web/screens/theme_palette.h"

#include <algorithm>
#include <cmath>

namespace tt::web {
namespace {

// Chosen so that every text colour has at least 4.5:1 against every
// background it is drawn on (tests/integration/web_appearance_test.cpp).
constexpr Palette kDark{
    /*background*/ {0.09f, 0.10f, 0.12f},
    /*text*/ {0.94f, 0.94f, 0.95f},
    /*text_disabled*/ {0.64f, 0.65f, 0.68f},
    /*error_text*/ {1.00f, 0.56f, 0.50f},
    /*warning_text*/ {1.00f, 0.80f, 0.40f},
    /*banner_error*/ {0.50f, 0.11f, 0.11f},
    /*banner_warning*/ {0.42f, 0.30f, 0.03f},
    /*banner_info*/ {0.11f, 0.27f, 0.45f},
    /*button*/ {0.17f, 0.30f, 0.48f},
    /*button_hovered*/ {0.21f, 0.37f, 0.58f},
    /*button_active*/ {0.10f, 0.36f, 0.66f},
    /*frame*/ {0.17f, 0.19f, 0.23f},
    /*selected*/ {0.16f, 0.42f, 0.70f},
    /*done*/ {0.16f, 0.24f, 0.16f},
    /*row_alternate*/ {0.12f, 0.13f, 0.16f},
    /*loop_box*/ {0.24f, 0.55f, 1.00f},
    /*highlight_box*/ {1.00f, 0.55f, 0.00f},
    /*music_tint*/ {0.84f, 0.83f, 0.80f},
    /*music_frame*/ {0.42f, 0.45f, 0.52f},
};

constexpr Palette kLight{
    /*background*/ {0.97f, 0.97f, 0.96f},
    /*text*/ {0.07f, 0.08f, 0.10f},
    /*text_disabled*/ {0.35f, 0.36f, 0.39f},
    /*error_text*/ {0.68f, 0.09f, 0.07f},
    /*warning_text*/ {0.50f, 0.31f, 0.00f},
    /*banner_error*/ {0.99f, 0.86f, 0.85f},
    /*banner_warning*/ {1.00f, 0.92f, 0.72f},
    /*banner_info*/ {0.86f, 0.92f, 1.00f},
    /*button*/ {0.80f, 0.87f, 0.97f},
    /*button_hovered*/ {0.72f, 0.82f, 0.96f},
    /*button_active*/ {0.62f, 0.76f, 0.96f},
    /*frame*/ {0.89f, 0.90f, 0.92f},
    /*selected*/ {0.66f, 0.80f, 0.98f},
    /*done*/ {0.84f, 0.94f, 0.84f},
    /*row_alternate*/ {0.93f, 0.93f, 0.92f},
    /*loop_box*/ {0.24f, 0.55f, 1.00f},
    /*highlight_box*/ {1.00f, 0.55f, 0.00f},
    /*music_tint*/ {1.00f, 1.00f, 1.00f},
    /*music_frame*/ {0.80f, 0.80f, 0.78f},
};

double channel(float c) {
  return c <= 0.04045f ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

}  // namespace

const Palette& palette(bool dark) { return dark ? kDark : kLight; }

double relative_luminance(Rgb c) { return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b); }

double contrast_ratio(Rgb a, Rgb b) {
  const double la = relative_luminance(a), lb = relative_luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

}  // namespace tt::web
