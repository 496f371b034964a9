#pragma once
// fake-thesession: a cpp-httplib server on 127.0.0.1 that answers like
// thesession.org's JSON API with synthetic data, and injects faults on
// request. Used in-process by integration tests and as the `fake-thesession`
// program by the browser tests, the benchmarks and `make demo`. It never
// contacts the internet. It serves members' tunebooks, their sets
// (synthetic_sets.h) and tunes. Control endpoints (not counted as API requests):
// POST/DELETE /_control/faults, GET /_control/stats, POST /_control/reset,
// and GET /_control/examples: which tune ids to open for a kind of tune (a
// number of settings, broken ABC, no settings, a type; see examples_json()).
#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace httplib {
class Server;
}

namespace tt::fake {

struct FaultRule {
  std::string path_contains;  // matched against the request path; empty = every path
  int page = 0;               // only this ?page= (0 = any)
  // "delay" (then serve normally), "timeout" (hold, then close), "reset"
  // (cut the connection mid-answer), "status" (answer `status`, with
  // Retry-After when retry_after_s >= 0), "malformed" (broken JSON),
  // "no_tunes" (valid JSON without a tunes list, nor a sets list), "huge" (a body of
  // `amount` MB), "shift" (tunebook or sets pages shifted by `amount` entries).
  std::string fault;
  int status = 503;
  int delay_ms = 0;
  int retry_after_s = -1;
  int amount = 0;
  int times = -1;  // how many matching requests it applies to; -1 = all
};

// Parses a rule from its JSON form (the control endpoint's body); throws on bad input.
FaultRule fault_from_json(const std::string& text);

class FakeThesession {
 public:
  struct Options {
    int latency_ms = 0;        // added to every API answer (benchmarks: 50)
    int default_per_page = 10; // the public API's default
    int max_per_page = 50;
  };

  explicit FakeThesession(Options options);
  FakeThesession() : FakeThesession(Options{}) {}
  ~FakeThesession();

  // Binds 127.0.0.1 (port 0: any free one), serves on a thread; returns the port.
  int start(int port = 0, const std::string& host = "127.0.0.1");
  void stop();
  std::string base_url() const;

  void add_fault(FaultRule rule);
  void clear_faults();
  // API requests seen (control calls are not counted); with a filter, those
  // whose path+query contains it.
  int request_count(const std::string& contains = "") const;
  std::vector<std::string> requests() const;  // "path?query", in order
  void reset_counts();
  // The most API requests that were being answered at the same moment.
  int max_concurrent() const { return max_in_flight_; }

 private:
  void install_routes();
  // Finds the first matching rule with uses left, consuming one use.
  bool take_fault(const std::string& path, int page, FaultRule& out);
  void sleep_unless_stopping(int ms) const;

  Options options_;
  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  std::atomic<bool> stopping_{false};
  std::atomic<int> in_flight_{0};
  std::atomic<int> max_in_flight_{0};
  int port_ = 0;
  std::string host_;
  mutable std::mutex mutex_;
  std::vector<FaultRule> rules_;
  std::vector<std::string> requests_;
};

}  // namespace tt::fake
