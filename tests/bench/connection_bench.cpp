// What hostile or bursty connections do to an ordinary client of a running
// tunetrack-proxy, on loopback. Prints figures; never asserts timing; every
// wait is bounded and the program stops by itself.
//   connection_bench PORT [IDLE_CONNECTIONS=500] [SLOWLORIS_CONNECTIONS=200] [BURST_CLIENTS=64] [ROUNDS=20]
// The attackers connect from 127.0.0.2-4, the probes from 127.0.0.5-6, the
// burst from 127.0.0.7, so per-address caps apply as they would on a network.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "tests/bench/bench_support.h"
#include "tests/loopback_socket.h"

namespace {

int g_port = 0;
const std::string kPath = "/api/thesession/tunes/42";  // cached after the first call
constexpr int kProbeTimeoutMs = 20000;

// A connect the kernel keeps retrying gives up after 10 s.
int connect_from(const char* local_ip) { return tt::testing::connect_loopback_from(local_ip, g_port, 10); }

// One request on a fresh connection; milliseconds until the whole answer, or
// -1 on failure or after `timeout_ms`. `status` gets the HTTP status.
double one_request(const char* local_ip, int timeout_ms, int* status = nullptr) {
  const double start = tt::bench::now_ms();
  const int fd = connect_from(local_ip);
  if (fd < 0) return -1;
  const std::string req = "GET " + kPath + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
  ::send(fd, req.data(), req.size(), MSG_NOSIGNAL);
  std::string data;
  char buffer[8192];
  while (true) {
    const int left = static_cast<int>(start + timeout_ms - tt::bench::now_ms());
    pollfd p{fd, POLLIN, 0};
    if (left <= 0 || ::poll(&p, 1, left) <= 0) {
      ::close(fd);
      return -1;
    }
    const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) break;
    data.append(buffer, static_cast<size_t>(n));
  }
  ::close(fd);
  if (status) *status = data.size() > 12 ? std::atoi(data.c_str() + 9) : 0;
  return data.rfind("HTTP/1.1 200", 0) == 0 ? tt::bench::now_ms() - start : -1;
}

void print_probe(const char* label, const std::vector<double>& ms) {
  double worst = 0;
  int failed = 0;
  for (double m : ms) (m < 0 ? ++failed : 0), worst = std::max(worst, m);
  if (failed == static_cast<int>(ms.size())) {
    std::printf("%-52s every probe failed or took > 20 s (%zu probes)\n", label, ms.size());
  } else {
    std::printf("%-52s worst %8.1f ms  (%zu probes, %d failed or > 20 s)\n", label, worst, ms.size(), failed);
  }
}

void idle_scenario(int count) {
  std::vector<int> fds;
  const char* sources[] = {"127.0.0.2", "127.0.0.3", "127.0.0.4"};
  for (int i = 0; i < count; ++i) {
    const int fd = connect_from(sources[i % 3]);
    if (fd >= 0) fds.push_back(fd);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  std::vector<double> probes;
  for (int i = 0; i < 3; ++i) probes.push_back(one_request("127.0.0.5", kProbeTimeoutMs));
  char label[96];
  std::snprintf(label, sizeof label, "idle: %zu idle connections held, another client's request", fds.size());
  print_probe(label, probes);
  for (int fd : fds) ::close(fd);
}

void slowloris_scenario(int count) {
  std::vector<int> fds;
  const char* sources[] = {"127.0.0.2", "127.0.0.3", "127.0.0.4"};
  for (int i = 0; i < count; ++i) {
    const int fd = connect_from(sources[i % 3]);
    if (fd < 0) continue;
    ::send(fd, "GET / HTTP/1.1\r\n", 16, MSG_NOSIGNAL);
    fds.push_back(fd);
  }
  // Trickle one header byte per second on every connection while probing.
  std::atomic<bool> done{false};
  std::thread trickler([&] {
    while (!done) {
      for (int fd : fds) ::send(fd, "X", 1, MSG_NOSIGNAL | MSG_DONTWAIT);
      for (int i = 0; i < 10 && !done; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  });
  std::vector<double> probes;
  for (int i = 0; i < 3; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1000));
    probes.push_back(one_request("127.0.0.6", kProbeTimeoutMs));
  }
  done = true;
  trickler.join();
  char label[96];
  std::snprintf(label, sizeof label, "slowloris: %zu connections at 1 byte/s, another's request", fds.size());
  print_probe(label, probes);
  for (int fd : fds) ::close(fd);
}

void burst_scenario(int clients, int rounds) {
  std::vector<double> all;
  int failures = 0;
  for (int r = 0; r < rounds; ++r) {
    std::vector<double> ms(static_cast<size_t>(clients));
    std::atomic<int> ready{0};
    std::vector<std::thread> threads;
    for (int c = 0; c < clients; ++c) {
      threads.emplace_back([&, c] {
        ++ready;
        while (ready < clients) std::this_thread::yield();  // all connect at once
        ms[static_cast<size_t>(c)] = one_request("127.0.0.7", 5000);
      });
    }
    for (auto& t : threads) t.join();
    for (double m : ms) (m < 0 ? ++failures : 0), all.push_back(m < 0 ? 5000 : m);
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  std::sort(all.begin(), all.end());
  const auto pct = [&](double p) { return all[std::min(all.size() - 1, static_cast<size_t>(p * all.size()))]; };
  std::printf("burst: %d clients at once, no keep-alive, %d rounds:     p50 %6.1f ms  p99 %7.1f ms  max %7.1f ms"
              "  failed/timeouts (> 5 s) %d of %zu\n",
              clients, rounds, pct(0.5), pct(0.99), all.back(), failures, all.size());
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: connection_bench PORT [IDLE=500] [SLOWLORIS=200] [BURST=64] [ROUNDS=20]\n");
    return 2;
  }
  g_port = std::atoi(argv[1]);
  const int idle = argc > 2 ? std::atoi(argv[2]) : 500;
  const int slow = argc > 3 ? std::atoi(argv[3]) : 200;
  const int burst = argc > 4 ? std::atoi(argv[4]) : 64;
  const int rounds = argc > 5 ? std::atoi(argv[5]) : 20;
  rlimit files{4096, 4096};
  ::setrlimit(RLIMIT_NOFILE, &files);
  int status = 0;
  if (one_request("127.0.0.5", 10000, &status) < 0) {  // fills the proxy's cache
    std::fprintf(stderr, "the proxy at port %d does not answer %s (status %d)\n", g_port, kPath.c_str(), status);
    return 1;
  }
  burst_scenario(burst, rounds);
  idle_scenario(idle);
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  slowloris_scenario(slow);
  return 0;
}
