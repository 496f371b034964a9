#pragma once
// How a task (shell/task.h) sends a request and waits: the command line's
// transport answers at once (shell/native_http.h), the page's when fetch()
// settles. Either way every outcome comes back as an HttpOutcome for core
// to judge; nothing throws.
#include <cstdint>
#include <functional>
#include <memory>

#include "core/http_outcome.h"
#include "core/http_request.h"
#include "shell/task.h"

namespace tt {

class HttpTransport {
 public:
  virtual ~HttpTransport() = default;
  // Calls `answered` exactly once, now or later.
  virtual void send(const HttpRequest& request, std::function<void(HttpOutcome)> answered) = 0;
  // Calls `waited` once `ms` have passed.
  virtual void wait(int64_t ms, std::function<void(bool)> waited) = 0;

  // For a task: co_await transport.sent(request), co_await transport.waited(ms).
  Answered<HttpOutcome> sent(HttpRequest request) {
    return Answered<HttpOutcome>([this, request = std::move(request)](std::function<void(HttpOutcome)> done) {
      send(request, std::move(done));
    });
  }
  Answered<bool> waited(int64_t ms) {
    return Answered<bool>([this, ms](std::function<void(bool)> done) { wait(ms, std::move(done)); });
  }
};

}  // namespace tt
