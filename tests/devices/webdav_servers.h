#pragma once
// Real WebDAV servers from Debian, started on loopback for the device sync's
// tests (never a mock): `rclone serve webdav`, and nginx with its dav modules
// (dav_methods, and dav_ext for PROPFIND). Each serves a fresh directory
// under one user name and password.
#include <sys/types.h>

#include <memory>
#include <string>

#include "tests/integration/test_support.h"

namespace tt::testing {

enum class WebDavServerKind { Rclone, Nginx };
const char* name_of(WebDavServerKind kind);

class WebDavServer {
 public:
  // nullptr, with `why_not` set, when the server's program is not installed
  // (`make setup` installs both) or did not start.
  static std::unique_ptr<WebDavServer> start(WebDavServerKind kind, std::string& why_not);
  // nginx with its folder on a file system that is full: a tmpfs of two
  // inodes (the folder and one folder in it), mounted in a mount namespace
  // of its own, so making a second folder fails with ENOSPC and nginx
  // answers 507. Needs root (mounting); nullptr with `why_not` otherwise.
  static std::unique_ptr<WebDavServer> start_on_a_full_disk(std::string& why_not);
  ~WebDavServer();
  WebDavServer(const WebDavServer&) = delete;
  WebDavServer& operator=(const WebDavServer&) = delete;

  // The musician's folder on it (there, empty, ending in '/').
  std::string folder_url() const;
  std::string user() const { return "musician"; }
  std::string password() const { return "app-password-1"; }
  // Where the folder's files are on disk, to look at or break them.
  std::string folder_on_disk() const;
  WebDavServerKind kind() const { return kind_; }
  int port() const { return port_; }
  // Stops the server (a server gone mid-sync); start_again() brings it back on the same port.
  void stop();
  bool start_again();

 private:
  WebDavServer(WebDavServerKind kind) : kind_(kind) {}
  static std::unique_ptr<WebDavServer> start(WebDavServerKind kind, bool full_disk, std::string& why_not);
  bool spawn();
  bool wait_until_listening();

  WebDavServerKind kind_;
  TempDir dir_;
  int port_ = 0;
  pid_t pid_ = -1;
  bool full_disk_ = false;
};

}  // namespace tt::testing
