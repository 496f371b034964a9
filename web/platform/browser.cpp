#include "web/platform/browser.h"

#include <cstdlib>
#include <nlohmann/json.hpp>
#include <vector>

#include "shell/dirty_block_vfs.h"
#include "web/interop/js_interop.h"

namespace tt::web {
namespace {

std::string take_string(char* owned) {
  std::string out = owned ? owned : "";
  std::free(owned);
  return out;
}

}  // namespace

void mount_storage(const std::string& path, int block_size) {
  install_dirty_block_vfs(block_size);  // before SQLite opens anything
  js_mount_storage(path.c_str(), block_size);
}
void persist_storage(const std::string& path) {
  std::vector<int32_t> blocks;
  for (const int64_t block : take_dirty_blocks(path)) blocks.push_back(static_cast<int32_t>(block));
  js_persist_storage(path.c_str(), blocks.data(), static_cast<int>(blocks.size()));
}
void reload_storage(const std::string& path) { js_reload_storage(path.c_str()); }
void request_db_lock() { js_request_db_lock(); }
void notify_other_tabs() { js_notify_other_tabs(); }
void fetch_url(int id, const std::string& url, int timeout_ms, const std::string& probe_url) {
  HttpRequest request;
  request.url = url;
  request.headers = {{"Accept", "application/json"}};
  send_http(id, request, timeout_ms, false, probe_url);
}
void send_http(int id, const HttpRequest& request, int timeout_ms, bool no_store, const std::string& probe_url) {
  nlohmann::json json = {{"method", request.method}, {"url", request.url}, {"headers", nlohmann::json::object()}};
  for (const auto& [name, value] : request.headers) json["headers"][name] = value;
  if (!request.content_type.empty()) json["headers"]["Content-Type"] = request.content_type;
  if (!request.user.empty()) {
    json["user"] = request.user;
    json["password"] = request.password;
  }
  if (no_store) json["cache"] = "no-store";
  const std::string text = json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  js_http_send(id, text.c_str(), request.body.data(), static_cast<int>(request.body.size()), timeout_ms,
               probe_url.c_str());
}
void abort_fetch(int id) { js_abort_fetch(id); }
void set_timer(int id, int delay_ms) { js_set_timer(id, delay_ms); }
void clear_timer(int id) { js_clear_timer(id); }
double now_ms() { return js_now_ms(); }
int utc_offset_minutes() { return js_utc_offset_minutes(); }
std::string location_hash() { return take_string(js_location_hash()); }
void set_location_hash(const std::string& fragment, bool push) { js_set_location_hash(fragment.c_str(), push ? 1 : 0); }
void open_in_new_tab(const std::string& url) { js_open_in_new_tab(url.c_str()); }
void copy_to_clipboard(const std::string& text) { js_copy_to_clipboard(text.c_str()); }
void download_text(const std::string& filename, const std::string& mime, const std::string& text) {
  js_download_bytes(filename.c_str(), mime.c_str(), text.data(), static_cast<int>(text.size()));
}
void download_file(const std::string& filename, const std::string& path) {
  js_download_file(filename.c_str(), path.c_str());
}
void pick_text_file() { js_pick_text_file(); }
double fit_canvas_to_window(int* width, int* height) { return js_fit_canvas(width, height); }
void set_text_input_active(bool active, bool secret) { js_set_text_input_active(active ? 1 : 0, secret ? 1 : 0); }
std::string load_preference(const std::string& key) { return take_string(js_load_preference(key.c_str())); }
void store_preference(const std::string& key, const std::string& value) { js_store_preference(key.c_str(), value.c_str()); }
bool system_prefers_dark() { return js_system_prefers_dark() != 0; }
bool has_touch_screen() { return js_has_touch_screen() != 0; }

}  // namespace tt::web
