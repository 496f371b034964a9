#pragma once
// The command line's transport: http_request (cpp-httplib), answered before
// send() returns, and waits that sleep the thread (or `sleep`, for tests).
#include <memory>

#include "shell/http_client.h"
#include "shell/http_transport.h"

namespace tt {

using Sleep = std::function<void(int64_t ms)>;

std::shared_ptr<HttpTransport> native_http(const HttpClientOptions& options = {}, Sleep sleep = nullptr);

}  // namespace tt
