// Add tune: thesession.org searched through the proxy once typing pauses;
// and the proxy's /healthz line in the header.
#include <nlohmann/json.hpp>

#include "core/words.h"
#include "web/update/update_context.h"

namespace tt::web {

void search_tick(Context& c) {
  Model& m = c.model;
  if (m.search_due_ms <= 0 || c.now < m.search_due_ms) return;
  m.search_due_ms = 0;
  m.searched_text = m.search_text;
  if (m.search_request) {
    c.out.push_back(effect::AbortFetch{m.search_request});  // the answer would be out of date
    m.requests.erase(m.search_request);
    m.search_request = 0;
  }
  if (m.searched_text.size() < 2) {
    m.search_results.clear();
    m.search_message = m.searched_text.empty() ? "" : "Type at least 2 letters";
    return;
  }
  m.search_message = "Searching...";
  m.search_request = c.fetch(Purpose::Search, ApiEndpoint{m.proxy, true}.search(m.searched_text, 1, 30),
                             kSearchTimeoutMs);
}

void on_search_answer(Context& c, uint64_t id, const HttpOutcome& outcome) {
  Model& m = c.model;
  if (id != m.search_request) return;  // an older search answered late
  m.search_request = 0;
  if (!outcome.ok()) {
    m.search_message = "Search unavailable (" + describe_failure(outcome) + ")";
    m.search_results.clear();
    return;
  }
  const SearchParse parsed = parse_search_results(outcome.body);
  if (!parsed.results) {
    m.search_message = parsed.error;
    return;
  }
  m.search_results = parsed.results->tunes;
  m.search_message = m.search_results.empty() ? "No tunes found for \"" + m.searched_text + "\""
                                              : counted(parsed.results->total, "tune", "tunes") + " found";
}

// The breaker's state as a musician would say it: can thesession.org be
// reached through this proxy now?
std::string reachability(const std::string& breaker_state) {
  if (breaker_state == "closed") return "thesession.org reachable";
  if (breaker_state == "open") return "thesession.org unreachable";
  if (breaker_state == "half_open") return "thesession.org slow";  // failing lately, being tried again
  return "thesession.org: no answer yet";
}

void on_health_answer(Context& c, const HttpOutcome& outcome) {
  if (!outcome.ok()) {
    c.model.healthz = "proxy unreachable: " + describe_failure(outcome);
    // Short enough for a phone's header, in a musician's words.
    // Short enough for a phone's header; "offline" is the header's own word
    // while the browser says so (ui_main.cpp).
    c.model.thesession_status = "thesession.org can't be reached";
    return;
  }
  const auto doc = nlohmann::json::parse(outcome.body, nullptr, false);
  const auto text = [](const nlohmann::json& obj, const char* key) {
    return obj.is_object() && obj.contains(key) && obj[key].is_string() ? obj[key].get<std::string>()
                                                                        : std::string("?");
  };
  if (!doc.is_object()) {
    c.model.healthz = "proxy answered oddly";
    c.model.thesession_status = c.model.healthz;
    return;
  }
  c.model.thesession_status = reachability(text(doc.contains("upstream") ? doc["upstream"] : nlohmann::json(), "state"));
  c.model.healthz = "proxy " + text(doc, "version") + ", " + c.model.thesession_status;
}

void handle_search(Context& c, const Event& event) {
  if (const auto* e = std::get_if<event::RemoteSearchEdited>(&event)) {
    c.model.search_text = e->text;
    c.model.search_due_ms = c.now + kSearchDebounceMs;
  }
}

}  // namespace tt::web
