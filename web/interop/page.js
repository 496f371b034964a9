// The page around the canvas: the URL's fragment, new tabs, the clipboard,
// downloads, the file picker, the canvas size, the phone's keyboard, the
// device's looks and touch, and the signals the page's loader waits for.
// An Emscripten JS library (linked with --js-library): every function the
// C++ side calls in the browser is declared in web/interop/js_interop.h.
mergeInto(LibraryManager.library, {
  js_location_hash: function() {
    var h = window.location.hash.substring(1);
    return typeof stringToNewUTF8 !== "undefined" ? stringToNewUTF8(h) : allocateUTF8(h);
  },
  js_set_location_hash: function(fragment_ptr, push) {
    var f = UTF8ToString(fragment_ptr);
    var url = window.location.pathname + window.location.search + (f ? '#' + f : "");
    if (push) history.pushState(null, "", url); else history.replaceState(null, "", url);
  },
  js_open_in_new_tab: function(url_ptr) {
    window.open(UTF8ToString(url_ptr), '_blank', 'noopener');
  },
  js_copy_to_clipboard: function(text_ptr) {
    var text = UTF8ToString(text_ptr);
    Module.ttLastCopied = text;
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).catch(function() {});
    }
  },
  js_download_bytes: function(name_ptr, mime_ptr, data, length) {
    var bytes = HEAPU8.slice(data, data + length);
    var blob = new Blob([bytes], {type: UTF8ToString(mime_ptr)});
    var a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = UTF8ToString(name_ptr);
    Module.ttLastDownload = {name: a.download, size: length};
    document.body.appendChild(a);
    a.click();
    setTimeout(function() { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  },
  js_download_file: function(name_ptr, path_ptr) {
    var bytes = FS.readFile(UTF8ToString(path_ptr));
    var blob = new Blob([bytes], {type: 'application/octet-stream'});
    var a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = UTF8ToString(name_ptr);
    document.body.appendChild(a);
    a.click();
    setTimeout(function() { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  },
  js_pick_text_file: function() {
    var input = document.getElementById('tt-file');
    input.value = "";
    input.onchange = function() {
      var file = input.files && input.files[0];
      if (!file) return;
      file.text().then(function(text) {
        // On the heap, not the stack: ccall's 'string' copies onto the wasm
        // stack (a few MB), which a big export overflows.
        var content = allocateUTF8(text);
        if (!content) {
          Module.ccall('tt_on_file_picked', null, ['string', 'string'],
                       ["", 'The file is too large to import here (' + Math.round(text.length / 1e6) + ' MB)']);
          return;
        }
        try {
          Module.ccall('tt_on_file_picked', null, ['number', 'string'], [content, ""]);
        } finally {
          _free(content);
        }
      }, function(err) {
        Module.ccall('tt_on_file_picked', null, ['string', 'string'], ["", 'Could not read the file: ' + err]);
      });
    };
    input.click();
  },
  js_fit_canvas: function(width, height) {
    var canvas = Module.canvas;
    var dpr = window.devicePixelRatio || 1;
    var w = Math.max(1, Math.round(canvas.clientWidth * dpr));
    var h = Math.max(1, Math.round(canvas.clientHeight * dpr));
    if (canvas.width !== w || canvas.height !== h) { canvas.width = w; canvas.height = h; }
    HEAP32[width >> 2] = w;
    HEAP32[height >> 2] = h;
    return dpr;
  },
  js_set_text_input_active: function(active, secret) {
    Module.ttTextInputWanted = active !== 0;  // for tests: a field is ready for typing
    var input = document.getElementById('tt-keyboard');
    if (!input) return;
    // A password: the keyboard must not show it in suggestions, nor learn it.
    var type = active && secret ? 'password' : 'text';
    if (input.type !== type) input.type = type;
    // A field of the accessibility mirror being typed into is its own keyboard's.
    var mirror = document.getElementById('tt-mirror');
    if (mirror && mirror.contains(document.activeElement)) return;
    if (active && document.activeElement !== input) { input.value = ""; input.focus({preventScroll: true}); }
    if (!active && document.activeElement === input) { input.blur(); Module.canvas.focus(); }
  },
  js_system_prefers_dark: function() {
    return window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches ? 1 : 0;
  },
  js_has_touch_screen: function() {
    return window.matchMedia && window.matchMedia('(pointer: coarse)').matches ? 1 : 0;
  },
  js_last_input_ms: function() { return Module.ttLastInput || 0; },
  // The page's loader (index.html) waits for these.
  js_page_ready: function() { if (Module.ttOnReady) Module.ttOnReady(0); },
  js_mark_first_frame: function() { window.tunetrack.firstFrameAt = performance.now(); },
  js_fatal: function(message) { if (Module.ttOnFatal) Module.ttOnFatal(UTF8ToString(message), 0); }
});
