#include "web/input.h"

#define GLFW_INCLUDE_ES3
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <cfloat>

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
  if (key >= 0 && key < 512) keys_pressed_.push_back(key);
}

void Input::key_released(int key) {
  if (key >= 0 && key < 512) keys_released_.push_back(key);
}

bool Input::pending() const {
  return !steps_.empty() || !keys_pressed_.empty() || !keys_released_.empty() || !keys_to_release_.empty() ||
         !deferred_keys_.empty() || !held_chars_.empty() ||
         pending_backspace_ > 0 || pending_enter_ > 0 || wheel_x_ != 0 || wheel_y_ != 0;
}

void Input::apply(ImGuiIO& io, GLFWwindow* window) {
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
  apply_keys(io, window);
}

void Input::apply_keys(ImGuiIO& io, GLFWwindow* window) {
  for (int key : keys_to_release_) io.KeysDown[key] = glfwGetKey(window, key) == GLFW_PRESS;
  keys_to_release_.clear();
  // Held characters were typed before any that arrived since: they go first.
  for (size_t i = 0; i < held_chars_.size(); ++i) {
    io.InputQueueCharacters.insert(io.InputQueueCharacters.begin() + static_cast<int>(i), held_chars_[i]);
  }
  held_chars_.clear();
  // Tab or Enter held back last frame (below) come now, pressed and let go.
  for (int key : deferred_keys_) keys_released_.push_back(key);
  deferred_keys_.clear();
  // Text typed, then Tab or Enter, all between two frames: ImGui would leave
  // the field before taking the text (the last digit of a number lost), so
  // the key waits a frame for the text.
  if (!io.InputQueueCharacters.empty()) {
    for (auto* keys : {&keys_pressed_, &keys_released_}) {
      for (auto it = keys->begin(); it != keys->end();) {
        if (*it == GLFW_KEY_TAB || *it == GLFW_KEY_ENTER || *it == GLFW_KEY_KP_ENTER) {
          if (std::find(deferred_keys_.begin(), deferred_keys_.end(), *it) == deferred_keys_.end()) deferred_keys_.push_back(*it);
          it = keys->erase(it);
        } else {
          ++it;
        }
      }
    }
  }
  // GLFW's callbacks have already written the latest state into KeysDown;
  // what went down or came up since the last frame is down for this one.
  for (int key : keys_pressed_) io.KeysDown[key] = true;
  for (int key : keys_released_) {
    io.KeysDown[key] = true;
    keys_to_release_.push_back(key);
  }
  keys_pressed_.clear();
  keys_released_.clear();
  for (int key : deferred_keys_) io.KeysDown[key] = false;
  io.KeyCtrl = io.KeysDown[GLFW_KEY_LEFT_CONTROL] || io.KeysDown[GLFW_KEY_RIGHT_CONTROL];
  io.KeyShift = io.KeysDown[GLFW_KEY_LEFT_SHIFT] || io.KeysDown[GLFW_KEY_RIGHT_SHIFT];
  io.KeyAlt = io.KeysDown[GLFW_KEY_LEFT_ALT] || io.KeysDown[GLFW_KEY_RIGHT_ALT];
  io.KeySuper = io.KeysDown[GLFW_KEY_LEFT_SUPER] || io.KeysDown[GLFW_KEY_RIGHT_SUPER];
  // ImGui drops characters while Ctrl is down; text typed after a held-over
  // Ctrl+A waits for the next frame instead of being lost.
  if ((io.KeyCtrl || io.KeySuper) && !keys_to_release_.empty()) {
    for (ImWchar c : io.InputQueueCharacters) held_chars_.push_back(c);
    io.InputQueueCharacters.resize(0);
  }
  // The phone keyboard's Backspace and Enter: down one frame, up the next.
  if (pending_backspace_ > 0) {
    io.KeysDown[GLFW_KEY_BACKSPACE] = pending_backspace_ == 2;
    --pending_backspace_;
  }
  if (pending_enter_ > 0) {
    io.KeysDown[GLFW_KEY_ENTER] = pending_enter_ == 2;
    --pending_enter_;
  }
}

}  // namespace tt::web
