#pragma once
// Dear ImGui reports every item it lays out to a "test engine" when built
// with IMGUI_ENABLE_TEST_ENGINE: its rectangle (ItemAdd) and, for controls,
// its label and state (ItemInfo). We use those hooks, not a test engine, to
// list each frame's controls for the accessibility mirror and to find items
// that run off the screen, without annotating every button by hand.
namespace tt::web {

struct Ui;

// From now until end_widget_frame the hooks write into `ui` (nodes and
// overflowing); items wider than `display_width` (canvas px) are reported.
void begin_widget_frame(Ui& ui, float display_width);
// Before it stops listening, adds "Show more above / below" to the mirror for
// each panel with content scrolled out of sight: the mirror lists only what
// is on screen, so this is how a screen reader reaches the rest.
void end_widget_frame();

// The mirror's non-tap actions (A11yNode::action); false when unknown.
bool perform_mirror_action(const char* action);

// The field that has the keys is a password (drawn as dots): the phone's
// hidden keyboard field then is one too, so its keyboard neither shows nor
// learns what is typed.
bool typing_a_secret();

// The text field being typed into, when it is out of its window's view as
// it is taken or as the screen shrinks (the phone's keyboard took the lower
// half): scrolled into view, so the keyboard never hides what is typed; a
// scroll away from it after that is the musician's. Call after the frame's UI.
void keep_active_field_visible();

// A finger dragged over a scrollable panel scrolls it (ImGui scrolls with a
// wheel only), and a drag past `threshold` (canvas px) cancels the press it
// started with. Call at the end of the frame's UI.
void scroll_by_touch_drag(float threshold);

// PageDown, PageUp, Home and End scroll the panel under the pointer (or the
// largest one) while no field or control has the keys. End of the frame's UI.
void scroll_by_keys();

}  // namespace tt::web
