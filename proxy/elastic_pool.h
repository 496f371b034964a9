#pragma once
// A worker pool for cpp-httplib that grows on demand up to `max_threads` and
// lets workers idle for a while go. The library runs one connection per task
// for the connection's whole life, so the pool's size is the number of
// connections served at once; a fixed pool of 16 let 16 idle connections
// stall everyone else. Threads beyond `keep_threads` exit after `idle_ms`.
#include <httplib.h>

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>

namespace tt::proxy {

class ElasticPool : public httplib::TaskQueue {
 public:
  ElasticPool(size_t max_threads, size_t keep_threads = 8, int idle_ms = 30000);
  ~ElasticPool() override;
  void enqueue(std::function<void()> fn) override;
  void shutdown() override;

 private:
  void work();

  const size_t max_threads_, keep_threads_;
  const int idle_ms_;
  std::mutex mutex_;
  std::condition_variable ready_, all_gone_;
  std::deque<std::function<void()>> tasks_;
  size_t threads_ = 0, idle_ = 0;
  bool stopping_ = false;
};

}  // namespace tt::proxy
