#pragma once
// The page's one piece of state and the edge where effects happen: it holds
// the model and services, feeds each event to `update`, and performs the
// effects it returns through web/browser.h. The frame loop (main.cpp) draws
// the screens from the model and hands their events here.
#include <GLFW/glfw3.h>

#include "web/frame_stats.h"
#include "web/input.h"
#include "web/ui.h"
#include "web/update.h"
#include "web/webgl_renderer.h"

namespace tt::web {

class Runner {
 public:
  static constexpr const char* kDatabasePath = "/data/tunetrack.db";

  Runner();
  void dispatch(const Event& event);
  // The events the screens raised while drawing the last frame.
  void dispatch_ui_events();

  Model model;
  Services services;
  Ui ui;
  Input input;
  WebGlRenderer renderer;
  FrameTimes frame_total, frame_ui;  // whole frame | UI without the WebGL calls
  GLFWwindow* window = nullptr;
  double dpr = 1;
  double font_scale = 0;

 private:
  void perform(const Effect& effect);
};

}  // namespace tt::web
