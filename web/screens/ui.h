#pragma once
// The ImGui screens. Each reads the model and raises events; none performs
// I/O or changes the model (immediate mode: no widget state mirrored here).
#include <optional>
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
  // The last item is a `role` named `name` for the mirror; its node, for
  // more (nothing when it is out of sight).
  A11yNode* describe(const std::string& role, const std::string& name, bool checkable = false, bool checked = false);
  // The last item (text) is a heading.
  void heading(int level, const std::string& text);
  // A table named `name` starts here, `rows` long; the rows after it are
  // its rows on screen.
  void table(const std::string& name, size_t rows);
  // The last item (a row's selectable) is row `index` (0 first) of the
  // table, with these columns.
  void row(const std::string& name, std::vector<std::string> cells, int index);
  // The same for the collection's list: row `index`, tune `tune_id` (the
  // mirror holds the list's every row, web/accessibility/mirror.h).
  void tune_row(const std::string& name, std::vector<std::string> cells, int64_t tune_id, int index);
  // The last item is a text worth reading out (a status, a message).
  void text(const std::string& text);
};

void draw_app(const Model& model, Ui& ui, const Layout& layout);

// Fields and lists (web/screens/ui_fields.cpp): each on the canvas and, in
// the accessibility mirror, the real control it is, fed by the mirror's own
// control through the same code (web/accessibility/mirror_input.h).
struct TextField {
  const char* id;              // ImGui's label: "##member"
  const char* hint = "";       // shown while it is empty (one line only)
  std::string name;            // what a screen reader says
  std::string key;             // the automation name (Ui::remember)
  const char* role = "textbox";  // or "searchbox"
  // Mostly a number: a phone shows its number keys. Not a filter: a
  // member's profile address may be pasted into the member number's field.
  bool digits = false;
  float lines = 0;             // more than 0: a field of that many lines
  bool secret = false;         // a password: drawn as dots
};
struct FieldInput {
  bool edited = false;  // the text changed (it is the draft now)
  bool left = false;    // left after an edit, or Enter: the commit
};
FieldInput text_field(Ui& ui, const TextField& field, std::string& text);
// The member number's field (the Sync and Sets tabs share it) and the line
// that says where to find the number (web/screens/ui_sync.cpp).
void member_field(const Model& model, Ui& ui, const Layout& layout, const char* id, const char* key);
void say_where_member_number_is(Ui& ui);

// A number field: what is typed is a draft (event::NumberEdited), taken when
// the field is left or Enter is pressed (event::NumberLeft). A spin button
// in the mirror. Remembers its rect under `key`.
struct NumberField {
  const char* id;    // ImGui's label
  std::string key;   // the model's field and the automation name
  std::string name;  // what a screen reader says
  int min = 0, max = 0;
  float width = 0;
};
void number_field(const Model& model, Ui& ui, const NumberField& field, int value);

// A number shown as text with buttons beside it that change it, whose
// canvas rectangle (min x, min y, max x, max y) is `area`: a spin button in
// the mirror named `name`. Returns a number typed or stepped there this
// frame, within min..max, when it differs from `value`.
std::optional<int> spin_value(Ui& ui, const char* id, const std::string& name, int value, int min, int max,
                              const std::array<float, 4>& area);

// One of `labels`, chosen from a combo; a combobox with its listbox in the
// mirror. Returns the index chosen this frame (on either), or -1.
struct ComboField {
  const char* id;                        // ImGui's label
  std::string key;                       // the automation name of the combo...
  std::vector<std::string> option_keys;  // ... and of each entry of its list
  std::string name;                      // what a screen reader says: "Type"
};
int combo_field(Ui& ui, const Layout& layout, const ComboField& field, const std::vector<std::string>& labels,
                int selected);

// Layout that fits any width (web/screens/ui_layout.cpp).
// Puts the next item on this line when `width` still fits, else on the next.
void same_line_if_fits(float width);
// Opening bars fitted to `height` (web/screens/ui_notation.cpp).
void draw_incipit(const Model& model, int64_t tune_id, float height);
// A button's width for `label` with the current style.
float button_width(const char* label);
// Marks the last item as the chosen one of a row (a tab, a status): a bar
// along its bottom, beside the chosen colour.
void mark_chosen();
// One of several choices as a row of buttons that wraps on narrow screens
// (radio buttons for the mirror); returns the index clicked, or -1.
int choice_buttons(Ui& ui, const char* id, const std::vector<std::string>& labels, int selected,
                   const std::string& remember_prefix, const std::vector<std::string>& keys);
// `text` cut with "…" to fit `width` (canvas px) on one line.
std::string fit_text(const std::string& text, float width);
// A line of text wrapped to the window, remembered as `key` and read out by
// the mirror.
void wrapped_text(Ui& ui, const std::string& line, const std::string& key);
// A secondary line (a hint, the versions): wrapped_text in the secondary colour.
void hint_text(Ui& ui, const std::string& line, const std::string& key);
// How wide a combobox must be to show its longest choice whole.
float combo_width(const std::vector<std::string>& labels);
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
// A practice day done: what was played, how it went, what comes tomorrow.
void draw_day_done(const Model& model, Ui& ui, const Layout& layout);
const char* rating_label(Rating r);  // "Again", "Hard", "Good", "Easy"
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
// The open set's player (ui_notation.cpp): Play set, Next tune and the
// tempo; then its options (count-in, instrument), which a phone shows under
// the music. And the shown tune's notation alone.
void draw_set_player(const Model& model, Ui& ui);
void draw_set_player_options(const Model& model, Ui& ui, const Layout& layout);
void draw_music_image(const Model& model, Ui& ui, const Layout& layout, int64_t tune_id, const TuneDetails& details);

}  // namespace tt::web
