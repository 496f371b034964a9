// The web app's entry point: GLFW (Emscripten's JS implementation) + Dear
// ImGui on WebGL2, the frame loop, and the functions the browser calls back.
// Every callback becomes an event for the runner; the database is loaded
// from IndexedDB before the first frame.
#define GLFW_INCLUDE_ES3
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>

#include <nlohmann/json.hpp>

#include <cstdio>


#include "web/accessibility/a11y_node.h"
#include "web/platform/browser.h"
#include "web/platform/browser_app.h"
#include "web/accessibility/mirror.h"
#include "web/platform/notation_bridge.h"
#include "web/platform/page.h"
#include "web/platform/runner.h"
#include "web/screens/theme.h"
#include "web/accessibility/widget_registry.h"
#include "web/interop/js_interop.h"

namespace {

tt::web::Runner g_runner;  // the page's only global: model, services, input, renderer

constexpr float kNarrowCssWidth = 700.0f;
// Frames are drawn only while something happens (input, network answers,
// timers, a sync or search in progress) and for a moment after, so an idle
// page costs nothing: phones keep their battery.
constexpr double kSettleMs = 700;
// ...and for at least this many frames: a browser under load can go longer
// than kSettleMs between two animation frames (measured: 0.9-1.2 s with the
// other core busy and software WebGL), and an event must still be drawn, and
// what it changed laid out (ImGui needs a frame or two to size a window).
constexpr int kSettleFrames = 3;
constexpr double kBusyFrameMs = 100;  // progress needs ~10 frames a second, not 60

// Latin-1, Latin Extended-A and general punctuation (curly quotes, dashes):
// what Irish and Scottish tune names use; and the arrow of a set's keys
// ("G major → D major").
const ImWchar kGlyphRanges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x2010, 0x205E, 0x20AC, 0x20AC, 0x2192, 0x2192, 0};

// What the font and style were last built for: rebuilt when any changes.
struct AppliedLook {
  double dpr = 0;
  float text_scale = 0;
  bool dark = false;
  bool touch = false;
  bool operator==(const AppliedLook& o) const {
    return dpr == o.dpr && text_scale == o.text_scale && dark == o.dark && touch == o.touch;
  }
};
AppliedLook g_applied;

void apply_look(const AppliedLook& look) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  ImFontConfig config;
  config.OversampleH = 2;
  const float pixels = tt::web::kBaseFontCssPixels * look.text_scale * static_cast<float>(look.dpr);
  if (!io.Fonts->AddFontFromFileTTF("/fonts/ui.ttf", pixels, &config, kGlyphRanges)) io.Fonts->AddFontDefault();
  tt::web::apply_theme(g_runner.model.appearance, static_cast<float>(look.dpr), look.touch);
  g_runner.renderer.invalidate_font_texture();  // rebuilt on the next frame
  g_applied = look;
}


double last_activity_ms() { return std::max(g_runner.schedule.last_activity_ms, js_last_input_ms()); }

// Input or a change a moment ago, or not yet drawn: frames are drawn until
// the page settles.
bool settling() {
  const tt::web::FrameSchedule& schedule = g_runner.schedule;
  const double last = last_activity_ms();
  return emscripten_get_now() - last < kSettleMs || last >= schedule.last_draw_ms ||
         schedule.frames_since_activity < kSettleFrames || g_runner.input.pending();
}

bool should_draw() {
  const double now = emscripten_get_now();
  const tt::web::FrameSchedule& schedule = g_runner.schedule;
  if (settling()) return true;
  // Work in the background (a sync, a save): follow it without starving the
  // network callbacks of the main thread.
  return g_runner.model.busy() && now - schedule.last_draw_ms >= kBusyFrameMs;
}

void draw_frame() {
  int width = 0, height = 0;
  g_runner.dpr = tt::web::fit_canvas_to_window(&width, &height);
  g_runner.dispatch(tt::web::event::Tick{});
  const tt::web::Appearance& appearance = g_runner.model.appearance;
  const AppliedLook look{g_runner.dpr, appearance.text_scale(), appearance.dark(), tt::web::has_touch_screen()};
  if (!(look == g_applied)) apply_look(look);

  ImGui_ImplGlfw_NewFrame();
  ImGuiIO& io = ImGui::GetIO();
  // Work in canvas pixels: the canvas backing store is CSS size x devicePixelRatio.
  io.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
  io.DisplayFramebufferScale = ImVec2(1, 1);
  if (io.DeltaTime <= 0) io.DeltaTime = 1.0f / 60.0f;  // headless clocks may stand still
  g_runner.input.apply(io);
  ImGui::NewFrame();

  tt::web::Layout layout;
  layout.width = io.DisplaySize.x;
  layout.height = io.DisplaySize.y;
  layout.scale = static_cast<float>(g_runner.dpr);
  layout.narrow = width / g_runner.dpr < kNarrowCssWidth;
  layout.touch = look.touch;
  tt::web::begin_widget_frame(g_runner.ui, layout.width);
  tt::web::draw_app(g_runner.model, g_runner.ui, layout);
  tt::web::end_widget_frame();
  tt::web::keep_active_field_visible();
  if (layout.touch) tt::web::scroll_by_touch_drag(6 * layout.scale);
  tt::web::scroll_by_keys();
  tt::web::set_text_input_active(io.WantTextInput, tt::web::typing_a_secret());
  g_runner.mirror.follow(g_runner.ui.nodes, g_runner.model.announcements, g_runner.model.collection, g_runner.dpr);

  ImGui::Render();
  g_runner.schedule.ui_done_at_ms = emscripten_get_now();
  glViewport(0, 0, width, height);
  glDisable(GL_SCISSOR_TEST);
  const tt::web::Rgb background = tt::web::current_palette().background;
  glClearColor(background.r, background.g, background.b, 1);
  glClear(GL_COLOR_BUFFER_BIT);
  g_runner.renderer.render(ImGui::GetDrawData(), width, height);
  // What the screens asked for, after they have drawn from a steady model.
  // What they changed is drawn next, however long this frame took: a slow
  // frame on a busy phone must not use up the settling time first.
  if (g_runner.after_frame()) tt::web::mark_activity();
}

void frame() {
  tt::web::FrameSchedule& schedule = g_runner.schedule;
  if (!schedule.first && !should_draw()) return;
  const double start = emscripten_get_now();
  if (last_activity_ms() >= schedule.last_draw_ms) schedule.frames_since_activity = 0;
  schedule.last_draw_ms = start;
  ++schedule.drawn;
  ++schedule.frames_since_activity;
  draw_frame();
  g_runner.frame_total.add(emscripten_get_now() - start);
  g_runner.frame_ui.add(schedule.ui_done_at_ms - start);
  if (schedule.first) {
    schedule.first = false;
    js_mark_first_frame();
  }
}

// The keyboard goes through Input's queue only (web/platform/input.h): these replace
// ImGui's own GLFW callbacks, which would write KeysDown and the typed
// characters at once, out of order with the queue.
void on_key(GLFWwindow*, int key, int, int action, int) {
  if (action == GLFW_PRESS) g_runner.input.key_pressed(key);
  if (action == GLFW_RELEASE) g_runner.input.key_released(key);
}

void on_char(GLFWwindow*, unsigned int c) { g_runner.input.character(c); }

}  // namespace


namespace {

// What the page was opened with, before anything else: the proxy it may
// talk to must be settled before the first request.
void open_page() {
  tt::web::event::PageOpened opened;
  opened.origin = tt::web::page_origin();
  opened.proxy_param = tt::web::proxy_param();
  opened.online = tt::web::browser_online();
  // Edited by hand or damaged: answers that cannot be read count as never given.
  const auto answers = nlohmann::json::parse(tt::web::remembered_proxy_answers(), nullptr, false);
  if (answers.is_object()) {
    for (const auto& [origin, answer] : answers.items()) {
      if (answer.is_string()) opened.proxy_answers[origin] = answer.get<std::string>();
    }
  }
  g_runner.dispatch(opened);
}

}  // namespace

namespace tt::web {

Runner& page_runner() { return g_runner; }
void mark_activity() { g_runner.schedule.last_activity_ms = emscripten_get_now(); }
bool page_settling() { return settling(); }
void start_frame_loop() { emscripten_set_main_loop(frame, 0, false); }

}  // namespace tt::web

int main() {
  open_page();
  // Start reading IndexedDB first: the browser loads it while the WebGL
  // context is being created below (the slowest step of start-up).
  tt::web::mount_storage(tt::web::Runner::kDatabasePath, tt::web::Runner::kStorageBlockSize);  // -> tt_on_storage_loaded -> main loop
  if (!glfwInit()) {
    std::fprintf(stderr, "glfwInit failed\n");
    return 1;
  }
  glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  GLFWwindow* window = glfwCreateWindow(800, 600, "tunetrack", nullptr, nullptr);
  if (!window) {
    js_fatal("WebGL2 is not available in this browser");
    return 1;
  }
  glfwMakeContextCurrent(window);
  tt::web::install_notation_textures();
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // no imgui.ini in the browser
  io.ConfigInputTextCursorBlink = false;  // idle pages stop drawing; a blinking cursor would freeze half-way
  ImGui_ImplGlfw_InitForOpenGL(window, true);
  // The system clipboard, not GLFW's own string: a copy goes out through the
  // browser, and Ctrl+V inserts what the browser's paste event brought
  // (index.html, Input::pasted).
  io.SetClipboardTextFn = [](void*, const char* text) { tt::web::copy_to_clipboard(text); };
  io.GetClipboardTextFn = [](void*) { return g_runner.input.take_pasted(); };
  glfwSetKeyCallback(window, on_key);
  glfwSetCharCallback(window, on_char);
  glfwSetScrollCallback(window, nullptr);  // the wheel comes from index.html (tt_on_wheel), in steps
  if (!g_runner.renderer.init()) {
    js_fatal("Could not set up WebGL2 drawing");
    return 1;
  }
  g_runner.window = window;
  return 0;
}
