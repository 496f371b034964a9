#include "proxy/guarded_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstring>

#include "core/proxy_policy.h"
#include "proxy/elastic_pool.h"

namespace tt::proxy {
namespace {

int64_t now_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

bool wait_fd(int fd, short events, int timeout_ms) {
  pollfd p{fd, events, 0};
  int r;
  do {
    r = ::poll(&p, 1, timeout_ms);
  } while (r < 0 && errno == EINTR);
  return r > 0;
}

void address_of(const sockaddr_storage& ss, std::string& ip, int& port) {
  char text[INET6_ADDRSTRLEN] = "";
  if (ss.ss_family == AF_INET) {
    const auto& a = reinterpret_cast<const sockaddr_in&>(ss);
    ::inet_ntop(AF_INET, &a.sin_addr, text, sizeof text);
    port = ntohs(a.sin_port);
  } else if (ss.ss_family == AF_INET6) {
    const auto& a = reinterpret_cast<const sockaddr_in6&>(ss);
    ::inet_ntop(AF_INET6, &a.sin6_addr, text, sizeof text);
    port = ntohs(a.sin6_port);
  }
  ip = text;
}

// The socket as cpp-httplib's Stream, reading first what the head reader
// already buffered. Reads and writes wait at most their timeouts.
class BufferedStream : public httplib::Stream {
 public:
  BufferedStream(int fd, int read_ms, int write_ms) : fd_(fd), read_ms_(read_ms), write_ms_(write_ms) {}
  std::string pending;  // received but not yet consumed

  bool is_readable() const override { return !pending.empty() || wait_fd(fd_, POLLIN, read_ms_); }
  bool is_writable() const override { return wait_fd(fd_, POLLOUT, write_ms_); }
  ssize_t read(char* ptr, size_t size) override {
    if (!pending.empty()) {
      const size_t n = std::min(size, pending.size());
      std::memcpy(ptr, pending.data(), n);
      pending.erase(0, n);
      return static_cast<ssize_t>(n);
    }
    if (!wait_fd(fd_, POLLIN, read_ms_)) return -1;
    return ::recv(fd_, ptr, size, 0);
  }
  ssize_t write(const char* ptr, size_t size) override {
    if (!is_writable()) return -1;
    return ::send(fd_, ptr, size, MSG_NOSIGNAL);
  }
  void get_remote_ip_and_port(std::string& ip, int& port) const override { endpoint(::getpeername, ip, port); }
  void get_local_ip_and_port(std::string& ip, int& port) const override { endpoint(::getsockname, ip, port); }
  socket_t socket() const override { return fd_; }

  // Reads until the head is complete, refused, the peer closes, or `deadline`.
  enum class Head { Complete, Refused, Closed, TimedOut };
  Head read_head(int64_t deadline, const RequestHeadLimits& limits, std::optional<HeadRefusal>& refusal) {
    char buffer[4096];
    while (true) {
      const size_t end = find_head_end(pending);
      refusal = check_request_head(end == std::string::npos ? std::string_view(pending)
                                                            : std::string_view(pending).substr(0, end), limits);
      if (refusal) return Head::Refused;
      if (end != std::string::npos) return Head::Complete;
      const int64_t left = deadline - now_ms();
      if (left <= 0 || !wait_fd(fd_, POLLIN, static_cast<int>(left))) return Head::TimedOut;
      const ssize_t n = ::recv(fd_, buffer, sizeof buffer, 0);
      if (n <= 0) return Head::Closed;
      pending.append(buffer, static_cast<size_t>(n));
    }
  }

 private:
  template <typename F>
  void endpoint(F get, std::string& ip, int& port) const {
    sockaddr_storage ss{};
    socklen_t len = sizeof ss;
    if (get(fd_, reinterpret_cast<sockaddr*>(&ss), &len) == 0) address_of(ss, ip, port);
  }
  int fd_, read_ms_, write_ms_;
};

// A refusal the library never sees: a complete JSON answer, then close.
void send_refusal(int fd, int status, std::string_view code, std::string_view message, int write_ms) {
  const ProxyReply reply = error_reply(status, code, message);
  const char* reason = status == 429 ? "Too Many Requests" : status == 414 ? "URI Too Long"
                       : status == 431 ? "Request Header Fields Too Large" : status == 408 ? "Request Timeout"
                       : "Bad Request";
  std::string out = "HTTP/1.1 " + std::to_string(status) + " " + reason +
                    "\r\nContent-Type: application/json\r\nCache-Control: no-store\r\nConnection: close\r\n" +
                    (status == 429 ? "Retry-After: 1\r\n" : "") + "Content-Length: " +
                    std::to_string(reply.body.size()) + "\r\n\r\n" + reply.body;
  size_t sent = 0;
  while (sent < out.size() && wait_fd(fd, POLLOUT, write_ms)) {
    const ssize_t n = ::send(fd, out.data() + sent, out.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;
    sent += static_cast<size_t>(n);
  }
}

}  // namespace

bool ConnectionCounter::try_acquire(const std::string& address) {
  std::lock_guard<std::mutex> lock(mutex_);
  int& n = open_[address];
  if (cap_ > 0 && n >= cap_) {
    if (n == 0) open_.erase(address);
    return false;
  }
  ++n;
  return true;
}

void ConnectionCounter::release(const std::string& address) {
  std::lock_guard<std::mutex> lock(mutex_);
  const auto it = open_.find(address);
  if (it != open_.end() && --it->second <= 0) open_.erase(it);
}

int ConnectionCounter::open(const std::string& address) {
  std::lock_guard<std::mutex> lock(mutex_);
  const auto it = open_.find(address);
  return it == open_.end() ? 0 : it->second;
}

GuardedServer::GuardedServer(ConnectionLimits limits, std::function<bool(const std::string&)> uncapped)
    : limits_(limits), counter_(limits.max_per_client), uncapped_(std::move(uncapped)) {
  const size_t threads = static_cast<size_t>(limits_.max_threads);
  new_task_queue = [threads] { return new ElasticPool(threads); };
}

bool GuardedServer::raise_backlog() {
  // listen() on a listening socket updates its backlog (Linux); the kernel
  // still caps it at net.core.somaxconn.
  return ::listen(svr_sock_, limits_.backlog) == 0;
}

bool GuardedServer::process_and_close_socket(socket_t sock) {
  sockaddr_storage ss{};
  socklen_t len = sizeof ss;
  std::string peer;
  int peer_port = 0;
  if (::getpeername(sock, reinterpret_cast<sockaddr*>(&ss), &len) == 0) address_of(ss, peer, peer_port);
  bool ok = false;
  if (uncapped_ && uncapped_(peer)) {
    ok = serve(sock, peer, peer_port);
  } else if (counter_.try_acquire(peer)) {
    ok = serve(sock, peer, peer_port);
    counter_.release(peer);
  } else {
    ++refused_;
    send_refusal(sock, 429, "too_many_connections", "Too many connections from your address; close some and retry",
                 static_cast<int>(write_timeout_sec_ * 1000));
  }
  ::shutdown(sock, SHUT_RDWR);
  ::close(sock);
  return ok;
}

bool GuardedServer::wait_for_request(socket_t sock) {
  // In short slices, so that stop() is not held up by idle connections.
  const int64_t until = now_ms() + limits_.keep_alive_ms;
  while (is_running()) {
    const int64_t left = until - now_ms();
    if (left <= 0) return false;
    if (wait_fd(sock, POLLIN, static_cast<int>(std::min<int64_t>(left, 100)))) return true;
  }
  return false;
}

bool GuardedServer::serve(socket_t sock, const std::string&, int) {
  const int read_ms = static_cast<int>(read_timeout_sec_ * 1000 + read_timeout_usec_ / 1000);
  const int write_ms = static_cast<int>(write_timeout_sec_ * 1000 + write_timeout_usec_ / 1000);
  BufferedStream stream(sock, read_ms, write_ms);
  bool ok = false;
  for (size_t served = 0; served < keep_alive_max_count_; ++served) {
    if (stream.pending.empty() && !wait_for_request(sock)) break;
    std::optional<HeadRefusal> refusal;
    switch (stream.read_head(now_ms() + limits_.header_timeout_ms, limits_.head, refusal)) {
      case BufferedStream::Head::Complete: break;
      case BufferedStream::Head::Refused:
        send_refusal(sock, refusal->status, refusal->code, refusal->message, write_ms);
        return false;
      case BufferedStream::Head::TimedOut:
        send_refusal(sock, 408, "request_timeout", "The request took too long to arrive", write_ms);
        return false;
      case BufferedStream::Head::Closed: return ok;
    }
    const bool last = served + 1 == keep_alive_max_count_ || !is_running();
    bool closed = false;
    ok = process_request(stream, last, closed, [](httplib::Request&) {});
    if (!ok || closed) break;
  }
  return ok;
}

}  // namespace tt::proxy
