#pragma once
// Serves the built web app from one directory: safe paths only, the right
// Content-Type (application/wasm included), precompressed .gz siblings when
// the client accepts gzip, and ETag revalidation so an unchanged wasm is
// never downloaded twice.
#include <string>

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace tt::proxy {

class StaticFiles {
 public:
  explicit StaticFiles(std::string root) : root_(std::move(root)) {}
  bool enabled() const { return !root_.empty(); }
  // Fills `res`; returns the status it set.
  int serve(const httplib::Request& req, httplib::Response& res) const;

 private:
  std::string root_;
};

std::string content_type_for(const std::string& path);

}  // namespace tt::proxy
