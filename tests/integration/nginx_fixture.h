#pragma once
// deploy/nginx.conf as deployed, for the tests that use it: Debian's nginx in
// front of two proxy instances and the fake, on loopback, with a certificate
// made at test time. Clients are played from other 127.x addresses. Shared
// by the proxy's tests (integration_tests) and the devices' folder test
// (device_tests).
#include <gtest/gtest.h>
#include <httplib.h>
#include <pwd.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <memory>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "proxy/proxy_server.h"
#include "tests/fake_thesession/fake_server.h"
#include "tests/integration/test_support.h"

extern char** environ;

namespace tt {

inline constexpr const char* kNginx = "/usr/sbin/nginx";

inline std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

class NginxTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (::access(kNginx, X_OK) != 0) GTEST_SKIP() << "nginx is not installed (make setup installs it)";
    fake_.start();
  }
  void TearDown() override {
    if (nginx_pid_ > 0) {
      ::kill(nginx_pid_, SIGQUIT);  // graceful stop
      int status = 0;
      ::waitpid(nginx_pid_, &status, 0);
    }
  }

  std::unique_ptr<proxy::ProxyServer> instance(const std::string& log, double rate) {
    proxy::ProxyConfig config;
    config.port = 0;
    config.upstream = fake_.base_url();
    config.access_log = dir_.path(log);
    config.rate = rate;
    config.burst = 2;
    config.trust_forwarded_for = {"127.0.0.1/32"};  // nginx's address towards the instances
    auto p = std::make_unique<proxy::ProxyServer>(config);
    p->start();
    return p;
  }

  // Starts both instances and nginx with deploy/nginx.conf, adapted only in
  // its addresses, paths and certificate.
  void start(double rate = 0) {
    a_ = instance("a.log", rate);
    b_ = instance("b.log", rate);
    const auto cert = testing::run_command(
        "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost -keyout " + dir_.path("key.pem") +
        " -out " + dir_.path("cert.pem"));
    ASSERT_EQ(cert.exit_code, 0) << cert.err;
    tls_port_ = testing::free_loopback_port();
    plain_port_ = testing::free_loopback_port();
    std::string conf = testing::read_file(std::string(TT_SOURCE_DIR) + "/deploy/nginx.conf");
    ASSERT_FALSE(conf.empty());
    // Workers as the user running the test, so they can use its temporary directory.
    const passwd* me = ::getpwuid(::geteuid());
    conf = std::regex_replace(conf, std::regex("\nuser [^;]*;"), std::string("\nuser ") + (me ? me->pw_name : "nobody") + ";");
    conf = replace_all(conf, "worker_processes auto;", "worker_processes 1;");
    conf = replace_all(conf, "/run/nginx-tunetrack.pid", dir_.path("nginx.pid"));
    conf = replace_all(conf, "/var/log/nginx/", dir_.path(""));
    conf = replace_all(conf, "/var/cache/nginx/tunetrack", dir_.path("cache"));
    conf = replace_all(conf, "root /srv/tunetrack;", "root " + dir_.path("srv") + ";");
    conf = replace_all(conf, "/etc/nginx/tunetrack-devices.htpasswd", dir_.path("devices.htpasswd"));
    // Two musicians, each with a folder (nginx's {PLAIN} scheme keeps the test readable).
    testing::write_file(dir_.path("devices.htpasswd"), "ann:{PLAIN}ann-app-password\nbob:{PLAIN}bob-app-password\n");
    testing::run_command("mkdir -p " + dir_.path("srv/devices/ann") + " " + dir_.path("srv/devices/bob"));
    conf = replace_all(conf, "127.0.0.1:8081", "127.0.0.1:" + std::to_string(a_->port()));
    conf = replace_all(conf, "127.0.0.1:8082", "127.0.0.1:" + std::to_string(b_->port()));
    conf = replace_all(conf, "listen 80;", "listen 127.0.0.1:" + std::to_string(testing::free_loopback_port()) + ";");
    // The TLS server, plus a plain listener so clients can come from other 127.x addresses.
    conf = replace_all(conf, "listen 443 ssl;", "listen 127.0.0.1:" + std::to_string(tls_port_) +
                                                    " ssl;\n    listen 127.0.0.1:" + std::to_string(plain_port_) + ";");
    conf = replace_all(conf, "/etc/letsencrypt/live/tunes.example.org/fullchain.pem", dir_.path("cert.pem"));
    conf = replace_all(conf, "/etc/letsencrypt/live/tunes.example.org/privkey.pem", dir_.path("key.pem"));
    testing::write_file(dir_.path("nginx.conf"), conf);
    const auto check = testing::run_command(std::string(kNginx) + " -t -p " + dir_.path("") + " -c " + dir_.path("nginx.conf"));
    ASSERT_EQ(check.exit_code, 0) << check.err << "\n" << conf;

    const std::string prefix = dir_.path(""), conf_path = dir_.path("nginx.conf");
    std::vector<std::string> args = {kNginx, "-p", prefix, "-c", conf_path, "-g", "daemon off;"};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    ASSERT_EQ(::posix_spawn(&nginx_pid_, kNginx, nullptr, nullptr, argv.data(), environ), 0);
    for (int i = 0; i < 200; ++i) {  // up to 10 s for nginx to listen
      if (get("127.0.0.1", "/healthz").status == 200) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    FAIL() << "nginx did not start: " << testing::read_file(dir_.path("tunetrack-error.log"));
  }

  testing::RawResponse get(const std::string& from, const std::string& target) {
    return testing::raw_http_from(from, plain_port_, "GET " + target + " HTTP/1.1\r\nHost: tunes.example.org\r\nConnection: close");
  }
  std::string logs() { return testing::read_file(dir_.path("a.log")) + testing::read_file(dir_.path("b.log")); }
  // An instance writes its access line after the answer has left it, so nginx's client can
  // have the answer first: wait (up to 5 s) for the line before counting.
  std::string logs_once_written(const std::string& needle) {
    for (int i = 0; i < 100 && logs().find(needle) == std::string::npos; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return logs();
  }

  testing::TempDir dir_;
  fake::FakeThesession fake_;
  std::unique_ptr<proxy::ProxyServer> a_, b_;
  pid_t nginx_pid_ = -1;
  int tls_port_ = 0, plain_port_ = 0;
};


}  // namespace tt
