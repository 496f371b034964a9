#pragma once
// The page as an installed app, as plain values: the service worker that
// keeps it working offline and brings updates, whether the proxy can be
// reached, the browser storage the collection lives in, the reminder to
// export, and which proxy the page talks to. Read by the screens and the
// snapshot; changed only by update (web/update/update_app.cpp).
#include <optional>
#include <string>

#include "core/export_reminder.h"
#include "core/proxy_choice.h"

namespace tt::web {

struct AppShell {
  // "unsupported" (no service workers: works online only), "registering",
  // "controlled" (an active worker holds the whole shell: the page opens
  // offline), or "failed".
  std::string worker = "registering";
  std::string error;               // why registering failed
  std::string build;               // the build of the shell this page runs ("" until known)
  bool update_available = false;   // a newer build is installed and waiting
  bool replaced = false;           // another tab switched to a newer build under this one
  bool update_accepted = false;    // the musician asked to reload into it
  bool update_started = false;     // ActivateUpdate was sent: the page is about to reload
  bool browser_online = true;      // navigator.onLine
  bool offline = false;            // the proxy could not be reached (or the browser is offline)

  bool offline_ready() const { return worker == "controlled"; }
};

struct StorageState {
  std::optional<bool> persisted;   // navigator.storage.persisted(); nullopt: unknown yet or unsupported
  double usage_bytes = -1;         // navigator.storage.estimate(); -1: unknown
  double quota_bytes = -1;
  bool persist_requested = false;  // asked once, after the first committed save
  // The database on this device (web/page/page_store.js): its size, the bytes
  // the last save wrote, and when that save became durable.
  double database_bytes = -1;      // -1: unknown (nothing saved yet)
  double last_save_bytes = -1;     // -1: no save in this page yet
  double last_saved_at_ms = 0;     // 0: never saved
  // After a failed save, the next try comes by itself (the timer), sooner
  // than a minute; any save that works ends the retries.
  uint64_t retry_timer = 0;        // 0: none waiting
  int64_t retry_delay_ms = 0;      // the last wait; doubles up to kMaxSaveRetryMs
};

struct KeepState {
  ExportHistory history;  // from the store's settings
  bool reminder = false;  // the export reminder is showing
};

}  // namespace tt::web
