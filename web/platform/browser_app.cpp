#include "web/platform/browser_app.h"


#include <cstdlib>

#include "web/interop/js_interop.h"

namespace tt::web {
namespace {

std::string take_string(char* owned) {
  std::string out = owned ? owned : "";
  std::free(owned);
  return out;
}

}  // namespace

std::string page_origin() { return take_string(js_page_origin()); }
std::string proxy_param() { return take_string(js_proxy_param()); }
std::string remembered_proxy_answers() { return take_string(js_remembered_proxy_answers()); }
bool browser_online() { return js_browser_online() != 0; }
void remember_proxy_answer(const std::string& origin, bool allow) { js_remember_proxy_answer(origin.c_str(), allow ? 1 : 0); }
void start_app_shell() { js_start_app_shell(); }
void activate_update() { js_activate_update(); }
void estimate_storage(bool ask_to_persist) { js_estimate_storage(ask_to_persist ? 1 : 0); }

}  // namespace tt::web
