#include "core/webdav_rules.h"

#include <cctype>

namespace tt {

std::optional<std::string> decode_path(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out += text[i];
      continue;
    }
    if (i + 2 >= text.size()) return std::nullopt;
    const auto hex = [](char c) -> int {
      if (c >= '0' && c <= '9') return c - '0';
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    };
    const int high = hex(text[i + 1]), low = hex(text[i + 2]);
    if (high < 0 || low < 0) return std::nullopt;
    out += static_cast<char>(high * 16 + low);
    i += 2;
  }
  return out;
}

namespace {

// The path of an href: itself, or what follows an absolute URL's authority.
std::string_view href_path(std::string_view href) {
  const size_t scheme_end = href.find("://");
  if (scheme_end == std::string_view::npos) return href;
  const size_t path_start = href.find('/', scheme_end + 3);
  return path_start == std::string_view::npos ? std::string_view("/") : href.substr(path_start);
}

}  // namespace

bool is_loopback_host(std::string_view host) {
  return host == "localhost" || host == "::1" || host.substr(0, 4) == "127.";
}

Parsed<ParsedUrl> parse_devices_folder_url(std::string_view text) {
  Parsed<ParsedUrl> result;
  auto parsed = parse_url(text);
  if (!parsed) {
    result.error = parsed.error;
    return result;
  }
  if (parsed->scheme != "https" && !is_loopback_host(parsed->host)) {
    result.error = "the folder's address must start with https:// (the password is sent with every request); "
                   "plain http is only for this machine (127.0.0.1, localhost)";
    return result;
  }
  if (parsed->target.find('?') != std::string::npos) {
    result.error = "the folder's address must not have a query (\"?...\")";
    return result;
  }
  if (parsed->target.back() != '/') parsed->target += '/';
  result.ok = true;
  result.value = std::move(*parsed);
  return result;
}

WebDavFailure classify_webdav(const HttpOutcome& outcome) {
  if (outcome.ok()) return WebDavFailure::None;
  if (outcome.invalid_url || outcome.body_too_large) return WebDavFailure::Refused;
  if (outcome.status == 0) return WebDavFailure::Unavailable;  // no answer: refused, reset, timed out
  switch (outcome.status) {
    case 401:
    case 403: return WebDavFailure::Credentials;
    case 404:
    case 409: return WebDavFailure::Missing;
    case 507: return WebDavFailure::Full;
    case 408:
    case 429: return WebDavFailure::Unavailable;
    default: return outcome.status >= 500 ? WebDavFailure::Unavailable : WebDavFailure::Refused;
  }
}

bool is_transient(WebDavFailure failure) { return failure == WebDavFailure::Unavailable; }

std::string describe_webdav_failure(WebDavFailure failure, const HttpOutcome& outcome, std::string_view what) {
  const std::string doing(what);
  switch (failure) {
    case WebDavFailure::None: return doing + ": done";
    case WebDavFailure::Credentials:
      return doing + ": the server refused the user name or password (" + describe_failure(outcome) +
             "); check them, or make a new app password";
    case WebDavFailure::Missing:
      return doing + ": the folder is not there (" + describe_failure(outcome) + "); check its address";
    case WebDavFailure::Full:
      return doing + ": the storage is full (HTTP 507); make room there, nothing here was lost";
    case WebDavFailure::Unavailable:
      return doing + ": the server is unavailable (" + describe_failure(outcome) + "); try again later";
    case WebDavFailure::Refused:
      if (outcome.body_too_large) return doing + ": the server's answer is too large";
      return doing + ": the server refused it (" + describe_failure(outcome) + ")";
  }
  return doing;
}

std::optional<std::string> entry_name_of_href(std::string_view href, std::string_view folder_path) {
  const auto path = decode_path(href_path(href));
  if (!path || path->size() <= folder_path.size() || path->compare(0, folder_path.size(), folder_path) != 0) {
    return std::nullopt;
  }
  std::string name = path->substr(folder_path.size());
  if (name.back() == '/') name.pop_back();
  if (name.empty() || name.find('/') != std::string::npos) return std::nullopt;
  for (const char c : name) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return std::nullopt;
  }
  return name;
}

std::string encode_path_segment(std::string_view segment) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (const char c : segment) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += c;
    } else {
      out += '%';
      out += kHex[u >> 4];
      out += kHex[u & 15];
    }
  }
  return out;
}

}  // namespace tt
