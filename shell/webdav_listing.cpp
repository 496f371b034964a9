#include "shell/webdav_listing.h"

#include <expat.h>

#include <memory>

#include "core/webdav_rules.h"

namespace tt {
namespace {

constexpr int kMaxDepth = 32;          // a listing nests 6 deep
constexpr size_t kMaxEntries = 200000;
constexpr size_t kMaxTextBytes = 8192;  // an href, a size or an etag

struct Reader {
  std::string folder_path;
  std::vector<WebDavEntry> entries;
  std::string error;
  int depth = 0;
  bool in_response = false;
  std::string href, size_text, etag;
  bool is_folder = false;
  std::string* text = nullptr;  // the element whose text is being read
  XML_Parser parser = nullptr;

  void fail(const std::string& why) {
    if (error.empty()) error = why;
    XML_StopParser(parser, XML_FALSE);
  }
};

// Names arrive as "<namespace URI> <local name>" (XML_ParserCreateNS with ' ').
bool is_dav(const XML_Char* name, std::string_view local) {
  const std::string_view n(name);
  return n.size() == 5 + local.size() && n.substr(0, 5) == "DAV: " && n.substr(5) == local;
}

void XMLCALL on_start(void* data, const XML_Char* name, const XML_Char**) {
  auto& r = *static_cast<Reader*>(data);
  if (++r.depth > kMaxDepth) return r.fail("it nests deeper than a listing does");
  if (is_dav(name, "response")) {
    r.in_response = true;
    r.href.clear(), r.size_text.clear(), r.etag.clear();
    r.is_folder = false;
  } else if (!r.in_response) {
    return;
  } else if (is_dav(name, "href")) {
    r.text = &r.href;
  } else if (is_dav(name, "collection")) {
    r.is_folder = true;
  } else if (is_dav(name, "getcontentlength")) {
    r.text = &r.size_text;
  } else if (is_dav(name, "getetag")) {
    r.text = &r.etag;
  }
}

void XMLCALL on_end(void* data, const XML_Char* name) {
  auto& r = *static_cast<Reader*>(data);
  --r.depth;
  r.text = nullptr;
  if (!is_dav(name, "response") || !r.in_response) return;
  r.in_response = false;
  const auto entry_name = entry_name_of_href(r.href, r.folder_path);
  if (!entry_name) return;
  if (r.entries.size() >= kMaxEntries) return r.fail("it lists more than " + std::to_string(kMaxEntries) + " entries");
  WebDavEntry entry;
  entry.name = *entry_name;
  entry.is_folder = r.is_folder;
  const auto size = parse_int(r.size_text, 0, INT64_MAX / 2);
  if (size) entry.size = *size;
  entry.etag = r.etag;
  r.entries.push_back(std::move(entry));
}

void XMLCALL on_text(void* data, const XML_Char* text, int length) {
  auto& r = *static_cast<Reader*>(data);
  if (!r.text) return;
  if (r.text->size() + static_cast<size_t>(length) > kMaxTextBytes) return r.fail("an element's text is too long");
  r.text->append(text, static_cast<size_t>(length));
}

void XMLCALL on_doctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
  static_cast<Reader*>(data)->fail("it declares a document type, which a listing never does");
}

}  // namespace

std::string_view propfind_request_body() {
  return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
         "<D:propfind xmlns:D=\"DAV:\"><D:prop><D:resourcetype/><D:getcontentlength/><D:getetag/></D:prop></D:propfind>\n";
}

Parsed<std::vector<WebDavEntry>> parse_propfind(std::string_view xml, std::string_view folder_path) {
  Parsed<std::vector<WebDavEntry>> result;
  if (xml.size() > (64u << 20)) {
    result.error = "the folder's listing is refused: it is larger than 64 MB";
    return result;
  }
  std::unique_ptr<XML_ParserStruct, void (*)(XML_Parser)> parser(XML_ParserCreateNS("UTF-8", ' '), XML_ParserFree);
  if (!parser) {
    result.error = "the listing could not be read: out of memory";
    return result;
  }
  Reader reader;
  reader.folder_path = std::string(folder_path);
  reader.parser = parser.get();
  XML_SetUserData(parser.get(), &reader);
  XML_SetElementHandler(parser.get(), on_start, on_end);
  XML_SetCharacterDataHandler(parser.get(), on_text);
  XML_SetStartDoctypeDeclHandler(parser.get(), on_doctype);
  const auto status = XML_Parse(parser.get(), xml.data(), static_cast<int>(xml.size()), XML_TRUE);
  if (!reader.error.empty()) {
    result.error = "the folder's listing is refused: " + reader.error;
  } else if (status != XML_STATUS_OK) {
    result.error = "the folder's listing is not XML (" + std::string(XML_ErrorString(XML_GetErrorCode(parser.get()))) +
                   " at line " + std::to_string(XML_GetCurrentLineNumber(parser.get())) + ")";
  } else {
    result.ok = true;
    result.value = std::move(reader.entries);
  }
  return result;
}

}  // namespace tt
