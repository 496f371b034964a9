#pragma once
// Runs stale-while-revalidate refreshes off the request thread, so a musician
// gets the copy at hand at once while the proxy updates it. Each refresh is
// a short-lived thread; how many run at once is capped (they queue for
// upstream behind the politeness gate anyway), and stop() waits for the
// running ones, so none outlives the server it refreshes for.
#include <condition_variable>
#include <functional>
#include <mutex>

namespace tt::proxy {

class BackgroundRefresh {
 public:
  explicit BackgroundRefresh(int max_running) : max_running_(max_running) {}
  ~BackgroundRefresh() { stop(); }
  BackgroundRefresh(const BackgroundRefresh&) = delete;
  BackgroundRefresh& operator=(const BackgroundRefresh&) = delete;

  // False when at the cap or stopping: the job did not run and never will
  // (the next stale hit asks again).
  bool launch(std::function<void()> job);
  // Launches nothing more and waits for every running job.
  void stop();
  int running() const;

 private:
  int max_running_;
  mutable std::mutex mutex_;
  std::condition_variable finished_;
  int running_ = 0;
  bool stopping_ = false;
};

}  // namespace tt::proxy
