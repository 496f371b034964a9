// The web app's entry point: GLFW (Emscripten's JS implementation) + Dear
// ImGui on WebGL2, the frame loop, and the functions the browser calls back.
// The database is loaded from IndexedDB before the first frame.
#define GLFW_INCLUDE_ES3
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>

#include <cfloat>
#include <cstdio>
#include <algorithm>
#include <deque>
#include <vector>

#include "web/app.h"
#include "web/browser.h"
#include "web/ui.h"
#include "web/webgl_renderer.h"

namespace {

tt::web::App g_app;
tt::web::WebGlRenderer g_renderer;
GLFWwindow* g_window = nullptr;
double g_font_scale = 0;
double g_dpr = 1;
int g_pending_backspace = 0;  // phone keyboard: frames left to hold Backspace
int g_pending_enter = 0;

// Touch, fed by index.html (Emscripten's GLFW does not report touch
// positions). One queued step per frame keeps "move there", "press" and
// "release" in separate frames, as ImGui expects of a pointer.
struct TouchStep {
  float x, y;
  bool down;
  bool leave;  // after a release: the finger is gone, nothing stays hovered
};
std::deque<TouchStep> g_touch_steps;
bool g_touch_mode = false;
TouchStep g_touch_now{0, 0, false, true};

// Keys pressed and released between two frames (a quick tap, Ctrl+A) would
// never be seen down by ImGui 1.86, which reads key state once per frame.
// Such keys are held down for one frame, then let go.
std::vector<int> g_keys_pressed;     // since the last frame
std::vector<int> g_keys_to_release;  // held artificially for the last frame

void on_key(GLFWwindow*, int key, int, int action, int) {
  if (action == GLFW_PRESS && key >= 0 && key < 512) g_keys_pressed.push_back(key);
}

std::vector<ImWchar> g_held_chars;  // typed right after a shortcut: given to ImGui a frame later

void settle_key_presses(ImGuiIO& io) {
  for (int key : g_keys_to_release) io.KeysDown[key] = glfwGetKey(g_window, key) == GLFW_PRESS;
  g_keys_to_release.clear();
  for (ImWchar c : g_held_chars) io.AddInputCharacter(c);
  g_held_chars.clear();
  for (int key : g_keys_pressed) {
    if (!io.KeysDown[key]) {
      io.KeysDown[key] = true;
      g_keys_to_release.push_back(key);
    }
  }
  g_keys_pressed.clear();
  io.KeyCtrl = io.KeysDown[GLFW_KEY_LEFT_CONTROL] || io.KeysDown[GLFW_KEY_RIGHT_CONTROL];
  io.KeyShift = io.KeysDown[GLFW_KEY_LEFT_SHIFT] || io.KeysDown[GLFW_KEY_RIGHT_SHIFT];
  io.KeyAlt = io.KeysDown[GLFW_KEY_LEFT_ALT] || io.KeysDown[GLFW_KEY_RIGHT_ALT];
  io.KeySuper = io.KeysDown[GLFW_KEY_LEFT_SUPER] || io.KeysDown[GLFW_KEY_RIGHT_SUPER];
  // ImGui drops characters while Ctrl is down; text typed after a held-over
  // Ctrl+A waits for the next frame instead of being lost.
  if ((io.KeyCtrl || io.KeySuper) && !g_keys_to_release.empty()) {
    for (ImWchar c : io.InputQueueCharacters) g_held_chars.push_back(c);
    io.InputQueueCharacters.resize(0);
  }
}

void apply_touch(ImGuiIO& io) {
  if (!g_touch_mode) return;
  if (!g_touch_steps.empty()) {
    g_touch_now = g_touch_steps.front();
    g_touch_steps.pop_front();
  }
  io.MousePos = g_touch_now.leave ? ImVec2(-FLT_MAX, -FLT_MAX) : ImVec2(g_touch_now.x, g_touch_now.y);
  io.MouseDown[0] = g_touch_now.down;
}

// Taps and fast clicks move the pointer and press in the same frame; some
// ImGui widgets (tabs) only take a press on an item hovered the frame
// before. So a press that arrives together with a move is held back one
// frame: the pointer lands first, then presses, as a mouse user's would.
void settle_pointer_presses(ImGuiIO& io) {
  static ImVec2 last_pos(-1, -1);
  static bool was_down = false;
  static bool deferred = false;
  const bool moved = io.MousePos.x != last_pos.x || io.MousePos.y != last_pos.y;
  last_pos = io.MousePos;
  if (deferred) {
    io.MouseDown[0] = true;  // the held-back press; a release follows next frame
    deferred = false;
  } else if (io.MouseDown[0] && !was_down && moved) {
    io.MouseDown[0] = false;
    deferred = true;
  }
  was_down = io.MouseDown[0];
}

constexpr float kFontCssPixels = 16.0f;
constexpr float kNarrowCssWidth = 700.0f;

// Latin-1, Latin Extended-A and general punctuation (curly quotes, dashes):
// what Irish and Scottish tune names use.
const ImWchar kGlyphRanges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x2010, 0x205E, 0x20AC, 0x20AC, 0};

void load_fonts(double dpr) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  ImFontConfig config;
  config.OversampleH = 2;
  if (!io.Fonts->AddFontFromFileTTF("/fonts/ui.ttf", kFontCssPixels * static_cast<float>(dpr), &config, kGlyphRanges)) {
    io.Fonts->AddFontDefault();
  }
  ImGuiStyle fresh;
  ImGui::StyleColorsDark(&fresh);
  fresh.ScaleAllSizes(static_cast<float>(dpr));
  fresh.TouchExtraPadding = ImVec2(4 * static_cast<float>(dpr), 4 * static_cast<float>(dpr));
  ImGui::GetStyle() = fresh;
  g_renderer.invalidate_font_texture();  // rebuilt on the next frame
  g_font_scale = dpr;
}

// Time of recent frames, for the benchmarks (tt_frame_stats): the whole
// frame, and the UI part alone (everything before the WebGL calls).
struct FrameTimes {
  static constexpr size_t kWindow = 240;
  std::vector<double> ms;
  size_t next = 0;
  void add(double value) {
    if (ms.size() < kWindow) ms.push_back(value); else ms[next] = value;
    next = (next + 1) % kWindow;
  }
  void clear() { ms.clear(); next = 0; }
  std::string summary() const {  // "count p50 p95 max"
    std::vector<double> sorted = ms;
    std::sort(sorted.begin(), sorted.end());
    const auto at = [&](double p) {
      return sorted.empty() ? 0.0 : sorted[std::min(sorted.size() - 1, static_cast<size_t>(p * sorted.size()))];
    };
    char buf[128];
    std::snprintf(buf, sizeof buf, "%zu %.3f %.3f %.3f", sorted.size(), at(0.5), at(0.95), sorted.empty() ? 0.0 : sorted.back());
    return buf;
  }
};
FrameTimes g_frame_total;
FrameTimes g_frame_ui;
double g_ui_done_at = 0;

void draw_frame();

// Frames are drawn only while something happens (input, network answers,
// timers, a sync or search in progress) and for a moment after, so an idle
// page costs nothing: phones keep their battery.
double g_last_activity_ms = 0;
constexpr double kSettleMs = 700;
void mark_activity() { g_last_activity_ms = emscripten_get_now(); }

EM_JS(double, js_last_input_ms, (), { return Module.ttLastInput || 0; });

double g_last_draw_ms = 0;
constexpr double kBusyFrameMs = 100;  // progress needs ~10 frames a second, not 60

bool should_draw() {
  const double now = emscripten_get_now();
  const double last = std::max(g_last_activity_ms, js_last_input_ms());
  if (now - last < kSettleMs || !g_touch_steps.empty() || g_pending_backspace > 0 || g_pending_enter > 0) return true;
  // Work in the background (a sync, a save): follow it without starving the
  // network callbacks of the main thread.
  return g_app.busy() && now - g_last_draw_ms >= kBusyFrameMs;
}

void frame() {
  static bool first = true;
  if (!first && !should_draw() && g_keys_pressed.empty() && g_keys_to_release.empty() && g_held_chars.empty()) return;
  const double start = emscripten_get_now();
  g_last_draw_ms = start;
  draw_frame();
  g_frame_total.add(emscripten_get_now() - start);
  g_frame_ui.add(g_ui_done_at - start);
  if (first) {
    first = false;
    EM_ASM({ window.tunetrack.firstFrameAt = performance.now() + $0; }, 0);
  }
}

void draw_frame() {
  int width = 0, height = 0;
  g_dpr = tt::web::fit_canvas_to_window(&width, &height);
  if (g_dpr != g_font_scale) load_fonts(g_dpr);
  g_app.tick();

  ImGui_ImplGlfw_NewFrame();
  ImGuiIO& io = ImGui::GetIO();
  // Work in canvas pixels: the canvas backing store is CSS size x devicePixelRatio,
  // and Emscripten reports the mouse in canvas pixels too.
  io.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
  io.DisplayFramebufferScale = ImVec2(1, 1);
  if (io.DeltaTime <= 0) io.DeltaTime = 1.0f / 60.0f;  // headless clocks may stand still
  settle_pointer_presses(io);
  settle_key_presses(io);
  apply_touch(io);
  if (g_pending_backspace > 0) {
    io.KeysDown[GLFW_KEY_BACKSPACE] = g_pending_backspace == 2;
    --g_pending_backspace;
  }
  if (g_pending_enter > 0) {
    io.KeysDown[GLFW_KEY_ENTER] = g_pending_enter == 2;
    --g_pending_enter;
  }
  ImGui::NewFrame();

  tt::web::Layout layout;
  layout.width = io.DisplaySize.x;
  layout.height = io.DisplaySize.y;
  layout.scale = static_cast<float>(g_dpr);
  layout.narrow = width / g_dpr < kNarrowCssWidth;
  tt::web::draw_app(g_app, layout);
  tt::web::set_text_input_active(io.WantTextInput);

  ImGui::Render();
  g_ui_done_at = emscripten_get_now();
  glViewport(0, 0, width, height);
  glDisable(GL_SCISSOR_TEST);
  glClearColor(0.09f, 0.1f, 0.12f, 1);
  glClear(GL_COLOR_BUFFER_BIT);
  g_renderer.render(ImGui::GetDrawData(), width, height);
}

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE void tt_on_storage_loaded(const char* error) {
  mark_activity();
  if (!g_window) return;  // no WebGL: main() already said so on the page
  g_app.on_storage_loaded(error ? error : "");
  emscripten_set_main_loop(frame, 0, false);  // the first frame comes after the data
  EM_ASM({ if (Module.ttOnReady) Module.ttOnReady($0); }, 0);
}
EMSCRIPTEN_KEEPALIVE void tt_on_persisted(const char* error) { mark_activity(); g_app.on_persisted(error ? error : ""); }
EMSCRIPTEN_KEEPALIVE void tt_on_storage_reloaded(const char* error) { mark_activity(); g_app.on_storage_reloaded(error ? error : ""); }
EMSCRIPTEN_KEEPALIVE void tt_on_lock(int state) { mark_activity(); g_app.on_lock(state); }
EMSCRIPTEN_KEEPALIVE void tt_on_other_tab_saved() { mark_activity(); g_app.on_other_tab_saved(); }
EMSCRIPTEN_KEEPALIVE void tt_on_timer(int id) { mark_activity(); g_app.on_timer(id); }
EMSCRIPTEN_KEEPALIVE void tt_on_hash_changed(const char* fragment) { mark_activity(); g_app.on_hash_changed(fragment ? fragment : ""); }
EMSCRIPTEN_KEEPALIVE void tt_on_file_picked(const char* text, const char* error) {
  mark_activity();
  g_app.on_file_picked(text ? text : "", error ? error : "");
}
EMSCRIPTEN_KEEPALIVE void tt_on_fetch_done(int id, int status, const char* body, const char* retry_after,
                                           const char* error) {
  mark_activity();
  tt::HttpOutcome outcome;
  outcome.status = status;
  outcome.body = body ? body : "";
  outcome.retry_after_ms = tt::parse_retry_after_ms(retry_after ? retry_after : "");
  const std::string err = error ? error : "";
  if (err == "timeout") outcome.timed_out = true;
  else if (!err.empty()) outcome.transport_error = err;
  g_app.on_fetch_done(id, outcome);
}
EMSCRIPTEN_KEEPALIVE void tt_on_text_input(const char* text) { mark_activity(); ImGui::GetIO().AddInputCharactersUTF8(text); }
EMSCRIPTEN_KEEPALIVE void tt_on_backspace() { mark_activity(); g_pending_backspace = 2; }
EMSCRIPTEN_KEEPALIVE void tt_on_enter() { mark_activity(); g_pending_enter = 2; }
// phase: 1 start, 2 move, 0 end. Coordinates in canvas pixels.
EMSCRIPTEN_KEEPALIVE void tt_on_touch(float x, float y, int phase) {
  mark_activity();
  g_touch_mode = true;
  if (phase == 1) {
    g_touch_steps.push_back({x, y, false, false});  // land first...
    g_touch_steps.push_back({x, y, true, false});   // ...then press
  } else if (phase == 2) {
    if (!g_touch_steps.empty() && g_touch_steps.back().down) {
      g_touch_steps.back().x = x;  // coalesce moves within a frame
      g_touch_steps.back().y = y;
    } else {
      g_touch_steps.push_back({x, y, true, false});
    }
  } else {
    g_touch_steps.push_back({x, y, false, false});
    g_touch_steps.push_back({x, y, false, true});
  }
}
// The automation hook: window.tunetrack.snapshot() returns this.
EMSCRIPTEN_KEEPALIVE const char* tt_snapshot() {
  static std::string text;
  text = g_app.snapshot_json(g_dpr);
  return text.c_str();
}
// Frame times in ms over the last frames: "count p50 p95 max|count p50 p95 max"
// (whole frame | UI without the WebGL calls).
EMSCRIPTEN_KEEPALIVE const char* tt_frame_stats() {
  static std::string text;
  text = g_frame_total.summary() + "|" + g_frame_ui.summary();
  return text.c_str();
}
EMSCRIPTEN_KEEPALIVE void tt_reset_frame_stats() {
  g_frame_total.clear();
  g_frame_ui.clear();
}
}

int main() {
  // Start reading IndexedDB first: the browser loads it while the WebGL
  // context is being created below (the slowest step of start-up).
  tt::web::mount_storage();  // -> tt_on_storage_loaded -> main loop
  if (!glfwInit()) {
    std::fprintf(stderr, "glfwInit failed\n");
    return 1;
  }
  glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  g_window = glfwCreateWindow(800, 600, "tunetrack", nullptr, nullptr);
  if (!g_window) {
    EM_ASM({ if (Module.ttOnFatal) Module.ttOnFatal("WebGL2 is not available in this browser", $0); }, 0);
    return 1;
  }
  glfwMakeContextCurrent(g_window);
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // no imgui.ini in the browser
  io.ConfigInputTextCursorBlink = false;  // idle pages stop drawing; a blinking cursor would freeze half-way
  glfwSetKeyCallback(g_window, on_key);  // before ImGui's, which then chains to it
  ImGui_ImplGlfw_InitForOpenGL(g_window, true);
  if (!g_renderer.init()) {
    EM_ASM({ if (Module.ttOnFatal) Module.ttOnFatal("Could not set up WebGL2 drawing", $0); }, 0);
    g_window = nullptr;
    return 1;
  }
  return 0;
}
