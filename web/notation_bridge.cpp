#include "web/notation_bridge.h"

#include <emscripten.h>

#include <nlohmann/json.hpp>

namespace tt::web {
namespace {

// GL and GLctx are Emscripten's WebGL state: a texture made here gets a GL
// name the C++ renderer can bind like any other.
EM_JS(void, js_install_notation_textures, (), {
  Module.ttUploadTexture = function(canvas) {
    var tex = GLctx.createTexture();
    var id = GL.getNewId(GL.textures);
    tex.name = id;
    GL.textures[id] = tex;
    GLctx.bindTexture(GLctx.TEXTURE_2D, tex);
    GLctx.texParameteri(GLctx.TEXTURE_2D, GLctx.TEXTURE_MIN_FILTER, GLctx.LINEAR);
    GLctx.texParameteri(GLctx.TEXTURE_2D, GLctx.TEXTURE_MAG_FILTER, GLctx.LINEAR);
    GLctx.texParameteri(GLctx.TEXTURE_2D, GLctx.TEXTURE_WRAP_S, GLctx.CLAMP_TO_EDGE);
    GLctx.texParameteri(GLctx.TEXTURE_2D, GLctx.TEXTURE_WRAP_T, GLctx.CLAMP_TO_EDGE);
    GLctx.texImage2D(GLctx.TEXTURE_2D, 0, GLctx.RGBA, GLctx.RGBA, GLctx.UNSIGNED_BYTE, canvas);
    return id;
  };
  Module.ttDeleteTexture = function(id) {
    var tex = GL.textures[id];
    if (tex) { GLctx.deleteTexture(tex); GL.textures[id] = null; }
  };
  Module.ttMaxTextureSize = function() { return GLctx.getParameter(GLctx.MAX_TEXTURE_SIZE); };
});

EM_JS(void, js_render_notation, (int id, const char* abc, int width_css, int transpose, double dpr, int incipit), {
  var text = UTF8ToString(abc);
  Module.ttLoadNotation().then(function(notation) {
    notation.render(id, text, width_css, transpose, dpr, incipit !== 0);
  }, function(e) {
    Module.ccall('tt_on_notation_rendered', null, ['number', 'string'],
                 [id, JSON.stringify({ error: 'The notation engine could not be loaded: ' + e.message })]);
  });
});

EM_JS(void, js_release_texture, (int id), { if (Module.ttDeleteTexture) Module.ttDeleteTexture(id); });

EM_JS(void, js_start_playback, (int id, const char* request), {
  var req = JSON.parse(UTF8ToString(request));
  Module.ttLoadNotation().then(function(notation) { notation.play(req); }, function(e) {
    Module.ccall('tt_on_playback', null, ['number', 'string'],
                 [id, JSON.stringify({ state: 'error', error: 'The player could not be loaded: ' + e.message })]);
  });
});

EM_JS(void, js_stop_playback, (), { if (Module.ttNotation) Module.ttNotation.stop(); });

}  // namespace

void install_notation_textures() { js_install_notation_textures(); }

void render_notation(const effect::RenderNotation& e, double dpr) {
  js_render_notation(static_cast<int>(e.request), e.abc.c_str(), e.width_css, e.transpose, dpr, e.incipit ? 1 : 0);
}

void release_texture(int texture) { js_release_texture(texture); }

void start_playback(const effect::StartPlayback& e) {
  const nlohmann::json request = {
      {"request", e.request},   {"render", e.render},           {"ms_per_bar", e.ms_per_bar},
      {"transpose", e.transpose}, {"instrument", e.instrument}, {"program", e.program},
      {"loop_from", e.loop_from}, {"loop_to", e.loop_to},       {"count_in_beats", e.count_in_beats},
      {"beats_per_bar", e.beats_per_bar},
  };
  js_start_playback(static_cast<int>(e.request), request.dump().c_str());
}

void stop_playback() { js_stop_playback(); }

NotationImage parse_rendered_notation(const std::string& json_text) {
  NotationImage image;
  const auto doc = nlohmann::json::parse(json_text, nullptr, false);
  if (!doc.is_object()) {
    image.error = "The notation could not be drawn.";
    return image;
  }
  image.texture = doc.value("texture", 0);
  image.width_css = doc.value("width", 0.0f);
  image.height_css = doc.value("height", 0.0f);
  image.bars = doc.value("bars", 0);
  image.warnings = doc.value("warnings", 0);
  image.error = doc.value("error", std::string());
  image.engrave_ms = doc.value("engrave_ms", 0.0);
  image.raster_ms = doc.value("raster_ms", 0.0);
  if (const auto it = doc.find("notes"); it != doc.end() && it->is_array()) {
    for (const auto& n : *it) {
      if (!n.is_array() || n.size() != 5) continue;
      image.notes.push_back({n[0].get<float>(), n[1].get<float>(), n[2].get<float>(), n[3].get<float>(), n[4].get<int>()});
    }
  }
  return image;
}

}  // namespace tt::web
