#include "proxy/flight_table.h"

#include <chrono>

namespace tt::proxy {

struct FlightTable::Flight {
  std::condition_variable landed;
  bool done = false;
  Answer answer;
};

FlightTable::Role FlightTable::join(const std::string& key, std::shared_ptr<Flight>& flight) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (collapse_) {
    if (const auto it = flights_.find(key); it != flights_.end()) {
      if (waiters_ >= max_waiters_) return Role::Full;
      ++waiters_;
      flight = it->second;
      return Role::Follow;
    }
  }
  flight = std::make_shared<Flight>();
  // Without collapsing, a foreground flight is not registered, so nobody
  // follows it; a background refresh in the air stays the only one for its key.
  if (collapse_) flights_.emplace(key, flight);
  return Role::Lead;
}

bool FlightTable::try_lead(const std::string& key, std::shared_ptr<Flight>& flight) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (flights_.count(key)) return false;
  flight = std::make_shared<Flight>();
  flights_.emplace(key, flight);
  return true;
}

void FlightTable::land(const std::string& key, const std::shared_ptr<Flight>& flight, Answer answer) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (const auto it = flights_.find(key); it != flights_.end() && it->second == flight) flights_.erase(it);
  flight->answer = std::move(answer);
  flight->done = true;
  flight->landed.notify_all();
}

FlightTable::Answer FlightTable::await(const std::shared_ptr<Flight>& flight, int64_t deadline_ms) {
  using namespace std::chrono;
  std::unique_lock<std::mutex> lock(mutex_);
  const auto deadline = steady_clock::time_point(milliseconds(deadline_ms));
  flight->landed.wait_until(lock, deadline, [&] { return flight->done; });
  --waiters_;
  return flight->done ? flight->answer : nullptr;
}

int FlightTable::waiting() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return waiters_;
}

}  // namespace tt::proxy
