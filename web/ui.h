#pragma once
// The ImGui screens. Each reads the model and raises events; none performs
// I/O or changes the model (immediate mode: no widget state mirrored here).
#include <string>
#include <vector>

#include "web/event.h"
#include "web/model.h"
#include "web/snapshot.h"

namespace tt::web {

struct Layout {
  float width = 0, height = 0;  // canvas pixels
  float scale = 1;              // devicePixelRatio: sizes below are multiplied by it
  bool narrow = false;          // phone-sized: one panel at a time
};

// What the screens hand back from a frame.
struct Ui {
  std::vector<Event> events;  // dispatched once the frame is drawn
  WidgetRects rects;          // for the automation hook
  std::string url_tab_applied;  // the tab last selected because the URL named it

  void emit(Event e) { events.push_back(std::move(e)); }
  // Records the last item's rectangle under `name`.
  void remember(const std::string& name);
};

void draw_app(const Model& model, Ui& ui, const Layout& layout);

// A number field: what is typed is a draft (event::NumberEdited), taken when
// the field is left or Enter is pressed (event::NumberLeft). Remembers its
// rect under `field`.
void number_field(const Model& model, Ui& ui, const char* label, const std::string& field, int value, float width);

// Screens (ui_*.cpp).
void draw_collection(const Model& model, Ui& ui, const Layout& layout);
void draw_tune_detail(const Model& model, Ui& ui, const Layout& layout, int64_t tune_id);
void draw_notation(const Model& model, Ui& ui, const Layout& layout, int64_t tune_id, const TuneDetails& details);
void draw_add_tune(const Model& model, Ui& ui, const Layout& layout);
void draw_sync(const Model& model, Ui& ui, const Layout& layout);
void draw_data(const Model& model, Ui& ui, const Layout& layout);
void draw_practice(const Model& model, Ui& ui, const Layout& layout);

}  // namespace tt::web
