// fake-thesession: serves synthetic thesession.org-shaped data on loopback.
//   fake-thesession [--port N] [--latency-ms MS] [--fault JSON]...
// Prints "listening on http://127.0.0.1:PORT" once ready; stops on SIGINT/SIGTERM.
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <string>
#include <unistd.h>

#include "tests/fake_thesession/fake_server.h"

int main(int argc, char** argv) {
  tt::fake::FakeThesession::Options options;
  int port = 0;
  std::vector<tt::fake::FaultRule> faults;
  try {
    for (int i = 1; i < argc; ++i) {
      const std::string arg = argv[i];
      const auto next = [&]() -> std::string {
        if (i + 1 >= argc) throw std::invalid_argument(arg + " needs a value");
        return argv[++i];
      };
      if (arg == "--port") port = std::stoi(next());
      else if (arg == "--latency-ms") options.latency_ms = std::stoi(next());
      else if (arg == "--fault") faults.push_back(tt::fake::fault_from_json(next()));
      else throw std::invalid_argument("unknown option " + arg);
    }
  } catch (const std::exception& e) {
    std::cerr << "fake-thesession: " << e.what()
              << "\nusage: fake-thesession [--port N] [--latency-ms MS] [--fault JSON]...\n";
    return 1;
  }
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);  // server threads inherit the mask

  tt::fake::FakeThesession server(options);
  for (auto& f : faults) server.add_fault(f);
  try {
    port = server.start(port);
  } catch (const std::exception& e) {
    std::cerr << e.what() << "\n";
    return 1;
  }
  std::cout << "listening on " << server.base_url() << std::endl;
  int received = 0;
  sigwait(&signals, &received);
  server.stop();
  return 0;
}
