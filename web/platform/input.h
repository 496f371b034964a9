#pragma once
// Pointer and keyboard input as ImGui 1.86 needs it, from what the browser
// reports. The page feeds mouse and touch itself (index.html -> tt_on_pointer)
// rather than through Emscripten's GLFW, which does not report touch
// positions and can report the pointer at (0, 0) for the first click after a
// reload. Each queued step is given to ImGui in its own frame, so "move
// there", "press" and "release" stay apart, as a widget expects of a pointer
// (a tab takes a press only on an item hovered the frame before).
#include <deque>
#include <string>
#include <vector>

struct ImGuiIO;

namespace tt::web {

class Input {
 public:
  enum class Phase { Press = 1, Move = 2, Release = 0 };
  // x, y in canvas pixels. A finger leaves after it is lifted (nothing stays
  // hovered); a mouse stays where it is.
  void pointer(float x, float y, Phase phase, bool touch);
  // Wheel steps (a notch is 1; positive up and left, as ImGui counts),
  // added up until the next frame.
  void wheel(float x_steps, float y_steps) {
    wheel_x_ += x_steps;
    wheel_y_ += y_steps;
  }

  // The keyboard, in the order the browser reported it: GLFW key codes from
  // GLFW's key callback, characters from its char callback or the phone's
  // hidden field (UTF-8), and whole key taps from the phone's field
  // (Backspace, Enter, arrows, Ctrl+A: down, up, with their modifiers).
  void key_pressed(int key);
  void key_released(int key);
  void character(unsigned int c);
  void text(const char* utf8);
  void key_tap(int key, bool ctrl, bool shift);
  // The text of the browser's last paste event (index.html), for ImGui's
  // Ctrl+V: a page cannot read the clipboard when ImGui asks, only when the
  // browser hands it over, which it does just after the key goes down and
  // before the frame that gives ImGui the V. Taken once.
  void pasted(const char* utf8) { pasted_ = utf8; }
  const char* take_pasted() {
    taken_ = std::move(pasted_);
    pasted_.clear();
    return taken_.c_str();
  }

  // Applies what is due to this frame; call after ImGui_ImplGlfw_NewFrame.
  void apply(ImGuiIO& io);
  // Input still waiting for a frame of its own.
  bool pending() const;

 private:
  struct Step {
    float x, y;
    bool down;
    bool leave;  // a lifted finger: nothing stays hovered
    bool move;   // a plain move, which later moves may replace
  };
  // ImGui 1.86 reads the keyboard as a state per frame (KeysDown) plus the
  // characters typed since the last frame, and an InputText takes the
  // characters before the keys. So two presses of one key between two frames
  // would be one press, and "Backspace, then 1" would type 1 and delete it.
  // Keys therefore go one change per frame, and characters in a frame of
  // their own: every keystroke reaches ImGui, in the order it was typed.
  struct KeyStep {
    enum Kind { Char, Down, Up } kind;
    unsigned int code;  // a GLFW key, or a character
  };
  void apply_keys(ImGuiIO& io);

  std::deque<Step> steps_;
  bool seen_pointer_ = false;
  Step now_{0, 0, false, true, false};
  float wheel_x_ = 0, wheel_y_ = 0;
  std::deque<KeyStep> keys_;
  std::vector<unsigned int> release_next_;  // pressed and let go in one frame: let go in the next
  std::string pasted_, taken_;              // taken_: what ImGui reads until it asks again
};

}  // namespace tt::web
