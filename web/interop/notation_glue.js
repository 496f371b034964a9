// Notation (web/page/notation.js, loaded lazily): engraving ABC into a WebGL
// texture the ImGui canvas draws, and playback.
// An Emscripten JS library (linked with --js-library): every function the
// C++ side calls in the browser is declared in web/interop/js_interop.h.
mergeInto(LibraryManager.library, {
  // GL and GLctx are Emscripten's WebGL state: a texture made here gets a GL
  // name the C++ renderer can bind like any other.
  js_install_notation_textures: function() {
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
  },
  js_render_notation__deps: ['$ttWhenSaved'],
  js_render_notation: function(id, abc, width_css, transpose, dpr, incipit) {
    var text = UTF8ToString(abc);
    ttWhenSaved(function() {
      Module.ttLoadNotation().then(function(notation) {
        notation.render(id, text, width_css, transpose, dpr, incipit !== 0);
      }, function(e) {
        Module.ccall('tt_on_notation_rendered', null, ['number', 'string'],
                     [id, JSON.stringify({ error: 'The notation engine could not be loaded: ' + e.message })]);
      });
    });
  },
  js_release_texture: function(id) { if (Module.ttDeleteTexture) Module.ttDeleteTexture(id); },
  js_start_playback: function(id, request) {
    var req = JSON.parse(UTF8ToString(request));
    Module.ttLoadNotation().then(function(notation) { notation.play(req); }, function(e) {
      Module.ccall('tt_on_playback', null, ['number', 'string'],
                   [id, JSON.stringify({ state: 'error', error: 'The player could not be loaded: ' + e.message })]);
    });
  },
  js_stop_playback: function() { if (Module.ttNotation) Module.ttNotation.stop(); }
});
