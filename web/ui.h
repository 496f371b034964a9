#pragma once
// The ImGui screens. Each draws from App's state and calls App's actions.
#include "web/app.h"

namespace tt::web {

struct Layout {
  float width = 0, height = 0;  // canvas pixels
  float scale = 1;              // devicePixelRatio: sizes below are multiplied by it
  bool narrow = false;          // phone-sized: one panel at a time
};

void draw_app(App& app, const Layout& layout);

// Screens (ui_*.cpp).
void draw_collection(App& app, const Layout& layout);
void draw_tune_detail(App& app, const Layout& layout, int64_t tune_id);
void draw_add_tune(App& app, const Layout& layout);
void draw_sync(App& app, const Layout& layout);
void draw_data(App& app, const Layout& layout);

// Records the last item's rectangle under `name` for the automation hook.
void remember_rect(App& app, const char* name);

}  // namespace tt::web
