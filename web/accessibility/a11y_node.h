#pragma once
// What the accessibility mirror (web/page/mirror.js) shows of one frame: the
// visible controls, headings and rows, in the order they were drawn. The
// canvas itself is invisible to screen readers, the browser's find and
// translation; the mirror is real DOM with ARIA roles, placed over the
// canvas where each item is drawn.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "web/model/collection_view.h"

namespace tt::web {

struct A11yNode {
  uint32_t id = 0;     // ImGui's item id; 0 for text and headings
  std::string role;    // button, checkbox, radio, tab, textbox, searchbox, spinbutton, combobox, option, heading, row, text
  std::string name;    // what a screen reader says
  std::string key;     // the automation name (Ui::remember), when there is one
  // More about it, asked for rather than said with the name (the bar the
  // player is at: a name changing on every bar would be read again and again).
  std::string description;
  std::string value;   // a field's text, a spin button's number, a combobox's choice
  bool multiline = false;  // a field of several lines (a <textarea>)
  bool digits = false;     // a field for a number: the phone's number keys
  bool secret = false;     // a password: shown as dots, never read aloud
  std::array<int, 2> range{};  // a spin button's lowest and highest
  std::vector<std::string> options;  // a combobox's list...
  int selected = -1;                 // ... which of it is chosen
  bool expanded = false;             // ... and whether it is open on the canvas
  std::vector<std::string> cells;  // a row's other columns: type, key, status, added
  int64_t tune = 0;                // a row's tune...
  int index = -1;                  // ... and its place in the list (0 first; any table's row)
  size_t rows = 0;                 // a table's length, every row, on screen or not
  int level = 0;       // a heading's level
  // Not a tap: what activating it asks of the page ("scroll <window id> <+1|-1>").
  std::string action;
  bool checkable = false, checked = false, disabled = false;
  std::array<float, 4> rect{};  // the visible part, canvas pixels: x, y, w, h
  std::array<float, 2> size{};  // the whole item (w, h), even when partly scrolled out of sight
};

// Roles a finger or a click acts on: each must be at least 44 CSS px square
// on a touch screen.
bool is_interactive(const std::string& role);

// The mirror as JSON for web/page/mirror.js (rects in CSS pixels).
std::string mirror_json(const std::vector<A11yNode>& nodes, double device_pixel_ratio);

// Up to this many rows, the mirror's table holds every row of the list, so a
// screen reader's table navigation and the browser's find reach tunes off
// screen; a longer list has the rows on screen, each saying its place.
inline constexpr size_t kMirrorAllRowsUpTo = 2000;

// Every row of the list `view` shows, in its order, as JSON for
// web/page/mirror.js: {"total": N, "rows": [{"tune", "name", "cells"}]}
// ("rows" empty past kMirrorAllRowsUpTo). Asked for by the mirror once the
// list stays still after a change, never per frame.
std::string mirror_rows_json(const CollectionView& view, size_t up_to = kMirrorAllRowsUpTo);

}  // namespace tt::web
