#include "shell/webdav_folder.h"

#include "core/device_layout.h"

namespace tt {
namespace {

template <typename T>
WebDavResult<T> failed(const HttpOutcome& outcome, const std::string& what) {
  WebDavResult<T> result;
  result.error.failure = classify_webdav(outcome);
  result.error.message = describe_webdav_failure(result.error.failure, outcome, what);
  return result;
}

template <typename T>
WebDavResult<T> succeeded(T value) {
  WebDavResult<T> result;
  result.value = std::move(value);
  return result;
}

}  // namespace

std::optional<WebDavFolder> WebDavFolder::open(const WebDavAccount& account, std::string& error,
                                               std::shared_ptr<HttpTransport> transport, const RetryPolicy& retry) {
  auto url = parse_devices_folder_url(account.folder_url);
  if (!url) {
    error = url.error;
    return std::nullopt;
  }
  auto decoded = decode_path(url->path());
  if (!decoded) {
    error = "the folder's address has a '%' that is not followed by two hex digits";
    return std::nullopt;
  }
  return WebDavFolder(std::move(*url), std::move(*decoded), account, std::move(transport), retry);
}

WebDavFolder::WebDavFolder(ParsedUrl url, std::string decoded_path, WebDavAccount account,
                           std::shared_ptr<HttpTransport> transport, RetryPolicy retry)
    : url_(std::move(url)), decoded_path_(std::move(decoded_path)), account_(std::move(account)),
      transport_(std::move(transport)), retry_(retry) {}

std::string WebDavFolder::target_of(const std::string& relative) const {
  std::string target = url_.path();
  size_t start = 0;
  while (start < relative.size()) {
    size_t end = relative.find('/', start);
    if (end == std::string::npos) end = relative.size();
    target += encode_path_segment(relative.substr(start, end - start));
    if (end < relative.size()) target += '/';
    start = end + 1;
  }
  return target;
}

Task<HttpOutcome> WebDavFolder::send(HttpRequest request) {
  request.user = account_.user;
  request.password = account_.password;
  for (int attempt = 1;; ++attempt) {
    ++traffic_.requests;
    traffic_.bytes_sent += static_cast<int64_t>(request.body.size());
    HttpOutcome outcome = co_await transport_->sent(request);
    traffic_.bytes_received += static_cast<int64_t>(outcome.body.size());
    // Only what core/retry_policy calls transient is tried again: a refused
    // password or a full storage answers the same a second later.
    const auto delay = retry_.next_delay(attempt, outcome);
    if (outcome.ok() || !delay) co_return outcome;
    co_await transport_->waited(*delay);
  }
}

Task<WebDavResult<std::vector<WebDavEntry>>> WebDavFolder::list(std::string folder) {
  HttpRequest request;
  request.method = "PROPFIND";
  request.url = url_.origin() + target_of(folder.empty() || folder.back() == '/' ? folder : folder + "/");
  request.headers = {{"Depth", "1"}};
  request.body = std::string(propfind_request_body());
  request.content_type = "application/xml; charset=utf-8";
  const std::string what = "listing " + (folder.empty() ? std::string("the folder") : folder);
  const HttpOutcome outcome = co_await send(request);
  if (!outcome.ok()) co_return failed<std::vector<WebDavEntry>>(outcome, what);
  if (outcome.status != 207) {  // a server that ignores PROPFIND answers 200 with a page
    WebDavResult<std::vector<WebDavEntry>> result;
    result.error = {WebDavFailure::Refused, what + ": the server answered HTTP " + std::to_string(outcome.status) +
                                                " instead of a WebDAV listing; is this a WebDAV address?"};
    co_return result;
  }
  std::string folder_path = decoded_path_ + folder;
  if (!folder.empty() && folder.back() != '/') folder_path += '/';
  auto entries = parse_propfind(outcome.body, folder_path);
  if (!entries) {
    WebDavResult<std::vector<WebDavEntry>> result;
    result.error = {WebDavFailure::Refused, what + ": " + entries.error};
    co_return result;
  }
  co_return succeeded(std::move(*entries));
}

Task<WebDavResult<std::string>> WebDavFolder::fetch(std::string file) {
  HttpRequest request;
  request.url = url_.origin() + target_of(file);
  HttpOutcome outcome = co_await send(request);
  if (!outcome.ok()) co_return failed<std::string>(outcome, "fetching " + file);
  co_return succeeded(std::move(outcome.body));
}

Task<WebDavResult<Written>> WebDavFolder::make_folder(std::string folder) {
  HttpRequest request;
  request.method = "MKCOL";
  request.url = url_.origin() + target_of(folder.empty() || folder.back() == '/' ? folder : folder + "/");
  const HttpOutcome outcome = co_await send(request);
  // 405: "MKCOL can only be executed on an unmapped URL", the folder is there.
  if (outcome.ok() || outcome.status == 405) co_return succeeded(Written{});
  co_return failed<Written>(outcome, "making the folder " + folder);
}

Task<WebDavResult<Written>> WebDavFolder::move_into_place(std::string from, std::string to, bool overwrite) {
  HttpRequest request;
  request.method = "MOVE";
  request.url = url_.origin() + target_of(from);
  request.headers = {{"Destination", url_.origin() + target_of(to)}, {"Overwrite", overwrite ? "T" : "F"}};
  const HttpOutcome outcome = co_await send(request);
  if (outcome.ok()) co_return succeeded(Written{});
  if (!overwrite && outcome.status == 412) {  // already there: one name, one content
    co_await remove(from);
    co_return succeeded(Written{});
  }
  co_return failed<Written>(outcome, "moving " + to + " into place");
}

Task<WebDavResult<Written>> WebDavFolder::write_new(std::string folder, std::string name, std::string body,
                                                    std::string nonce) {
  co_return co_await write(std::move(folder), std::move(name), std::move(body), std::move(nonce), false);
}

Task<WebDavResult<Written>> WebDavFolder::replace(std::string folder, std::string name, std::string body,
                                                  std::string nonce) {
  co_return co_await write(std::move(folder), std::move(name), std::move(body), std::move(nonce), true);
}

Task<WebDavResult<Written>> WebDavFolder::write(std::string folder, std::string name, std::string body,
                                                std::string nonce, bool overwrite) {
  const std::string prefix = folder.empty() || folder.back() == '/' ? folder : folder + "/";
  const std::string temporary = prefix + upload_name(name, nonce);
  HttpRequest request;
  request.method = "PUT";
  request.url = url_.origin() + target_of(temporary);
  request.body = std::move(body);
  request.content_type = "application/json";
  const HttpOutcome outcome = co_await send(request);
  if (!outcome.ok()) co_return failed<Written>(outcome, "uploading " + prefix + name);
  const std::string destination = prefix + name;
  co_return co_await move_into_place(temporary, destination, overwrite);
}

Task<WebDavResult<Written>> WebDavFolder::remove(std::string file) {
  HttpRequest request;
  request.method = "DELETE";
  request.url = url_.origin() + target_of(file);
  const HttpOutcome outcome = co_await send(request);
  if (outcome.ok() || outcome.status == 404) co_return succeeded(Written{});
  co_return failed<Written>(outcome, "removing " + file);
}

}  // namespace tt
