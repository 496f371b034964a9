#pragma once
// The browser's side of the page as an installed app, beside web/platform/browser.h:
// the service worker (web/pwa/service_worker.js: offline start, updates),
// online/offline notices, persistent storage and its estimate, and the
// remembered answers about other proxies. Answers come back through the
// tt_on_* functions exported from browser_callbacks.cpp.
#include <string>

namespace tt::web {

// Read synchronously at start, before the database is loaded and before
// any request: which proxy the page may talk to depends on them.
std::string page_origin();                 // location.origin
std::string proxy_param();                 // the ?proxy= value, "" without one
std::string remembered_proxy_answers();    // JSON {origin: "allow" | "deny"} (localStorage)
bool browser_online();                     // navigator.onLine
void remember_proxy_answer(const std::string& origin, bool allow);

// Registers sw.js and follows it: -> tt_on_app_shell(worker, update_waiting,
// replaced, build, error); online/offline -> tt_on_online(online).
void start_app_shell();
// The waiting build takes over and the page reloads into it (or, when
// another tab already switched, just reloads).
void activate_update();

// navigator.storage: persisted() or persist() (ask), then estimate()
// -> tt_on_storage_estimated(persisted -1/0/1, usage, quota).
void estimate_storage(bool ask_to_persist);

}  // namespace tt::web
