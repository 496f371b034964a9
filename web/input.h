#pragma once
// Pointer and keyboard input as ImGui 1.86 needs it, from what the browser
// reports. The page feeds mouse and touch itself (index.html -> tt_on_pointer)
// rather than through Emscripten's GLFW, which does not report touch
// positions and can report the pointer at (0, 0) for the first click after a
// reload. Each queued step is given to ImGui in its own frame, so "move
// there", "press" and "release" stay apart, as a widget expects of a pointer
// (a tab takes a press only on an item hovered the frame before).
#include <deque>
#include <vector>

struct ImGuiIO;
struct GLFWwindow;

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
  void key_pressed(int key);   // GLFW key codes, from GLFW's key callback
  void key_released(int key);
  void phone_backspace() { pending_backspace_ = 2; }
  void phone_enter() { pending_enter_ = 2; }

  // Applies what is due to this frame; call after ImGui_ImplGlfw_NewFrame.
  void apply(ImGuiIO& io, GLFWwindow* window);
  // Input still waiting for a frame of its own.
  bool pending() const;

 private:
  struct Step {
    float x, y;
    bool down;
    bool leave;  // a lifted finger: nothing stays hovered
    bool move;   // a plain move, which later moves may replace
  };
  void apply_keys(ImGuiIO& io, GLFWwindow* window);

  std::deque<Step> steps_;
  bool seen_pointer_ = false;
  Step now_{0, 0, false, true, false};
  // ImGui reads key state once per frame, so a key that is down at any moment
  // between two frames is down for the next frame, and let go a frame later.
  // Otherwise a quick tap would never be seen, and a Ctrl held over several
  // frames but let go together with its A would turn Ctrl+A into a plain A.
  std::vector<int> keys_pressed_;
  std::vector<int> keys_released_;
  std::vector<int> deferred_keys_;  // Tab or Enter typed right after text: given a frame later
  std::vector<int> keys_to_release_;
  std::vector<unsigned short> held_chars_;  // typed right after a shortcut: given a frame later
  float wheel_x_ = 0, wheel_y_ = 0;
  int pending_backspace_ = 0;
  int pending_enter_ = 0;
};

}  // namespace tt::web
