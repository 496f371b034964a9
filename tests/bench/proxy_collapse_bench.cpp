// What thesession.org sees when many musicians ask at once: a burst of 200
// clients asking for 20 tunebook pages (10 each) through tunetrack-proxy,
// upstream answering in 300 ms, with collapsed forwarding and the upstream
// politeness gate, and with today's behaviour before them (--no-collapse, no
// stale-while-revalidate, no rate cap), in one run. Prints upstream requests
// and client latency; asserts nothing.
#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "proxy/proxy_server.h"
#include "tests/bench/bench_support.h"
#include "tests/fake_thesession/fake_server.h"
#include "tests/fake_thesession/synthetic_data.h"

using namespace tt;

namespace {

constexpr int kClients = 200, kPages = 20, kLatencyMs = 300;

struct Run {
  int upstream = 0, failed = 0;
  double p50 = 0, p99 = 0, max = 0, wall = 0;
};

Run burst(bool collapse) {
  fake::FakeThesession::Options options;
  options.latency_ms = kLatencyMs;
  fake::FakeThesession fake(options);
  fake.start();
  proxy::ProxyConfig config;
  config.port = 0;
  config.upstream = fake.base_url();
  config.rate = 0;  // one address plays 200 musicians
  config.access_log = "off";
  if (!collapse) {
    config.collapse = false;
    config.swr_s = 0;
    config.max_upstream_rps = 0;
  }
  proxy::ProxyServer proxy(config);
  const int port = proxy.start();
  const std::string member = std::to_string(fake::kFirstMember + 500);

  std::mutex mutex;
  std::condition_variable go;
  bool started = false;
  std::vector<double> ms(kClients);
  std::atomic<int> failed{0};
  std::vector<std::thread> clients;
  for (int i = 0; i < kClients; ++i) {
    clients.emplace_back([&, i] {
      const std::string path = "/api/thesession/members/" + member + "/tunebook?page=" +
                               std::to_string(1 + i % kPages) + "&perpage=10";
      httplib::Client client("127.0.0.1", port);
      client.set_read_timeout(60, 0);
      {
        std::unique_lock<std::mutex> lock(mutex);
        go.wait(lock, [&] { return started; });
      }
      const double start = bench::now_ms();
      const auto res = client.Get(path.c_str());
      ms[static_cast<size_t>(i)] = bench::now_ms() - start;
      if (!res || res->status != 200) ++failed;
    });
  }
  const double start = bench::now_ms();
  {
    std::lock_guard<std::mutex> lock(mutex);
    started = true;
  }
  go.notify_all();
  for (auto& c : clients) c.join();
  Run run;
  run.wall = bench::now_ms() - start;
  std::sort(ms.begin(), ms.end());
  run.p50 = ms[ms.size() / 2];
  run.p99 = ms[std::min(ms.size() - 1, ms.size() * 99 / 100)];
  run.max = ms.back();
  run.upstream = fake.request_count();
  run.failed = failed;
  proxy.stop();
  fake.stop();
  return run;
}

}  // namespace

int main() {
  std::printf("== proxy: a burst of %d clients asking %d tunebook pages, upstream answering in %d ms\n", kClients,
              kPages, kLatencyMs);
  const Run before = burst(false);
  const Run now = burst(true);
  std::printf("%-34s %9s %9s %9s %9s %9s %7s\n", "", "upstream", "p50 ms", "p99 ms", "max ms", "wall ms", "failed");
  const auto row = [](const char* label, const Run& r) {
    std::printf("%-34s %9d %9.1f %9.1f %9.1f %9.1f %7d\n", label, r.upstream, r.p50, r.p99, r.max, r.wall, r.failed);
  };
  row("before (--no-collapse, no rate cap; --max-upstream 4 kept)", before);
  row("collapsed forwarding (defaults)", now);
  if (now.upstream > 0) {
    std::printf("upstream requests: %.1fx fewer; p99 %.1fx lower\n", static_cast<double>(before.upstream) / now.upstream,
                now.p99 > 0 ? before.p99 / now.p99 : 0.0);
  }
  return 0;
}
