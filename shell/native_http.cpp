#include "shell/native_http.h"

#include <chrono>
#include <thread>

#include "shell/http_request.h"

namespace tt {
namespace {

class NativeHttp : public HttpTransport {
 public:
  NativeHttp(HttpClientOptions options, Sleep sleep) : options_(std::move(options)), sleep_(std::move(sleep)) {}
  void send(const HttpRequest& request, std::function<void(HttpOutcome)> answered) override {
    answered(http_request(request, options_));
  }
  void wait(int64_t ms, std::function<void(bool)> waited) override {
    if (sleep_) {
      sleep_(ms);
    } else {
      std::this_thread::sleep_for(std::chrono::milliseconds(ms));
    }
    waited(true);
  }

 private:
  HttpClientOptions options_;
  Sleep sleep_;
};

}  // namespace

std::shared_ptr<HttpTransport> native_http(const HttpClientOptions& options, Sleep sleep) {
  return std::make_shared<NativeHttp>(options, std::move(sleep));
}

}  // namespace tt
