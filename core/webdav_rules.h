#pragma once
// The device sync's WebDAV folder, as pure rules: which addresses a musician
// may give (their password goes there), what a server's answer means for the
// sync, and how a listing's hrefs name the entries of one folder. The shell
// sends the requests (shell/webdav_folder.h).
#include <optional>
#include <string>
#include <string_view>

#include "core/http_outcome.h"
#include "core/parse_number.h"
#include "core/url.h"

namespace tt {

// The folder's address: https, or http only to a loopback address (the
// password travels with every request). Its path is kept with a trailing
// '/', so names are added to it directly. No query.
Parsed<ParsedUrl> parse_devices_folder_url(std::string_view text);

bool is_loopback_host(std::string_view host);

enum class WebDavFailure {
  None,
  Credentials,  // 401 or 403: the user name or app password is refused
  Missing,      // 404 or 409: the folder (or its parent) is not there
  Full,         // 507: the storage has no room
  Unavailable,  // no answer, a timeout, 429 or a 5xx: worth trying again later
  Refused,      // any other answer: this request will not work as sent
};
WebDavFailure classify_webdav(const HttpOutcome& outcome);
bool is_transient(WebDavFailure failure);

// One sentence for a person: what went wrong with `what` ("listing the
// folder", "uploading changes-…json") and what to do about it.
std::string describe_webdav_failure(WebDavFailure failure, const HttpOutcome& outcome, std::string_view what);

// The name of an entry directly inside the folder whose (decoded) path is
// `folder_path` (ending in '/'), from a listing's href: a path or an absolute
// URL, percent-encoded, a folder's with a trailing '/'. nullopt for the
// folder itself, for anything elsewhere, and for a name that could not be
// one of ours (empty, a control character, '/').
std::optional<std::string> entry_name_of_href(std::string_view href, std::string_view folder_path);

// A percent-encoded path decoded ('+' stays '+'); nullopt when a '%' is not
// followed by two hex digits.
std::optional<std::string> decode_path(std::string_view text);

// A path segment percent-encoded for a request target.
std::string encode_path_segment(std::string_view segment);

}  // namespace tt
