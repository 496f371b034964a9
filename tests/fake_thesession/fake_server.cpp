#include "tests/fake_thesession/fake_server.h"

#include <httplib.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <regex>

#include "tests/fake_thesession/synthetic_data.h"
#include "tests/fake_thesession/synthetic_sets.h"

namespace tt::fake {

using nlohmann::json;

FaultRule fault_from_json(const std::string& text) {
  const json o = json::parse(text);
  FaultRule r;
  r.path_contains = o.value("path_contains", "");
  r.page = o.value("page", 0);
  r.fault = o.at("fault").get<std::string>();
  r.status = o.value("status", 503);
  r.delay_ms = o.value("delay_ms", 0);
  r.retry_after_s = o.value("retry_after_s", -1);
  r.amount = o.value("amount", 0);
  r.times = o.value("times", -1);
  static const std::vector<std::string> known = {"delay", "timeout", "reset", "status", "malformed",
                                                 "no_tunes", "huge", "shift"};
  if (std::find(known.begin(), known.end(), r.fault) == known.end()) {
    throw std::invalid_argument("unknown fault '" + r.fault + "'");
  }
  return r;
}

FakeThesession::FakeThesession(Options options) : options_(options), server_(std::make_unique<httplib::Server>()) {
  server_->set_tcp_nodelay(true);
  install_routes();
}

FakeThesession::~FakeThesession() { stop(); }

int FakeThesession::start(int port, const std::string& host) {
  host_ = host;
  if (port == 0) {
    port_ = server_->bind_to_any_port(host);
  } else {
    port_ = server_->bind_to_port(host, port) ? port : -1;
  }
  if (port_ <= 0) throw std::runtime_error("fake-thesession: cannot bind " + host + ":" + std::to_string(port));
  thread_ = std::thread([this] { server_->listen_after_bind(); });
  // listen_after_bind() flips is_running() once it accepts; the socket is
  // already bound, so connections made meanwhile queue in the backlog.
  for (int i = 0; i < 500 && !server_->is_running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(2));
  return port_;
}

void FakeThesession::stop() {
  stopping_ = true;
  if (server_) server_->stop();
  if (thread_.joinable()) thread_.join();
}

std::string FakeThesession::base_url() const { return "http://" + host_ + ":" + std::to_string(port_); }

void FakeThesession::add_fault(FaultRule rule) {
  std::lock_guard<std::mutex> lock(mutex_);
  rules_.push_back(std::move(rule));
}

void FakeThesession::clear_faults() {
  std::lock_guard<std::mutex> lock(mutex_);
  rules_.clear();
}

int FakeThesession::request_count(const std::string& contains) const {
  std::lock_guard<std::mutex> lock(mutex_);
  int n = 0;
  for (const auto& r : requests_) n += contains.empty() || r.find(contains) != std::string::npos;
  return n;
}

std::vector<std::string> FakeThesession::requests() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return requests_;
}

void FakeThesession::reset_counts() {
  std::lock_guard<std::mutex> lock(mutex_);
  requests_.clear();
  max_in_flight_ = 0;
}

bool FakeThesession::take_fault(const std::string& path, int page, FaultRule& out) {
  std::lock_guard<std::mutex> lock(mutex_);
  for (auto it = rules_.begin(); it != rules_.end(); ++it) {
    if (!it->path_contains.empty() && path.find(it->path_contains) == std::string::npos) continue;
    if (it->page != 0 && it->page != page) continue;
    out = *it;
    if (it->times > 0 && --it->times == 0) rules_.erase(it);
    return true;
  }
  return false;
}

void FakeThesession::sleep_unless_stopping(int ms) const {
  const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
  while (!stopping_ && std::chrono::steady_clock::now() < until) {
    std::this_thread::sleep_for(std::chrono::milliseconds(std::min(ms, 20)));
  }
}

namespace {

int int_param(const httplib::Request& req, const char* name, int fallback) {
  if (!req.has_param(name)) return fallback;
  try {
    return std::stoi(req.get_param_value(name));
  } catch (...) {
    return fallback;
  }
}

void not_found(httplib::Response& res) {
  res.status = 404;
  res.set_content("<html><body>Page not found</body></html>", "text/html");
}

}  // namespace

void FakeThesession::install_routes() {
  using httplib::Request;
  using httplib::Response;
  auto& s = *server_;
  s.set_pre_routing_handler([this](const Request& req, Response&) {
    if (req.path.rfind("/_control", 0) != 0) {
      const int now = ++in_flight_;
      int seen = max_in_flight_;
      while (now > seen && !max_in_flight_.compare_exchange_weak(seen, now)) {
      }
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  s.set_post_routing_handler([this](const Request& req, Response&) {
    if (req.path.rfind("/_control", 0) != 0) --in_flight_;
  });

  // Every API answer goes through here: count it, add latency, apply a fault
  // if one matches; returns true when the fault already answered.
  auto faulted = std::make_shared<std::function<bool(const Request&, Response&, int&)>>(
      [this](const Request& req, Response& res, int& shift) {
        std::string line = req.path;
        std::string query;
        for (const auto& [k, v] : req.params) query += (query.empty() ? "?" : "&") + k + "=" + v;
        {
          std::lock_guard<std::mutex> lock(mutex_);
          requests_.push_back(line + query);
        }
        if (options_.latency_ms > 0) sleep_unless_stopping(options_.latency_ms);
        FaultRule rule;
        if (!take_fault(req.path, int_param(req, "page", 1), rule)) return false;
        if (rule.fault == "delay") {
          sleep_unless_stopping(rule.delay_ms);
          return false;
        }
        if (rule.fault == "shift") {
          shift = rule.amount;
          return false;
        }
        if (rule.fault == "timeout") {
          sleep_unless_stopping(rule.delay_ms > 0 ? rule.delay_ms : 30000);
          res.status = 504;
          return true;
        }
        if (rule.fault == "status") {
          res.status = rule.status;
          if (rule.retry_after_s >= 0) res.set_header("Retry-After", std::to_string(rule.retry_after_s));
          res.set_content("<html><body>Error " + std::to_string(rule.status) + "</body></html>", "text/html");
          return true;
        }
        if (rule.fault == "malformed") {
          res.set_content("{\"format\":\"json\",\"pages\":1,\"tunes\":[{\"id\":1,", "application/json");
          return true;
        }
        if (rule.fault == "no_tunes") {
          res.set_content(R"({"format":"json","pages":1,"page":1,"total":0,"member":{"id":1}})", "application/json");
          return true;
        }
        if (rule.fault == "reset") {
          // Promise 1000 bytes, send a few, then drop the connection.
          res.set_content_provider(1000, "application/json", [](size_t offset, size_t, httplib::DataSink& sink) {
            if (offset == 0) sink.write("{\"tunes\":[", 10);
            return false;
          });
          return true;
        }
        if (rule.fault == "huge") {
          const size_t megabytes = static_cast<size_t>(rule.amount > 0 ? rule.amount : 64);
          const size_t total = megabytes << 20;
          res.set_content_provider(total, "application/json", [total](size_t offset, size_t, httplib::DataSink& sink) {
            // Valid JSON of `total` bytes: a head, padding, a tail.
            static const std::string head = R"({"format":"json","pages":1,"tunes":[],"padding":")";
            static const std::string tail = "\"}";
            std::string chunk;
            const size_t want = std::min<size_t>(65536, total - offset);
            chunk.reserve(want);
            for (size_t pos = offset; pos < offset + want; ++pos) {
              if (pos < head.size()) chunk.push_back(head[pos]);
              else if (pos >= total - tail.size()) chunk.push_back(tail[pos - (total - tail.size())]);
              else chunk.push_back('x');
            }
            return sink.write(chunk.data(), chunk.size());
          });
          return true;
        }
        return false;
      });

  s.Get(R"(/members/(\d+)/tunebook)", [this, faulted](const Request& req, Response& res) {
    int shift = 0;
    if ((*faulted)(req, res, shift)) return;
    if (req.get_param_value("format") != "json") return not_found(res);
    const int64_t member = std::stoll(req.matches[1]);
    if (!member_exists(member)) return not_found(res);
    const int per_page = std::clamp(int_param(req, "perpage", options_.default_per_page), 1, options_.max_per_page);
    const int page = std::max(1, int_param(req, "page", 1));
    res.set_content(tunebook_page_json(member, page, per_page, shift), "application/json");
  });
  s.Get(R"(/members/(\d+)/sets)", [this, faulted](const Request& req, Response& res) {
    int shift = 0;
    if ((*faulted)(req, res, shift)) return;
    if (req.get_param_value("format") != "json") return not_found(res);
    const int64_t member = std::stoll(req.matches[1]);
    if (!member_exists(member)) return not_found(res);
    const int per_page = std::clamp(int_param(req, "perpage", options_.default_per_page), 1, options_.max_per_page);
    const int page = std::max(1, int_param(req, "page", 1));
    res.set_content(sets_page_json(member, page, per_page, shift), "application/json");
  });
  s.Get(R"(/members/(\d+))", [faulted](const Request& req, Response& res) {
    int shift = 0;
    if ((*faulted)(req, res, shift)) return;
    const int64_t member = std::stoll(req.matches[1]);
    if (!member_exists(member) || req.get_param_value("format") != "json") return not_found(res);
    res.set_content(member_json(member), "application/json");
  });
  s.Get(R"(/tunes/search)", [this, faulted](const Request& req, Response& res) {
    int shift = 0;
    if ((*faulted)(req, res, shift)) return;
    if (req.get_param_value("format") != "json") return not_found(res);
    const int per_page = std::clamp(int_param(req, "perpage", options_.default_per_page), 1, options_.max_per_page);
    res.set_content(search_json(req.get_param_value("q"), req.get_param_value("type"),
                                std::max(1, int_param(req, "page", 1)), per_page),
                    "application/json");
  });
  s.Get(R"(/tunes/(\d+))", [faulted](const Request& req, Response& res) {
    int shift = 0;
    if ((*faulted)(req, res, shift)) return;
    const int64_t id = std::stoll(req.matches[1]);
    if (id > kMergedOffset && id - kMergedOffset <= kTuneCount) {
      res.status = 301;
      res.set_header("Location", "/tunes/" + std::to_string(id - kMergedOffset) + "?format=json");
      return;
    }
    if (id < 1 || id > kTuneCount || req.get_param_value("format") != "json") return not_found(res);
    res.set_content(tune_json(id), "application/json");
  });

  // The control endpoint: tests and scripts set faults and read counts.
  s.Post("/_control/faults", [this](const Request& req, Response& res) {
    try {
      const json body = json::parse(req.body);
      if (body.is_array()) {
        for (const auto& rule : body) add_fault(fault_from_json(rule.dump()));
      } else {
        add_fault(fault_from_json(req.body));
      }
      res.set_content(R"({"ok":true})", "application/json");
    } catch (const std::exception& e) {
      res.status = 400;
      res.set_content(json{{"error", e.what()}}.dump(), "application/json");
    }
  });
  s.Delete("/_control/faults", [this](const Request&, Response& res) {
    clear_faults();
    res.set_content(R"({"ok":true})", "application/json");
  });
  s.Get("/_control/stats", [this](const Request&, Response& res) {
    res.set_content(json{{"requests", request_count()}, {"paths", requests()}}.dump(), "application/json");
  });
  // Which tune ids to open for a given kind of tune (see examples_json()).
  s.Get("/_control/examples", [](const Request&, Response& res) {
    res.set_content(examples_json(), "application/json");
  });
  s.Post("/_control/reset", [this](const Request&, Response& res) {
    clear_faults();
    reset_counts();
    res.set_content(R"({"ok":true})", "application/json");
  });
}

}  // namespace tt::fake
