#pragma once
// The page's one runner and its frame loop (web/platform/main.cpp), for the
// browser's callbacks (web/platform/browser_callbacks.cpp).
#include "web/platform/runner.h"

namespace tt::web {

Runner& page_runner();
// Something happened: frames are drawn until the page settles.
void mark_activity();
// Input or a change a moment ago (frames still being drawn).
bool page_settling();
// The frame loop starts (after the data is loaded).
void start_frame_loop();

}  // namespace tt::web
