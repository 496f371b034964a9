#include "proxy/error_guard.h"

#include <httplib.h>

#include <exception>

#include "core/parse_number.h"
#include "core/proxy_policy.h"

namespace tt::proxy {

void install_error_guard(httplib::Server& server, std::function<void(const std::string&)> log) {
  server.set_exception_handler([log = std::move(log)](const httplib::Request&, httplib::Response& res,
                                                      std::exception_ptr ep) {
    std::string what = "unknown exception";
    try {
      if (ep) std::rethrow_exception(ep);
    } catch (const std::exception& e) {
      what = e.what();
    } catch (...) {
    }
    if (log) log("internal error: " + quote_excerpt(what));
    // Start from a clean answer: the handler may have set headers before throwing.
    res = httplib::Response();
    const ProxyReply reply = error_reply(500, "internal", "The proxy could not answer this request");
    res.status = reply.status;
    res.set_header("Cache-Control", "no-store");
    res.set_content(reply.body, "application/json");
  });
}

}  // namespace tt::proxy
