#pragma once
// The device sync in the page: the shell's one sync (shell/device_sync.h),
// run as a task over fetch() and the page's timers, so the page goes on
// drawing and taking the musician's changes while the folder answers. The
// runner starts it for effect::SyncDevices; it reports how many files came
// and, at its end, what it did (web/model/devices_model.h).
#include <functional>

#include "core/http_outcome.h"
#include "shell/store.h"
#include "web/model/devices_model.h"
#include "web/model/effect.h"

namespace tt::web {

// One sync at a time: the update never asks for a second while one runs.
void start_device_sync(Store& store, const effect::SyncDevices& sync, std::function<void(int files_fetched)> progress,
                       std::function<void(DevicesSyncOutcome)> done);

// The browser's answers (browser_callbacks.cpp asks these first): true when
// the request or the timer was the device sync's.
bool device_sync_answered(int id, const HttpOutcome& outcome);
bool device_sync_timer_fired(int id);

}  // namespace tt::web
