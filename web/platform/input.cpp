#include "web/platform/input.h"

#define GLFW_INCLUDE_ES3
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_internal.h>  // ImTextCharFromUtf8

#include <algorithm>
#include <cfloat>
#include <cstring>

namespace tt::web {

void Input::pointer(float x, float y, Phase phase, bool touch) {
  seen_pointer_ = true;
  switch (phase) {
    case Phase::Press: {
      // Land first, then press, unless the pointer already rests there (a
      // mouse that moved in before): one frame sooner.
      const Step& last = steps_.empty() ? now_ : steps_.back();
      if (last.leave || last.down || last.x != x || last.y != y) steps_.push_back({x, y, false, false, false});
      steps_.push_back({x, y, true, false, false});
      break;
    }
    case Phase::Move:
      // Moves within a frame coalesce; a queued press or release stays put.
      if (!steps_.empty() && steps_.back().move) {
        steps_.back().x = x;
        steps_.back().y = y;
      } else {
        steps_.push_back({x, y, steps_.empty() ? now_.down : steps_.back().down, false, true});
      }
      break;
    case Phase::Release:
      steps_.push_back({x, y, false, false, false});
      if (touch) steps_.push_back({x, y, false, true, false});
      break;
  }
}

void Input::key_pressed(int key) {
  if (key >= 0 && key < 512) keys_.push_back({KeyStep::Down, static_cast<unsigned int>(key)});
}

void Input::key_released(int key) {
  if (key >= 0 && key < 512) keys_.push_back({KeyStep::Up, static_cast<unsigned int>(key)});
}

void Input::character(unsigned int c) {
  if (c > 0 && c < 0x110000) keys_.push_back({KeyStep::Char, c});
}

void Input::text(const char* utf8) {
  const char* end = utf8 + std::strlen(utf8);
  while (utf8 < end) {
    unsigned int c = 0;
    const int used = ImTextCharFromUtf8(&c, utf8, end);
    if (used <= 0) break;
    utf8 += used;
    character(c);
  }
}

void Input::key_tap(int key, bool ctrl, bool shift) {
  if (ctrl) key_pressed(GLFW_KEY_LEFT_CONTROL);
  if (shift) key_pressed(GLFW_KEY_LEFT_SHIFT);
  key_pressed(key);
  key_released(key);
  if (shift) key_released(GLFW_KEY_LEFT_SHIFT);
  if (ctrl) key_released(GLFW_KEY_LEFT_CONTROL);
}

bool Input::pending() const {
  return !steps_.empty() || !keys_.empty() || !release_next_.empty() || wheel_x_ != 0 || wheel_y_ != 0;
}

void Input::apply(ImGuiIO& io) {
  if (seen_pointer_) {
    if (!steps_.empty()) {
      now_ = steps_.front();
      steps_.pop_front();
    }
    io.MousePos = now_.leave ? ImVec2(-FLT_MAX, -FLT_MAX) : ImVec2(now_.x, now_.y);
    io.MouseDown[0] = now_.down;
  }
  // After the pointer's step: the wheel scrolls what it is over.
  io.MouseWheel += wheel_y_;
  io.MouseWheelH += wheel_x_;
  wheel_x_ = wheel_y_ = 0;
  apply_keys(io);
}

namespace {
// Keys ImGui acts on (its key map, and the modifiers): a change of these gets
// a frame of its own. Any other key (a digit, a letter typed without Ctrl)
// only types its character, which the char steps carry; its key changes are
// applied on the way, so quick typing is not slowed to a frame per key.
bool acted_on(unsigned int key, const ImGuiIO& io) {
  switch (key) {
    case GLFW_KEY_TAB: case GLFW_KEY_LEFT: case GLFW_KEY_RIGHT: case GLFW_KEY_UP: case GLFW_KEY_DOWN:
    case GLFW_KEY_PAGE_UP: case GLFW_KEY_PAGE_DOWN: case GLFW_KEY_HOME: case GLFW_KEY_END: case GLFW_KEY_INSERT:
    case GLFW_KEY_DELETE: case GLFW_KEY_BACKSPACE: case GLFW_KEY_ENTER: case GLFW_KEY_KP_ENTER: case GLFW_KEY_ESCAPE:
    case GLFW_KEY_LEFT_CONTROL: case GLFW_KEY_RIGHT_CONTROL: case GLFW_KEY_LEFT_SHIFT: case GLFW_KEY_RIGHT_SHIFT:
    case GLFW_KEY_LEFT_ALT: case GLFW_KEY_RIGHT_ALT: case GLFW_KEY_LEFT_SUPER: case GLFW_KEY_RIGHT_SUPER:
      return true;
    case GLFW_KEY_A: case GLFW_KEY_C: case GLFW_KEY_V: case GLFW_KEY_X: case GLFW_KEY_Y: case GLFW_KEY_Z:
      return io.KeyCtrl || io.KeySuper;  // shortcuts: select all, copy, paste, cut, redo, undo
    default:
      return false;
  }
}
}  // namespace

void Input::apply_keys(ImGuiIO& io) {
  // Keys let go last frame, which ImGui has now seen down.
  for (unsigned int key : release_next_) io.KeysDown[key] = false;
  release_next_.clear();
  std::vector<unsigned int> went_down;
  // At most one step that counts a frame: a run of characters, or one change
  // of a key ImGui acts on. Other key changes go along with either; such a
  // key pressed and let go within one frame stays down for that frame, so a
  // screen that reads it (Practice's 1-4) still sees the press.
  bool took_chars = false;
  while (!keys_.empty()) {
    const KeyStep step = keys_.front();
    if (step.kind == KeyStep::Char) {
      io.AddInputCharacter(step.code);
      took_chars = true;
    } else if (!acted_on(step.code, io)) {
      if (step.kind == KeyStep::Down) {
        io.KeysDown[step.code] = true;
        went_down.push_back(step.code);
      } else if (std::find(went_down.begin(), went_down.end(), step.code) != went_down.end()) {
        release_next_.push_back(step.code);
      } else {
        io.KeysDown[step.code] = false;
      }
    } else if (took_chars) {
      break;  // the text lands first; the key waits for the next frame
    } else {
      io.KeysDown[step.code] = step.kind == KeyStep::Down;
      keys_.pop_front();
      break;
    }
    keys_.pop_front();
  }
  io.KeyCtrl = io.KeysDown[GLFW_KEY_LEFT_CONTROL] || io.KeysDown[GLFW_KEY_RIGHT_CONTROL];
  io.KeyShift = io.KeysDown[GLFW_KEY_LEFT_SHIFT] || io.KeysDown[GLFW_KEY_RIGHT_SHIFT];
  io.KeyAlt = io.KeysDown[GLFW_KEY_LEFT_ALT] || io.KeysDown[GLFW_KEY_RIGHT_ALT];
  io.KeySuper = io.KeysDown[GLFW_KEY_LEFT_SUPER] || io.KeysDown[GLFW_KEY_RIGHT_SUPER];
}

}  // namespace tt::web
