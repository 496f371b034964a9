#pragma once
// The edge where exceptions stop: anything a handler throws becomes a plain
// 500 JSON answer, {"error":"internal","message":...}, with none of the
// exception's text (cpp-httplib would otherwise send it to the client in an
// EXCEPTION_WHAT header). The text goes to `log` instead, as an escaped excerpt.
#include <functional>
#include <string>

namespace httplib {
class Server;
}

namespace tt::proxy {

void install_error_guard(httplib::Server& server, std::function<void(const std::string&)> log);

}  // namespace tt::proxy
