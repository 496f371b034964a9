#pragma once
// The musician's WebDAV folder, as the device sync uses it: list a folder
// (one PROPFIND, Depth 1), fetch a file, make a folder, write a file so that
// nobody ever reads it half written (upload under a temporary name, then
// MOVE), remove a file. Transient failures are retried with the product's
// backoff; every other answer comes back at once, judged by
// core/webdav_rules.h. Paths are relative to the folder and made of plain
// (unencoded) segments joined by '/'. Each call is a task (shell/task.h)
// over a transport: the command line's answers at once, the page's later.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/retry_policy.h"
#include "core/url.h"
#include "core/webdav_rules.h"
#include "shell/http_transport.h"
#include "shell/task.h"
#include "shell/webdav_listing.h"

namespace tt {

struct WebDavAccount {
  std::string folder_url;
  std::string user;      // empty: no authentication
  std::string password;  // sent only to folder_url's origin
};

struct WebDavError {
  WebDavFailure failure = WebDavFailure::None;
  std::string message;  // names what was being done, and what to do
};

template <typename T>
struct WebDavResult {
  std::optional<T> value;
  WebDavError error;
  bool ok() const { return value.has_value(); }
};
struct Written {};  // a request that answers nothing but success

// What one sync moved, for the summary and the benchmark.
struct WebDavTraffic {
  int64_t requests = 0;
  int64_t bytes_sent = 0;      // request bodies
  int64_t bytes_received = 0;  // answer bodies
};

class WebDavFolder {
 public:
  // nullopt (and `error` set) when the address is refused.
  static std::optional<WebDavFolder> open(const WebDavAccount& account, std::string& error,
                                          std::shared_ptr<HttpTransport> transport, const RetryPolicy& retry = {});

  Task<WebDavResult<std::vector<WebDavEntry>>> list(std::string folder);  // "" for the folder itself
  Task<WebDavResult<std::string>> fetch(std::string file);
  // A folder that is already there is fine.
  Task<WebDavResult<Written>> make_folder(std::string folder);
  // Writes `body` as folder/name, never visible half written; `nonce` makes
  // the temporary name unique. A file already there under that name is
  // left as it is (names are chosen so that one name means one content).
  Task<WebDavResult<Written>> write_new(std::string folder, std::string name, std::string body, std::string nonce);
  // Writes over folder/name (a device's own small state file).
  Task<WebDavResult<Written>> replace(std::string folder, std::string name, std::string body, std::string nonce);
  Task<WebDavResult<Written>> remove(std::string file);

  const WebDavTraffic& traffic() const { return traffic_; }
  const ParsedUrl& url() const { return url_; }

 private:
  WebDavFolder(ParsedUrl url, std::string decoded_path, WebDavAccount account,
               std::shared_ptr<HttpTransport> transport, RetryPolicy retry);
  std::string target_of(const std::string& relative) const;  // encoded absolute path
  Task<HttpOutcome> send(HttpRequest request);                // with retries
  Task<WebDavResult<Written>> write(std::string folder, std::string name, std::string body, std::string nonce,
                                    bool overwrite);
  Task<WebDavResult<Written>> move_into_place(std::string from, std::string to, bool overwrite);

  ParsedUrl url_;
  std::string decoded_path_;
  WebDavAccount account_;
  std::shared_ptr<HttpTransport> transport_;
  RetryPolicy retry_;
  WebDavTraffic traffic_;
};

}  // namespace tt
