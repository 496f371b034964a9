#pragma once
// Collapsed forwarding: while one request for an upstream URL is in the air,
// other misses for the same URL wait for its answer instead of asking
// thesession.org again (what nginx calls proxy_cache_lock). 50 musicians
// opening the same tunebook page cost the volunteers one request.
//
// The table only coordinates; it never calls upstream. The first caller for a
// key leads: it asks upstream and lands the flight with the answer, which
// every follower receives. A follower waits at most until its own deadline.
// Followers of all keys together are bounded (beyond: Role::Full), so a flood
// of waiters cannot pile up. Thread-safe.
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>

#include "proxy/api_answer.h"

namespace tt::proxy {

class FlightTable {
 public:
  struct Flight;
  using Answer = std::shared_ptr<const ApiAnswer>;
  enum class Role { Lead, Follow, Full };

  // `collapse` false: every join() leads its own flight (the behaviour before
  // collapsing, for comparisons); try_lead() still keeps one per key.
  FlightTable(bool collapse, int max_waiters) : collapse_(collapse), max_waiters_(max_waiters) {}

  // Lead: ask upstream, then land(). Follow: await() the leader's answer.
  // Full: too many already wait; answer without waiting.
  Role join(const std::string& key, std::shared_ptr<Flight>& flight);
  // Leads only when no flight for `key` is in the air (a background refresh
  // must never start a second one); never waits.
  bool try_lead(const std::string& key, std::shared_ptr<Flight>& flight);
  // The leader's answer to every follower; ends the flight.
  void land(const std::string& key, const std::shared_ptr<Flight>& flight, Answer answer);
  // The leader's answer, or nullptr when `deadline_ms` (steady clock) came first.
  Answer await(const std::shared_ptr<Flight>& flight, int64_t deadline_ms);

  int waiting() const;

 private:
  bool collapse_;
  int max_waiters_;
  mutable std::mutex mutex_;
  int waiters_ = 0;
  std::unordered_map<std::string, std::shared_ptr<Flight>> flights_;
};

// Lands a led flight whatever happens to its leader: an exception, or a
// background job that never ran, lands it with `abandoned` so followers never
// wait for an answer that cannot come.
class Landing {
 public:
  Landing(FlightTable& table, std::string key, std::shared_ptr<FlightTable::Flight> flight, FlightTable::Answer abandoned)
      : table_(table), key_(std::move(key)), flight_(std::move(flight)), abandoned_(std::move(abandoned)) {}
  Landing(const Landing&) = delete;
  Landing& operator=(const Landing&) = delete;
  ~Landing() {
    if (flight_) table_.land(key_, flight_, abandoned_);
  }
  void land(FlightTable::Answer answer) {
    table_.land(key_, flight_, std::move(answer));
    flight_.reset();
  }

 private:
  FlightTable& table_;
  std::string key_;
  std::shared_ptr<FlightTable::Flight> flight_;
  FlightTable::Answer abandoned_;
};

}  // namespace tt::proxy
