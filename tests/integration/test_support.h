#pragma once
// Helpers shared by the integration tests: temporary files, running the
// built programs, and small HTTP calls to loopback servers.
#include <cstdint>
#include <string>

namespace tt::testing {

// A fresh directory under /tmp (or `base`) removed at destruction.
class TempDir {
 public:
  explicit TempDir(const std::string& base = "/tmp");
  ~TempDir();
  std::string path(const std::string& name) const { return dir_ + "/" + name; }

 private:
  std::string dir_;
};

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs a shell command line, capturing stdout and stderr.
CommandResult run_command(const std::string& command_line);

// Memory-backed when the machine has it (/dev/shm): for tests that commit
// thousands of small transactions, which a disk would sync one by one.
std::string fast_temp_base();

// A TCP port on 127.0.0.1 nothing listens on now (the kernel picks it; the
// server under test binds it next).
int free_loopback_port();

std::string read_file(const std::string& path);
void write_file(const std::string& path, const std::string& text);

// Milliseconds since epoch, a fixed-step fake clock for stores in tests.
struct FakeClock {
  int64_t now = 1700000000000;
  int64_t operator()() { return now += 1000; }
};

}  // namespace tt::testing

namespace tt::testing {

struct RawResponse {
  int status = 0;
  std::string head;  // status line and headers
  std::string body;
  std::string header(const std::string& name) const;  // case-insensitive; "" when absent
};

// Sends `request_head` (request line and headers, without the final blank
// line) byte for byte to 127.0.0.1:port, so tests can send targets that
// client libraries would normalise.
RawResponse raw_http(int port, const std::string& request_head);
RawResponse raw_get(int port, const std::string& target, const std::string& extra_headers = "");
// The same from a chosen 127.x source address: another client on loopback.
RawResponse raw_http_from(const std::string& local_ip, int port, const std::string& request_head);

}  // namespace tt::testing
