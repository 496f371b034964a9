// The accessibility mirror (web/page/mirror.js): the DOM copy of the screen
// and the live region.
// An Emscripten JS library (linked with --js-library): every function the
// C++ side calls in the browser is declared in web/interop/js_interop.h.
mergeInto(LibraryManager.library, {
  js_mirror_update: function(json) {
    if (Module.ttMirror) Module.ttMirror.update(UTF8ToString(json));
  },
  js_mirror_rows_changed: function() {
    if (Module.ttMirror) Module.ttMirror.rowsChanged();
  },
  js_mirror_announce: function(text) {
    if (Module.ttMirror) Module.ttMirror.announce(UTF8ToString(text));
  },
  // The mirror benchmark's baseline switches it off (tests/bench/mirror_bench.mjs).
  js_mirror_wanted: function() { return Module.ttMirror && !Module.ttMirrorPaused ? 1 : 0; }
});
