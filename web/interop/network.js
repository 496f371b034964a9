// Requests (fetch with a timeout, abortable) to the proxy and to the musician's
// WebDAV folder, timers, and the clock.
// An Emscripten JS library (linked with --js-library): every function the
// C++ side calls in the browser is declared in web/interop/js_interop.h.
mergeInto(LibraryManager.library, {
  // One request of any method: to the proxy (GET, JSON) or to the
  // musician's WebDAV folder (PROPFIND, PUT, MOVE, ...). `request_ptr` is JSON:
  // {method, url, headers, user, password, cache}; with a user, basic authentication
  // goes to that URL only (credentials: 'omit' keeps the browser's own out).
  js_http_send: function(id, request_ptr, body_ptr, body_length, timeout_ms, probe_ptr) {
    var request = JSON.parse(UTF8ToString(request_ptr));
    var probe = UTF8ToString(probe_ptr);
    var headers = request.headers || {};
    if (request.user) {
      var bytes = new TextEncoder().encode(request.user + ':' + (request.password || ''));
      var binary = '';
      for (var i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
      headers['Authorization'] = 'Basic ' + btoa(binary);
    }
    var init = {method: request.method || 'GET', headers: headers, credentials: 'omit'};
    if (request.cache) init.cache = request.cache;  // 'no-store': a folder's files are read as they are now
    // A copy: the heap may move while the request is under way.
    if (body_length > 0) init.body = HEAPU8.slice(body_ptr, body_ptr + body_length);
    var controller = new AbortController();
    init.signal = controller.signal;
    Module.ttFetches = Module.ttFetches || {};
    Module.ttFetches[id] = controller;
    var timedOut = false;
    var timer = setTimeout(function() { timedOut = true; controller.abort(); }, timeout_ms);
    var done = function(status, body, retryAfter, error) {
      clearTimeout(timer);
      delete Module.ttFetches[id];
      // The body on the heap (ccall's 'string' would copy it onto the small
      // wasm stack); a body too big for memory is a failure, said as such.
      var bodyPtr = allocateUTF8(body);
      if (!bodyPtr) { bodyPtr = allocateUTF8(""); status = 0; error = 'answer too large (' + body.length + ' bytes)'; }
      try {
        Module.ccall('tt_on_fetch_done', null, ['number', 'number', 'number', 'string', 'string'],
                     [id, status, bodyPtr, retryAfter, error]);
      } finally {
        _free(bodyPtr);
      }
    };
    fetch(request.url, init)
      .then(function(response) {
        var retryAfter = response.headers.get('Retry-After') || "";
        return response.text().then(function(text) { done(response.status, text, retryAfter, ""); });
      })
      .catch(function(err) {
        if (timedOut) return done(0, "", "", 'timeout');
        if (controller.signal.aborted) return done(0, "", "", 'aborted');
        if (navigator.onLine === false) return done(0, "", "", 'offline: this device has no network connection');
        if (!probe) return done(0, "", "", 'network error: ' + err.message);
        // No answer at all. If the proxy does not answer either, the page is
        // offline (no network, or the proxy is down): said at once, where
        // retrying for seconds would only make the musician wait. If it does,
        // this was one dropped request, worth retrying.
        var probeController = new AbortController();
        var probeTimer = setTimeout(function() { probeController.abort(); }, 3000);
        var host = "";
        try { host = new URL(probe).host; } catch (e) {}
        fetch(probe, {cache: 'no-store', credentials: 'omit', signal: probeController.signal}).then(function() {
          clearTimeout(probeTimer);
          done(0, "", "", 'network error: ' + err.message);
        }, function() {
          clearTimeout(probeTimer);
          done(0, "", "", 'offline: the proxy at ' + host + ' cannot be reached');
        });
      });
  },
  js_abort_fetch: function(id) {
    if (Module.ttFetches && Module.ttFetches[id]) Module.ttFetches[id].abort();
  },
  js_set_timer: function(id, delay_ms) {
    Module.ttTimers = Module.ttTimers || {};
    Module.ttTimers[id] = setTimeout(function() {
      delete Module.ttTimers[id];
      Module.ccall('tt_on_timer', null, ['number'], [id]);
    }, delay_ms);
  },
  js_clear_timer: function(id) {
    if (Module.ttTimers && Module.ttTimers[id] !== undefined) {
      clearTimeout(Module.ttTimers[id]);
      delete Module.ttTimers[id];
    }
  },
  js_now_ms: function() { return Date.now(); },
  js_utc_offset_minutes: function() { return -new Date().getTimezoneOffset(); }
});
