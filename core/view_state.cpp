#include "core/view_state.h"

#include "core/thesession_api.h"
#include "core/url.h"

namespace tt {

bool ViewState::operator==(const ViewState& o) const {
  return filter == o.filter && open_tune == o.open_tune && open_set == o.open_set && tab == o.tab;
}

std::string to_fragment(const ViewState& view) {
  std::string out;
  const auto add = [&](const char* key, const std::string& value) {
    if (value.empty()) return;
    out += (out.empty() ? "" : "&") + std::string(key) + "=" + url_encode(value);
  };
  if (view.tab != "collection") add("tab", view.tab);
  add("q", view.filter.search);
  add("type", view.filter.type);
  if (view.filter.status) add("status", std::string(to_string(*view.filter.status)));
  if (view.open_tune > 0) add("tune", std::to_string(view.open_tune));
  if (view.open_set > 0) add("set", std::to_string(view.open_set));
  return out;
}

ViewState parse_fragment(std::string_view fragment) {
  ViewState view;
  if (!fragment.empty() && fragment.front() == '#') fragment.remove_prefix(1);
  while (!fragment.empty()) {
    const size_t amp = fragment.find('&');
    const std::string_view pair = fragment.substr(0, amp);
    fragment = amp == std::string_view::npos ? std::string_view() : fragment.substr(amp + 1);
    const size_t eq = pair.find('=');
    if (eq == std::string_view::npos) continue;
    const auto key = decode_query_component(pair.substr(0, eq));
    const auto value = decode_query_component(pair.substr(eq + 1));
    if (!key || !value) continue;
    if (*key == "q") view.filter.search = *value;
    else if (*key == "type") view.filter.type = *value;
    else if (*key == "status") view.filter.status = parse_learn_status(*value);
    else if (*key == "tab" && (*value == "add" || *value == "sync" || *value == "data" || *value == "practice" ||
                               *value == "sets")) view.tab = *value;
    else if (*key == "tune") {
      if (const auto id = parse_thesession_id(*value)) view.open_tune = *id;
    } else if (*key == "set") {
      if (const auto id = parse_thesession_id(*value)) view.open_set = *id;  // the same bounded digits
    }
  }
  return view;
}

}  // namespace tt
