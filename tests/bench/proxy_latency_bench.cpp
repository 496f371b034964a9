// The latency tunetrack-proxy adds to a cache miss: the same requests sent
// straight to fake-thesession and through the proxy (cache off), in one run.
#include <httplib.h>

#include <algorithm>
#include <cstdio>
#include <vector>

#include "proxy/proxy_server.h"
#include "tests/bench/bench_support.h"
#include "tests/fake_thesession/fake_server.h"

using namespace tt;

namespace {

std::vector<double> time_requests(int port, const std::string& prefix, int n) {
  httplib::Client client("127.0.0.1", port);
  client.set_keep_alive(true);
  client.set_tcp_nodelay(true);
  std::vector<double> ms;
  for (int i = 0; i < n; ++i) {
    const std::string path = prefix + std::to_string(1 + i % 500) + (prefix.find("/api/") == 0 ? "" : "?format=json");
    const double start = bench::now_ms();
    auto res = client.Get(path.c_str());
    ms.push_back(bench::now_ms() - start);
    if (!res || res->status != 200) {
      std::fprintf(stderr, "request %s failed\n", path.c_str());
      std::exit(1);
    }
  }
  std::sort(ms.begin(), ms.end());
  return ms;
}

double pct(const std::vector<double>& sorted, double p) {
  return sorted[std::min(sorted.size() - 1, static_cast<size_t>(p * sorted.size()))];
}

}  // namespace

int main() {
  fake::FakeThesession fake;
  const int fake_port = fake.start();
  proxy::ProxyConfig config;
  config.port = 0;
  config.upstream = fake.base_url();
  config.cache_bytes = 0;  // every request is a miss
  config.rate = 0;
  // 2,000 misses in a row would be spaced at the upstream rate cap (10/s),
  // which is politeness, not the proxy's own cost: measure without it.
  config.max_upstream_rps = 0;
  config.access_log = "off";
  proxy::ProxyServer proxy(config);
  const int proxy_port = proxy.start();
  const int n = 2000;
  time_requests(fake_port, "/tunes/", 200);  // warm up both paths
  time_requests(proxy_port, "/api/thesession/tunes/", 200);
  const auto direct = time_requests(fake_port, "/tunes/", n);
  const auto proxied = time_requests(proxy_port, "/api/thesession/tunes/", n);
  std::printf("== proxy: added latency of a cache miss (%d tune requests each, sequential)\n", n);
  std::printf("%-22s %8s %8s %8s\n", "", "p50 ms", "p99 ms", "mean ms");
  const auto mean = [](const std::vector<double>& v) {
    double s = 0;
    for (double x : v) s += x;
    return s / v.size();
  };
  std::printf("%-22s %8.3f %8.3f %8.3f\n", "direct to the fake", pct(direct, 0.5), pct(direct, 0.99), mean(direct));
  std::printf("%-22s %8.3f %8.3f %8.3f\n", "through the proxy", pct(proxied, 0.5), pct(proxied, 0.99), mean(proxied));
  std::printf("added by the proxy: p50 %.3f ms, mean %.3f ms\n", pct(proxied, 0.5) - pct(direct, 0.5),
              mean(proxied) - mean(direct));
  return 0;
}
