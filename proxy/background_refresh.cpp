#include "proxy/background_refresh.h"

#include <system_error>
#include <thread>

namespace tt::proxy {

bool BackgroundRefresh::launch(std::function<void()> job) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (stopping_ || running_ >= max_running_) return false;
    ++running_;
  }
  try {
    std::thread([this, job = std::move(job)]() mutable {
      try {
        job();
      } catch (...) {
        // A refresh that fails leaves the stale copy; its flight has landed (see Landing).
      }
      job = nullptr;  // release what it holds before stop() may return
      std::lock_guard<std::mutex> lock(mutex_);
      --running_;
      finished_.notify_all();
    }).detach();
  } catch (const std::system_error&) {  // no thread to be had: skip this refresh
    std::lock_guard<std::mutex> lock(mutex_);
    --running_;
    finished_.notify_all();
    return false;
  }
  return true;
}

void BackgroundRefresh::stop() {
  std::unique_lock<std::mutex> lock(mutex_);
  stopping_ = true;
  finished_.wait(lock, [&] { return running_ == 0; });
}

int BackgroundRefresh::running() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return running_;
}

}  // namespace tt::proxy
