// The app shell: where the page is served from, the ?proxy= question, the
// service worker's updates, being online, and the storage estimate.
// An Emscripten JS library (linked with --js-library): every function the
// C++ side calls in the browser is declared in web/interop/js_interop.h.
mergeInto(LibraryManager.library, {
  js_page_origin: function() {
    return allocateUTF8(window.location.origin);
  },
  js_proxy_param: function() {
    return allocateUTF8(new URLSearchParams(window.location.search).get('proxy') || "");
  },
  // Kept in localStorage, not the database: it must be known before the
  // database loads, and it belongs to this browser rather than the collection.
  js_remembered_proxy_answers: function() {
    var text = "{}";
    try { text = window.localStorage.getItem('tunetrack.proxy-answers') || "{}"; } catch (e) {}
    return allocateUTF8(text);
  },
  js_remember_proxy_answer: function(origin_ptr, allow) {
    try {
      var answers = {};
      try { answers = JSON.parse(window.localStorage.getItem('tunetrack.proxy-answers') || "{}") || {}; } catch (e) {}
      answers[UTF8ToString(origin_ptr)] = allow ? 'allow' : 'deny';
      window.localStorage.setItem('tunetrack.proxy-answers', JSON.stringify(answers));
    } catch (e) {
      console.warn('tunetrack: the proxy answer could not be remembered: ' + e);
    }
  },
  js_browser_online: function() { return navigator.onLine === false ? 0 : 1; },
  js_start_app_shell: function() {
    var report = function(worker, waiting, replaced, build, error) {
      Module.ccall('tt_on_app_shell', null, ['string', 'number', 'number', 'string', 'string'],
                   [worker, waiting ? 1 : 0, replaced ? 1 : 0, build || "", error || ""]);
    };
    window.addEventListener('online', function() { Module.ccall('tt_on_online', null, ['number'], [1]); });
    window.addEventListener('offline', function() { Module.ccall('tt_on_online', null, ['number'], [0]); });
    // The build of the shell this page runs: a controlled page gets it from
    // its worker (the cache it was served from), others from the server.
    var readBuild = function() {
      return fetch('version.json', {cache: 'no-store', credentials: 'same-origin'})
        .then(function(r) { return r.ok ? r.json() : {}; })
        .then(function(v) { return v && typeof v.build === 'string' ? v.build.slice(0, 64) : ""; },
              function() { return ""; });
    };
    if (!('serviceWorker' in navigator)) {
      readBuild().then(function(b) { report('unsupported', false, false, b, ""); });
      return;
    }
    var sw = navigator.serviceWorker;
    var state = function(replaced) {
      var reg = Module.ttRegistration;
      // Only an update waits: a first install takes the page at once.
      var waiting = !!(reg && reg.waiting && sw.controller);
      readBuild().then(function(b) { report(sw.controller ? 'controlled' : 'registering', waiting, replaced, b, ""); });
    };
    var wasControlled = !!sw.controller;
    sw.addEventListener('controllerchange', function() {
      if (Module.ttUpdating) { window.location.reload(); return; }
      // No controller before: the first install took this page (nothing to
      // reload). One before: another tab accepted an update under this one.
      state(wasControlled);
      wasControlled = true;
    });
    sw.register('sw.js', {scope: './'}).then(function(reg) {
      Module.ttRegistration = reg;
      var watch = function(worker) {
        if (worker) worker.addEventListener('statechange', function() { state(false); });
      };
      watch(reg.installing);
      watch(reg.waiting);
      reg.addEventListener('updatefound', function() { watch(reg.installing); });
      // A new build is looked for now and then and whenever the page is shown
      // again; the browser also looks on every visit.
      var check = function() { return reg.update().then(function() {}, function() {}); };
      setInterval(check, 60 * 60 * 1000);
      document.addEventListener('visibilitychange', function() { if (document.visibilityState === 'visible') check(); });
      window.tunetrack.checkForUpdate = check;
      state(false);
    }, function(err) {
      readBuild().then(function(b) { report('failed', false, false, b, String((err && err.message) || err)); });
    });
  },
  js_activate_update: function() {
    var reg = Module.ttRegistration;
    if (reg && reg.waiting && navigator.serviceWorker.controller) {
      Module.ttUpdating = true;  // controllerchange reloads
      reg.waiting.postMessage('tunetrack:activate');
      setTimeout(function() { window.location.reload(); }, 5000);  // should the switch never be announced
    } else {
      window.location.reload();
    }
  },
  js_estimate_storage: function(ask) {
    var done = function(persisted, estimate) {
      Module.ccall('tt_on_storage_estimated', null, ['number', 'number', 'number'],
                   [persisted === true ? 1 : persisted === false ? 0 : -1,
                    estimate && typeof estimate.usage === 'number' ? estimate.usage : -1,
                    estimate && typeof estimate.quota === 'number' ? estimate.quota : -1]);
    };
    var storage = navigator.storage;
    if (!storage || !storage.estimate) { done(null, null); return; }
    var persisted = ask && storage.persist ? storage.persist()
                  : storage.persisted ? storage.persisted() : Promise.resolve(null);
    Promise.all([persisted.catch(function() { return null; }), storage.estimate().catch(function() { return null; })])
      .then(function(both) { done(both[0], both[1]); });
  }
});
