#include "tests/integration/test_support.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace tt::testing {

TempDir::TempDir(const std::string& base) {
  std::string pattern = base + "/tunetrack-test-XXXXXX";
  if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed under " + base);
  dir_ = pattern;
}

int free_loopback_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);
  return ntohs(addr.sin_port);
}

std::string fast_temp_base() { return access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp"; }

TempDir::~TempDir() { std::system(("rm -rf '" + dir_ + "'").c_str()); }

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

CommandResult run_command(const std::string& command_line) {
  TempDir dir;
  const std::string out = dir.path("out"), err = dir.path("err");
  const int status = std::system((command_line + " >" + out + " 2>" + err + " </dev/null").c_str());
  CommandResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = read_file(out);
  result.err = read_file(err);
  return result;
}

}  // namespace tt::testing

#include <algorithm>
#include <cctype>

namespace tt::testing {

std::string RawResponse::header(const std::string& name) const {
  const auto lower = [](std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
  };
  const std::string wanted = lower(name) + ":";
  size_t start = head.find("\r\n");
  while (start != std::string::npos && start + 2 < head.size()) {
    const size_t end = head.find("\r\n", start + 2);
    const std::string line = head.substr(start + 2, end == std::string::npos ? std::string::npos : end - start - 2);
    if (lower(line).rfind(wanted, 0) == 0) {
      std::string value = line.substr(wanted.size());
      value.erase(0, value.find_first_not_of(' '));
      return value;
    }
    start = end;
  }
  return "";
}

RawResponse raw_http(int port, const std::string& request_head) { return raw_http_from("", port, request_head); }

RawResponse raw_http_from(const std::string& local_ip, int port, const std::string& request_head) {
  RawResponse response;
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (!local_ip.empty()) {
    sockaddr_in local{};
    local.sin_family = AF_INET;
    ::inet_pton(AF_INET, local_ip.c_str(), &local.sin_addr);
    ::bind(fd, reinterpret_cast<sockaddr*>(&local), sizeof local);
  }
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  timeval tv{10, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return response;
  }
  const std::string request = request_head + "\r\n\r\n";
  ::send(fd, request.data(), request.size(), MSG_NOSIGNAL);
  std::string data;
  char buffer[65536];
  ssize_t n;
  while ((n = ::recv(fd, buffer, sizeof buffer, 0)) > 0) data.append(buffer, static_cast<size_t>(n));
  ::close(fd);
  const size_t split = data.find("\r\n\r\n");
  response.head = data.substr(0, split);
  response.body = split == std::string::npos ? "" : data.substr(split + 4);
  if (data.rfind("HTTP/1.", 0) == 0 && data.size() > 12) response.status = std::atoi(data.c_str() + 9);
  return response;
}

RawResponse raw_get(int port, const std::string& target, const std::string& extra_headers) {
  return raw_http(port, "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) +
                            "\r\nConnection: close" + (extra_headers.empty() ? "" : "\r\n" + extra_headers));
}

}  // namespace tt::testing
