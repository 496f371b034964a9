#pragma once
// The automation hook's view of the page: window.tunetrack.snapshot() returns
// this JSON. Browser tests rely on it: extend it, never rename or drop a field.
#include <array>
#include <map>
#include <string>
#include <vector>

#include "web/model/model.h"

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

// The store's change log as the page's snapshot shows it.
struct ChangeLogFacts {
  long long records = 0;            // the newest record's seq
  std::vector<std::string> recent;  // the newest records' actions ("set_status", ...), oldest first
  std::string device;       // this database's device id
};

// `ui`: the last frame's rects, mirror nodes and items past the screen's edges.
std::string snapshot_json(const Model& model, const Ui& ui, double device_pixel_ratio, const FrameProgress& frames,
                          const ChangeLogFacts& change_log = {});

}  // namespace tt::web
