#pragma once
// A TCP connection to 127.0.0.1:port made from `local_ip` (any 127.x address
// works on loopback), so load and fault tests can play many clients from one
// machine. Shared by the proxy's connection tests and its benchmark.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cstdint>

namespace tt::testing {

// The connected socket, or -1. A positive `send_timeout_s` bounds a connect
// that the kernel keeps retrying (a full backlog).
inline int connect_loopback_from(const char* local_ip, int port, int send_timeout_s = 0) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in local{};
  local.sin_family = AF_INET;
  ::inet_pton(AF_INET, local_ip, &local.sin_addr);
  ::bind(fd, reinterpret_cast<sockaddr*>(&local), sizeof local);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (send_timeout_s > 0) {
    timeval tv{send_timeout_s, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
  }
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

}  // namespace tt::testing
