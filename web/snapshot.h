#pragma once
// The automation hook's view of the page: window.tunetrack.snapshot() returns
// this JSON. Browser tests rely on it: extend it, never rename or drop a field.
#include <array>
#include <map>
#include <string>

#include "web/model.h"

namespace tt::web {

// Where the screens drew their widgets this frame (canvas pixels: x, y, w, h).
using WidgetRects = std::map<std::string, std::array<float, 4>>;

struct Ui;

// How far the page has drawn: a test waits for a widget to stay put across
// two drawn frames, or for the page to stop drawing (it draws only while
// something happens), before it points at it.
struct FrameProgress {
  long long drawn = 0;    // frames drawn since the page opened
  bool settling = false;  // frames are still being drawn after the last change
};

// `ui`: the last frame's rects, mirror nodes and items past the screen's edges.
std::string snapshot_json(const Model& model, const Ui& ui, double device_pixel_ratio, const FrameProgress& frames);

}  // namespace tt::web
