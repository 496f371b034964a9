#include "proxy/static_files.h"

#include <httplib.h>
#include <sys/stat.h>

#include <fstream>
#include <sstream>

#include "core/proxy_policy.h"
#include "core/proxy_routes.h"

namespace tt::proxy {
namespace {

bool regular_file(const std::string& path, struct stat& st) {
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void json_error(httplib::Response& res, int status, const char* code, const char* message) {
  res.status = status;
  res.set_content(error_reply(status, code, message).body, "application/json");
}

}  // namespace

std::string content_type_for(const std::string& path) {
  const auto dot = path.rfind('.');
  const std::string ext = dot == std::string::npos ? "" : path.substr(dot + 1);
  if (ext == "html") return "text/html; charset=utf-8";
  if (ext == "js" || ext == "mjs") return "text/javascript; charset=utf-8";
  if (ext == "wasm") return "application/wasm";
  if (ext == "css") return "text/css; charset=utf-8";
  if (ext == "json") return "application/json";
  if (ext == "png") return "image/png";
  if (ext == "svg") return "image/svg+xml";
  if (ext == "ico") return "image/x-icon";
  if (ext == "ttf") return "font/ttf";
  if (ext == "mp3") return "audio/mpeg";  // the synth's samples: sounds/<instrument>-mp3/<note>.mp3
  if (ext == "txt") return "text/plain; charset=utf-8";
  if (ext == "webmanifest") return "application/manifest+json";
  return "application/octet-stream";
}

int StaticFiles::serve(const httplib::Request& req, httplib::Response& res) const {
  const auto relative = safe_static_path(req.target);
  if (!enabled() || !relative) {
    json_error(res, 404, "not_found", "No such file");
    return res.status;
  }
  const std::string path = root_ + "/" + *relative;
  struct stat st {};
  if (!regular_file(path, st)) {
    json_error(res, 404, "not_found", "No such file");
    return res.status;
  }
  // Weak validator from size and modification time: changes on every rebuild.
  const std::string etag = "W/\"" + std::to_string(st.st_size) + "-" + std::to_string(st.st_mtime) + "\"";
  res.set_header("ETag", etag);
  // Revalidate everything: the page, js and wasm change together on a rebuild.
  res.set_header("Cache-Control", "no-cache");
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Vary", "Accept-Encoding");
  if (req.get_header_value("If-None-Match") == etag) {
    res.status = 304;
    return res.status;
  }
  const std::string accept = req.get_header_value("Accept-Encoding");
  struct stat gz {};
  std::string body;
  if (accept.find("gzip") != std::string::npos && regular_file(path + ".gz", gz) && gz.st_mtime >= st.st_mtime) {
    body = read_all(path + ".gz");
    res.set_header("Content-Encoding", "gzip");
  } else {
    body = read_all(path);
  }
  res.status = 200;
  res.set_content(std::move(body), content_type_for(path));
  return res.status;
}

}  // namespace tt::proxy
