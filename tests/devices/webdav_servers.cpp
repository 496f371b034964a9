#include "tests/devices/webdav_servers.h"

#include <pwd.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>
#include <vector>

#include "tests/loopback_socket.h"

extern char** environ;

namespace tt::testing {
namespace {

const char* kRclone = "/usr/bin/rclone";
const char* kNginx = "/usr/sbin/nginx";
const char* kDavExtModule = "/usr/lib/nginx/modules/ngx_http_dav_ext_module.so";
const char* kUnshare = "/usr/bin/unshare";

// nginx serves the folder under this path, as a self-hoster would next to the page.
const char* kNginxFolder = "/devices/";

std::string nginx_conf(const TempDir& dir, int port) {
  const passwd* me = ::getpwuid(::geteuid());
  return std::string("load_module ") + kDavExtModule + ";\n" +
         "user " + (me ? me->pw_name : "nobody") + ";\n" +
         "worker_processes 1;\n"
         "pid " + dir.path("nginx.pid") + ";\n"
         "error_log " + dir.path("error.log") + ";\n"
         "events { worker_connections 64; }\n"
         "http {\n"
         "  access_log off;\n"
         "  client_body_temp_path " + dir.path("body") + ";\n"
         "  proxy_temp_path " + dir.path("proxy") + ";\n"
         "  fastcgi_temp_path " + dir.path("fastcgi") + ";\n"
         "  uwsgi_temp_path " + dir.path("uwsgi") + ";\n"
         "  scgi_temp_path " + dir.path("scgi") + ";\n"
         "  server {\n"
         "    listen 127.0.0.1:" + std::to_string(port) + ";\n"
         "    root " + dir.path("root") + ";\n"
         "    location " + kNginxFolder + " {\n"
         "      auth_basic \"tunetrack devices\";\n"
         "      auth_basic_user_file " + dir.path("htpasswd") + ";\n"
         "      dav_methods PUT DELETE MKCOL COPY MOVE;\n"
         "      dav_ext_methods PROPFIND OPTIONS;\n"
         "      create_full_put_path on;\n"
         "      client_max_body_size 64m;\n"
         "    }\n"
         "  }\n"
         "}\n";
}

}  // namespace

const char* name_of(WebDavServerKind kind) { return kind == WebDavServerKind::Rclone ? "rclone" : "nginx"; }

std::unique_ptr<WebDavServer> WebDavServer::start(WebDavServerKind kind, std::string& why_not) {
  return start(kind, false, why_not);
}

std::unique_ptr<WebDavServer> WebDavServer::start_on_a_full_disk(std::string& why_not) {
  if (::geteuid() != 0 || ::access(kUnshare, X_OK) != 0) {
    why_not = "a full disk is made by mounting a small tmpfs, which needs root and unshare";
    return nullptr;
  }
  return start(WebDavServerKind::Nginx, true, why_not);
}

std::unique_ptr<WebDavServer> WebDavServer::start(WebDavServerKind kind, bool full_disk, std::string& why_not) {
  const char* program = kind == WebDavServerKind::Rclone ? kRclone : kNginx;
  if (::access(program, X_OK) != 0 || (kind == WebDavServerKind::Nginx && ::access(kDavExtModule, R_OK) != 0)) {
    why_not = std::string(name_of(kind)) + "'s WebDAV server is not installed (make setup installs it)";
    return nullptr;
  }
  std::unique_ptr<WebDavServer> server(new WebDavServer(kind));
  server->full_disk_ = full_disk;
  server->port_ = free_loopback_port();
  // The workers may run as another user than the test: let them write.
  ::chmod(server->dir_.path("").c_str(), 0777);
  ::mkdir(server->dir_.path("root").c_str(), 0777);
  ::mkdir(server->folder_on_disk().c_str(), 0777);
  ::chmod(server->dir_.path("root").c_str(), 0777);
  ::chmod(server->folder_on_disk().c_str(), 0777);
  if (kind == WebDavServerKind::Nginx) {
    write_file(server->dir_.path("htpasswd"), server->user() + ":{PLAIN}" + server->password() + "\n");
    write_file(server->dir_.path("nginx.conf"), nginx_conf(server->dir_, server->port_));
  }
  if (!server->spawn()) {
    why_not = std::string(name_of(kind)) + " did not start: " + read_file(server->dir_.path("server.log")) +
              read_file(server->dir_.path("error.log"));
    return nullptr;
  }
  return server;
}

WebDavServer::~WebDavServer() { stop(); }

std::string WebDavServer::folder_url() const {
  return "http://127.0.0.1:" + std::to_string(port_) + (kind_ == WebDavServerKind::Nginx ? kNginxFolder : "/");
}

std::string WebDavServer::folder_on_disk() const {
  return kind_ == WebDavServerKind::Nginx ? dir_.path("root/devices") : dir_.path("root");
}

bool WebDavServer::spawn() {
  std::vector<std::string> args;
  if (kind_ == WebDavServerKind::Rclone) {
    args = {kRclone, "serve", "webdav", folder_on_disk(), "--addr", "127.0.0.1:" + std::to_string(port_),
            "--user", user(), "--pass", password(), "--config", dir_.path("rclone.conf"), "--log-file",
            dir_.path("server.log")};
  } else {
    args = {kNginx, "-p", dir_.path(""), "-c", dir_.path("nginx.conf"), "-g", "daemon off;"};
  }
  if (full_disk_) {
    // The shell mounts, then becomes nginx (the same process, so stop() stops it).
    std::string command = "mount -t tmpfs -o size=64k,nr_inodes=2,mode=0777 tmpfs '" + folder_on_disk() + "' && exec";
    for (const std::string& arg : args) command += " '" + arg + "'";
    args = {kUnshare, "--mount", "--propagation", "private", "/bin/sh", "-c", command};
  }
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  if (::posix_spawn(&pid_, argv[0], nullptr, nullptr, argv.data(), environ) != 0) return false;
  return wait_until_listening();
}

bool WebDavServer::wait_until_listening() {
  for (int i = 0; i < 400; ++i) {  // up to 20 s
    const int fd = connect_loopback_from("127.0.0.1", port_);
    if (fd >= 0) {
      ::close(fd);
      return true;
    }
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {  // it gave up
      pid_ = -1;
      return false;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

void WebDavServer::stop() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGTERM);
  int status = 0;
  ::waitpid(pid_, &status, 0);
  pid_ = -1;
}

bool WebDavServer::start_again() { return pid_ > 0 || spawn(); }

}  // namespace tt::testing
