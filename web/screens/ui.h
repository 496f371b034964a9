#pragma once
// The ImGui screens. Each reads the model and raises events; none performs
// I/O or changes the model (immediate mode: no widget state mirrored here).
#include <string>
#include <vector>

#include "web/accessibility/a11y_node.h"
#include "web/model/event.h"
#include "web/model/model.h"
#include "web/model/snapshot.h"

namespace tt::web {

struct Layout {
  float width = 0, height = 0;  // canvas pixels
  float scale = 1;              // devicePixelRatio: sizes below are multiplied by it
  bool narrow = false;          // phone-sized: one panel at a time
  bool touch = false;           // a finger, not a mouse: targets of 44 CSS px
};

// What the screens hand back from a frame.
struct Ui {
  std::vector<Event> events;  // dispatched once the frame is drawn
  WidgetRects rects;          // for the automation hook

  // This frame's items for the accessibility mirror, in draw order. ImGui's
  // widgets add themselves (web/accessibility/widget_registry.cpp); the screens name what
  // ImGui cannot know (a tab, a search field, a row's columns, a heading).
  std::vector<A11yNode> nodes;
  // Items that run past the screen's right or left edge this frame (x, y, w, h).
  std::vector<std::array<float, 4>> overflowing;

  void emit(Event e) { events.push_back(std::move(e)); }
  // Records the last item's rectangle under `name`.
  void remember(const std::string& name);
  // The last item is a `role` named `name` for the mirror.
  void describe(const std::string& role, const std::string& name, bool checkable = false, bool checked = false);
  // The last item (text) is a heading.
  void heading(int level, const std::string& text);
  // The last item (the row's selectable) is a row of the list with these columns.
  void row(const std::string& name, std::vector<std::string> cells);
  // The last item is a text worth reading out (a status, a message).
  void text(const std::string& text);
};

void draw_app(const Model& model, Ui& ui, const Layout& layout);

// A number field: what is typed is a draft (event::NumberEdited), taken when
// the field is left or Enter is pressed (event::NumberLeft). Remembers its
// rect under `field`.
void number_field(const Model& model, Ui& ui, const char* label, const std::string& field, int value, float width);

// Layout that fits any width (web/screens/ui_layout.cpp).
// Puts the next item on this line when `width` still fits, else on the next.
void same_line_if_fits(float width);
// A button's width for `label` with the current style.
float button_width(const char* label);
// One of several choices as a row of buttons that wraps on narrow screens
// (radio buttons for the mirror); returns the index clicked, or -1.
int choice_buttons(Ui& ui, const char* id, const std::vector<std::string>& labels, int selected,
                   const std::string& remember_prefix, const std::vector<std::string>& keys);
// `text` cut with "…" to fit `width` (canvas px) on one line.
std::string fit_text(const std::string& text, float width);
// An entry of a combo's list: a finger-high row on a touch screen.
bool list_option(const Layout& layout, const char* label, bool selected);
// A small button for a mouse, a full-height one for a finger.
bool compact_button(const Layout& layout, const char* label);

// Screens (ui_*.cpp).
void draw_collection(const Model& model, Ui& ui, const Layout& layout);
void draw_tune_detail(const Model& model, Ui& ui, const Layout& layout, int64_t tune_id);
void draw_notation(const Model& model, Ui& ui, const Layout& layout, int64_t tune_id, const TuneDetails& details);
void draw_add_tune(const Model& model, Ui& ui, const Layout& layout);
void draw_sync(const Model& model, Ui& ui, const Layout& layout);
void draw_data(const Model& model, Ui& ui, const Layout& layout);
void draw_practice(const Model& model, Ui& ui, const Layout& layout);
void draw_progress(const Model& model, Ui& ui, const Layout& layout);  // the Practice tab's charts
void draw_appearance(const Model& model, Ui& ui, const Layout& layout);
// The page as an app (ui_app.cpp): the update, offline and export notices and
// the question about a link's proxy, under the banners; and the Data tab's
// part on storage and the proxy in use.
void draw_app_notices(const Model& model, Ui& ui, const Layout& layout);
void draw_data_keeping(const Model& model, Ui& ui, const Layout& layout);
// The Sets tab (ui_sets.cpp: the list, "Bring in my sets") and one set's page
// (ui_set_page.cpp).
void draw_sets(const Model& model, Ui& ui, const Layout& layout);
void draw_set_page(const Model& model, Ui& ui, const Layout& layout, int64_t set_id);
// The open set's player (Play set, Next tune, tempo, instrument), and the
// shown tune's notation alone (ui_notation.cpp).
void draw_set_player(const Model& model, Ui& ui, const Layout& layout);
void draw_music_image(const Model& model, Ui& ui, const Layout& layout, int64_t tune_id, const TuneDetails& details);

}  // namespace tt::web
