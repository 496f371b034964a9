#pragma once
// A WebDAV PROPFIND answer (a 207 multistatus, RFC 4918) read into the
// entries of one folder. Namespace-aware (servers pick their own prefixes:
// "D:", "d:", "lp1:" or none) and strict with what could hurt: a document
// type (entity expansion) or nesting deeper than a listing needs is refused.
// Expat does the XML; it is the parser Debian's own tools use.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/parse_number.h"

namespace tt {

struct WebDavEntry {
  std::string name;     // decoded, without a trailing '/'
  bool is_folder = false;
  int64_t size = -1;    // bytes; -1 when the server did not say
  std::string etag;
};

// The body PROPFIND sends: only the properties the sync reads.
std::string_view propfind_request_body();

// The entries directly inside the folder at `folder_path` (decoded, ending in
// '/'), in the order listed; the folder itself and anything elsewhere are
// left out.
Parsed<std::vector<WebDavEntry>> parse_propfind(std::string_view xml, std::string_view folder_path);

}  // namespace tt
