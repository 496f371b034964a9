#pragma once
// Drives core::SyncEngine natively: fetches on worker threads (bounded by the
// engine's concurrency), real timers for its waits, the store for its plan.
// Blocks until the sync is done; the progress callback sees every change.
#include <atomic>
#include <cstdint>
#include <functional>
#include <string>

#include "core/sync_engine.h"
#include "shell/store.h"

namespace tt {

using HttpGet = std::function<HttpOutcome(const std::string& url)>;

struct SyncRunnerHooks {
  HttpGet get;                                        // defaults to http_get
  std::function<int64_t()> now_ms;                    // defaults to the system clock
  std::function<void(const SyncProgress&)> on_progress;
  const std::atomic<bool>* cancel_requested = nullptr;  // polled while waiting
};

SyncResult run_sync(Store& store, const SyncOptions& options, SyncRunnerHooks hooks = {});

int64_t system_now_ms();

}  // namespace tt
