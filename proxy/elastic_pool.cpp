#include "proxy/elastic_pool.h"

#include <chrono>
#include <thread>

namespace tt::proxy {

ElasticPool::ElasticPool(size_t max_threads, size_t keep_threads, int idle_ms)
    : max_threads_(std::max<size_t>(1, max_threads)), keep_threads_(keep_threads), idle_ms_(idle_ms) {}

ElasticPool::~ElasticPool() { shutdown(); }

void ElasticPool::enqueue(std::function<void()> fn) {
  std::lock_guard<std::mutex> lock(mutex_);
  tasks_.push_back(std::move(fn));
  // A new worker only when none is waiting: idle ones take the task.
  if (idle_ < tasks_.size() && threads_ < max_threads_) {
    ++threads_;
    // Detached: a worker that idles out cannot join itself; shutdown() waits
    // for the count to reach zero instead.
    std::thread([this] { work(); }).detach();
  }
  ready_.notify_one();
}

void ElasticPool::shutdown() {
  std::unique_lock<std::mutex> lock(mutex_);
  stopping_ = true;
  ready_.notify_all();
  all_gone_.wait(lock, [this] { return threads_ == 0; });
}

void ElasticPool::work() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (true) {
    ++idle_;
    const bool woken = ready_.wait_for(lock, std::chrono::milliseconds(idle_ms_),
                                       [this] { return stopping_ || !tasks_.empty(); });
    --idle_;
    if (tasks_.empty() && (stopping_ || (!woken && threads_ > keep_threads_))) break;
    if (tasks_.empty()) continue;
    auto task = std::move(tasks_.front());
    tasks_.pop_front();
    lock.unlock();
    task();
    lock.lock();
  }
  // Notified under the lock: shutdown() cannot return (and destroy us) before
  // this thread has released it, and touches nothing of ours afterwards.
  if (--threads_ == 0) all_gone_.notify_all();
}

}  // namespace tt::proxy
