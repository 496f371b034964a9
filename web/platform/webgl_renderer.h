#pragma once
// Draws Dear ImGui's output with WebGL2. Written for this page instead of
// using imgui_impl_opengl3: that backend saves and restores the GL state
// around every frame with glGet* calls, and in a browser each of those can
// stall the page until the GPU process has caught up. This page owns its
// context, so it simply sets the state it needs.
#include <imgui.h>

namespace tt::web {

class WebGlRenderer {
 public:
  bool init();                   // shaders and buffers; false if they fail to compile
  void invalidate_font_texture();  // after the font atlas changed
  void render(ImDrawData* draw_data, int framebuffer_width, int framebuffer_height);

 private:
  void upload_font_texture();

  unsigned program_ = 0, vao_ = 0, vbo_ = 0, ebo_ = 0, font_texture_ = 0;
  int projection_location_ = -1, texture_location_ = -1;
};

}  // namespace tt::web
