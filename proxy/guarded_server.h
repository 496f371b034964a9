#pragma once
// cpp-httplib's Server with the connection handling an internet-facing proxy
// needs. The library is thread-per-connection: a connection holds one worker
// for as long as it is open, so nothing may hold one for long. This class
//  - reads each request head itself, with a total deadline (slowloris: a head
//    trickled byte by byte still ends at the deadline) and limits on the
//    request line and headers (414/431 JSON), refusing GET/HEAD/OPTIONS with a
//    body, before handing the buffered head to the library;
//  - closes idle keep-alive connections after a short timeout;
//  - caps concurrent connections per client address (a clean 429 JSON and
//    close), so one address cannot take every worker;
//  - runs on an elastic pool that grows to `max_threads` on demand and shrinks
//    when idle, so idle or slow connections from many addresses do not queue
//    ordinary requests behind them;
//  - re-listens with a large backlog (Debian's libcpp-httplib is a compiled
//    library: its CPPHTTPLIB_LISTEN_BACKLOG of 5 was fixed when it was built,
//    so a compile definition on our side cannot change it).
#include <httplib.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <unordered_map>

#include "core/request_head.h"

namespace tt::proxy {

struct ConnectionLimits {
  int keep_alive_ms = 2000;    // idle time allowed between requests (and before the first)
  int header_timeout_ms = 5000; // from the first byte of a request to the end of its head
  int max_per_client = 256;     // concurrent connections per client address (0 = no cap)
  int max_threads = 1024;       // workers, one per open connection
  int backlog = 1024;           // pending connections the kernel may queue
  RequestHeadLimits head;
};

// Open connections per client address.
class ConnectionCounter {
 public:
  explicit ConnectionCounter(int cap) : cap_(cap) {}
  bool try_acquire(const std::string& address);
  void release(const std::string& address);
  int open(const std::string& address);

 private:
  int cap_;
  std::mutex mutex_;
  std::unordered_map<std::string, int> open_;
};

class GuardedServer : public httplib::Server {
 public:
  // Connections from peers for which `uncapped` says true (trusted proxies
  // in front, carrying many clients) are not capped per address here; the
  // proxy caps their clients per request instead.
  GuardedServer(ConnectionLimits limits, std::function<bool(const std::string& peer)> uncapped = {});
  // After bind_to_port/bind_to_any_port: raises the listen backlog.
  bool raise_backlog();
  int64_t refused_connections() const { return refused_; }

 private:
  bool process_and_close_socket(socket_t sock) override;
  bool serve(socket_t sock, const std::string& peer, int peer_port);
  bool wait_for_request(socket_t sock);

  ConnectionLimits limits_;
  ConnectionCounter counter_;
  std::function<bool(const std::string&)> uncapped_;
  std::atomic<int64_t> refused_{0};
};

}  // namespace tt::proxy
