#pragma once
// `tunetrack sync-devices`: this collection and the musician's other devices'
// through their WebDAV folder (shell/device_sync.h). main.cpp parses the
// flags and the environment's retry settings.
#include <string>

#include "core/retry_policy.h"
#include "shell/cli/args.h"
#include "shell/http_client.h"

namespace tt::cli {

// Exit status: 0 done; 2 done, but a remote file was refused (each named,
// with the reason); 3 the credentials refused or the folder missing; 4 the
// server unavailable (after the retries); 1 anything else.
int sync_devices_command(const Args& args, const RetryPolicy& retry, const HttpClientOptions& http, int64_t now_ms);

}  // namespace tt::cli
