#pragma once
// The page's one piece of state and the edge where effects happen: it holds
// the model and services, feeds each event to `update`, and performs the
// effects it returns through web/platform/browser.h. The frame loop (main.cpp) draws
// the screens from the model and hands their events here.
#include <vector>

#include "web/model/frame_stats.h"
#include "web/platform/input.h"
#include "web/accessibility/mirror.h"
#include "web/screens/ui.h"
#include "web/update/update.h"
#include "web/platform/webgl_renderer.h"

struct GLFWwindow;

namespace tt::web {

// When frames are drawn: only while something happens (input, answers,
// timers, a sync in progress) and for a moment after, so an idle page costs
// nothing and phones keep their battery.
struct FrameSchedule {
  double last_activity_ms = 0;
  double last_draw_ms = 0;
  double ui_done_at_ms = 0;  // this frame's UI work ended (the rest is WebGL)
  long long drawn = 0;       // frames drawn so far
  int frames_since_activity = 0;  // frames begun since the last input or change
  bool first = true;
};

class Runner {
 public:
  static constexpr const char* kDatabasePath = "/data/tunetrack.db";
  // IndexedDB keeps the database in blocks of this size. Measured
  // (save_blocks_bench, save_bench): with SQLite's 4 KB pages a status change
  // wrote 16-24 KB, but a 73 MB collection was 18,000 records and its first
  // frame came about 1.3x later than the whole-file form's; 64 KB blocks
  // write 150-200 KB per change and start up as fast as the whole file did.
  static constexpr int kStorageBlockSize = 65536;

  Runner();
  void dispatch(const Event& event);
  // After a frame is drawn: the events its screens raised, then the timers
  // that were waiting for a frame (see perform). True when any ran: the
  // model may have changed, so the page must draw again.
  bool after_frame();

  Model model;
  Services services;
  Ui ui;
  Input input;
  WebGlRenderer renderer;
  Mirror mirror;
  FrameTimes frame_total, frame_ui;  // whole frame | UI without the WebGL calls
  GLFWwindow* window = nullptr;
  double dpr = 1;
  FrameSchedule schedule;

 private:
  void perform(const Effect& effect);
  void start_devices_sync(const effect::SyncDevices& sync);
  std::vector<uint64_t> after_frame_timers_;
};

}  // namespace tt::web
