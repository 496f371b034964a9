// tunetrack-proxy: serves the web app and forwards an allowlist of
// thesession.org API calls. `tunetrack-proxy --help` lists every flag.
#include <pthread.h>
#include <signal.h>

#include <iostream>
#include <thread>

#include "proxy/proxy_config.h"
#include "proxy/proxy_server.h"

int main(int argc, char** argv) {
  using namespace tt::proxy;
  ProxyConfig config;
  try {
    bool help = false;
    config = parse_proxy_config(argc, argv, help);
    if (help) {
      std::cout << proxy_usage();
      return 0;
    }
  } catch (const std::exception& e) {
    std::cerr << "tunetrack-proxy: " << e.what() << "\n\n" << proxy_usage();
    return 1;
  }

  // Handle SIGINT/SIGTERM on one thread: stop accepting, finish what is in flight, exit.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  try {
    ProxyServer server(config);
    const int port = server.start();
    std::cout << "tunetrack-proxy listening on http://" << config.bind << ":" << port << " (upstream "
              << config.upstream << (config.web_dir.empty() ? "" : ", serving " + config.web_dir) << ")"
              << std::endl;
    int received = 0;
    sigwait(&signals, &received);
    std::cerr << "tunetrack-proxy: shutting down\n";
    server.stop();
  } catch (const std::exception& e) {
    std::cerr << "tunetrack-proxy: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
