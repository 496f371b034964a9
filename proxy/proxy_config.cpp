#include "proxy/proxy_config.h"

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <map>
#include <stdexcept>

#include "core/client_address.h"
#include "core/parse_number.h"
#include "core/url.h"

namespace tt::proxy {
namespace {

struct Flag {
  std::string help;
  std::function<void(ProxyConfig&, const std::string&)> set;
  bool is_switch = false;  // takes no value on the command line ("--no-collapse")
};

// The project's one number parser (core/parse_number.h): the whole text, within bounds.
int to_int(const std::string& name, const std::string& v, int min, int max) {
  const auto n = parse_int(v, min, max);
  if (!n) {
    throw std::invalid_argument("--" + name + " must be a whole number from " + std::to_string(min) + " to " +
                                std::to_string(max) + ", not " + quote_excerpt(v));
  }
  return static_cast<int>(n.value);
}

double to_double(const std::string& name, const std::string& v) {
  const auto d = parse_decimal(v, 0, 1e6);
  if (!d) throw std::invalid_argument("--" + name + " must be a number >= 0, not " + quote_excerpt(v));
  return d.value;
}

// An origin (scheme://host[:port], no path) read by the one strict URL parser
// and kept as browsers print it ("HTTPS://Tunes.Example.org/" is
// "https://tunes.example.org"), so comparing it with a request's Origin or a
// redirect's origin means comparing the same spelling.
std::string to_origin(const std::string& name, const std::string& v) {
  const auto url = parse_url(v);
  if (!url) throw std::invalid_argument("--" + name + ": " + url.error);
  if (url->target != "/") throw std::invalid_argument("--" + name + " takes an origin without a path or query, not " + quote_excerpt(v, 100));
  return url->origin();
}

// A switch's value: "" (given on the command line) or an environment value.
bool to_switch(const std::string& name, const std::string& v) {
  if (v.empty() || v == "1" || v == "true" || v == "yes") return true;
  if (v == "0" || v == "false" || v == "no") return false;
  throw std::invalid_argument("--" + name + " takes no value (its environment variable: 1 or 0), not " + quote_excerpt(v));
}

const std::map<std::string, Flag>& flags() {
  static const std::map<std::string, Flag> table = {
      {"port", {"PORT to listen on (8080)", [](ProxyConfig& c, const std::string& v) { c.port = to_int("port", v, 0, 65535); }}},
      {"bind", {"ADDR to bind (127.0.0.1; 0.0.0.0 to serve your network)", [](ProxyConfig& c, const std::string& v) { c.bind = v; }}},
      {"upstream", {"URL of thesession.org (https://thesession.org)", [](ProxyConfig& c, const std::string& v) { c.upstream = to_origin("upstream", v); }}},
      {"web", {"DIR with the built web app to serve (build/wasm/web)", [](ProxyConfig& c, const std::string& v) { c.web_dir = v; }}},
      {"allow-origin", {"ORIGIN allowed to call the API from another site (repeatable; same origin always works)",
                        [](ProxyConfig& c, const std::string& v) { c.allow_origins.push_back(to_origin("allow-origin", v)); }}},
      {"trust-forwarded-for", {"CIDR of a proxy in front whose X-Forwarded-For names the client (repeatable; off)",
                               [](ProxyConfig& c, const std::string& v) {
                                 if (!parse_cidr(v)) throw std::invalid_argument("--trust-forwarded-for needs an address or CIDR range (10.0.0.0/8), not " + quote_excerpt(v));
                                 c.trust_forwarded_for.push_back(v);
                               }}},
      {"connect-timeout-ms", {"upstream connect timeout (5000)", [](ProxyConfig& c, const std::string& v) { c.connect_timeout_ms = to_int("connect-timeout-ms", v, 1, 600000); }}},
      {"read-timeout-ms", {"upstream read timeout (15000)", [](ProxyConfig& c, const std::string& v) { c.read_timeout_ms = to_int("read-timeout-ms", v, 1, 600000); }}},
      {"retry-attempts", {"attempts per upstream call, transient failures only (1: the client retries)", [](ProxyConfig& c, const std::string& v) { c.retry_attempts = to_int("retry-attempts", v, 1, 10); }}},
      {"retry-delay-ms", {"first backoff, doubled each retry (500)", [](ProxyConfig& c, const std::string& v) { c.retry_delay_ms = to_int("retry-delay-ms", v, 0, 60000); }}},
      {"deadline-ms", {"total time for all attempts of one request (25000)", [](ProxyConfig& c, const std::string& v) { c.deadline_ms = to_int("deadline-ms", v, 1, 600000); }}},
      {"max-body-bytes", {"largest upstream answer accepted (4194304)", [](ProxyConfig& c, const std::string& v) { c.max_body_bytes = to_int("max-body-bytes", v, 1024, 1 << 30); }}},
      {"max-upstream", {"concurrent upstream requests (4)", [](ProxyConfig& c, const std::string& v) { c.max_upstream = to_int("max-upstream", v, 1, 64); }}},
      {"max-upstream-rps", {"upstream requests started per second, queued beyond (10; 0 = no cap)", [](ProxyConfig& c, const std::string& v) { c.max_upstream_rps = to_double("max-upstream-rps", v); }}},
      {"no-collapse", {"forward concurrent misses for one URL separately (off: they share one request)", [](ProxyConfig& c, const std::string& v) { c.collapse = !to_switch("no-collapse", v); }, true}},
      {"max-waiters", {"requests that may wait on another's upstream call (1024)", [](ProxyConfig& c, const std::string& v) { c.max_waiters = to_int("max-waiters", v, 1, 100000); }}},
      {"swr-s", {"seconds past freshness a copy is answered at once while one refresh runs (30; 0 = off)", [](ProxyConfig& c, const std::string& v) { c.swr_s = to_int("swr-s", v, 0, 86400); }}},
      {"cache-mb", {"response cache size in MB (64; 0 = off)", [](ProxyConfig& c, const std::string& v) { c.cache_bytes = static_cast<int64_t>(to_int("cache-mb", v, 0, 4096)) << 20; }}},
      {"tunebook-ttl-s", {"seconds a tunebook page stays fresh (60)", [](ProxyConfig& c, const std::string& v) { c.tunebook_ttl_s = to_int("tunebook-ttl-s", v, 0, 86400 * 30); }}},
      {"tune-ttl-s", {"seconds a tune stays fresh (86400)", [](ProxyConfig& c, const std::string& v) { c.tune_ttl_s = to_int("tune-ttl-s", v, 0, 86400 * 30); }}},
      {"stale-s", {"seconds an expired copy may be served while upstream is down (86400)", [](ProxyConfig& c, const std::string& v) { c.stale_s = to_int("stale-s", v, 0, 86400 * 30); }}},
      {"rate", {"API requests per second per client (20; 0 = no limit)", [](ProxyConfig& c, const std::string& v) { c.rate = to_double("rate", v); }}},
      {"burst", {"requests a client may send at once (100)", [](ProxyConfig& c, const std::string& v) { c.burst = to_double("burst", v); }}},
      {"breaker-failures", {"consecutive upstream failures that open the circuit (5)", [](ProxyConfig& c, const std::string& v) { c.breaker_failures = to_int("breaker-failures", v, 1, 1000); }}},
      {"breaker-cooldown-s", {"seconds the open circuit fails fast (30)", [](ProxyConfig& c, const std::string& v) { c.breaker_cooldown_s = to_int("breaker-cooldown-s", v, 1, 3600); }}},
      {"threads", {"most connections served at once, one worker thread each (1024)", [](ProxyConfig& c, const std::string& v) { c.threads = to_int("threads", v, 1, 16384); }}},
      {"keep-alive-s", {"seconds an idle client connection stays open (2)", [](ProxyConfig& c, const std::string& v) { c.keep_alive_s = to_int("keep-alive-s", v, 1, 300); }}},
      {"header-timeout-s", {"seconds a request head may take to arrive (5)", [](ProxyConfig& c, const std::string& v) { c.header_timeout_s = to_int("header-timeout-s", v, 1, 300); }}},
      {"max-connections-per-client", {"concurrent connections per client address (256; 0 = no cap)", [](ProxyConfig& c, const std::string& v) { c.max_connections_per_client = to_int("max-connections-per-client", v, 0, 100000); }}},
      {"listen-backlog", {"pending connections the kernel may queue (1024)", [](ProxyConfig& c, const std::string& v) { c.listen_backlog = to_int("listen-backlog", v, 1, 65535); }}},
      {"access-log", {"where access lines go: - (stderr), off, or a FILE (-)", [](ProxyConfig& c, const std::string& v) { c.access_log = v; }}},
  };
  return table;
}

// Repeatable flags; their environment variables take comma-separated lists.
bool is_list_flag(const std::string& name) { return name == "allow-origin" || name == "trust-forwarded-for"; }

std::string env_name(const std::string& flag) {
  std::string name = "TUNETRACK_PROXY_";
  for (char c : flag) name.push_back(c == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  return name;
}

}  // namespace

std::string proxy_usage() {
  std::string text =
      "usage: tunetrack-proxy [--port PORT] [--upstream URL] [--web DIR] [--bind ADDR] [--allow-origin ORIGIN]...\n"
      "                       [tuning flags]\n\n"
      "Serves the tunetrack web app and forwards its thesession.org API calls (and nothing else).\n"
      "Every flag can also be set in the environment as TUNETRACK_PROXY_<FLAG> (e.g. TUNETRACK_PROXY_PORT=9000);\n"
      "flags win over the environment. Repeatable flags' variables take comma-separated lists.\n\nflags:\n";
  // One column for the help, past the longest flag: a name is never cut.
  size_t column = std::string("  --help").size();
  for (const auto& entry : flags()) column = std::max(column, 4 + entry.first.size());
  column += 2;
  const auto line = [column](const std::string& name, const std::string& help) {
    std::string left = "  --" + name;
    left.resize(column, ' ');
    return left + help + "\n";
  };
  for (const auto& [name, flag] : flags()) text += line(name, flag.help);
  text += line("help", "this text");
  return text;
}

ProxyConfig parse_proxy_config(int argc, char** argv, bool& help) {
  ProxyConfig config;
  help = false;
  for (const auto& [name, flag] : flags()) {
    const char* value = std::getenv(env_name(name).c_str());
    if (!value || !*value) continue;
    if (is_list_flag(name)) {
      std::string list = value;
      size_t start = 0;
      while (start <= list.size()) {
        const size_t comma = list.find(',', start);
        const std::string item = list.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (!item.empty()) flag.set(config, item);
        if (comma == std::string::npos) break;
        start = comma + 1;
      }
    } else {
      flag.set(config, value);
    }
  }
  std::vector<std::string> lists_from_flags;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      help = true;
      return config;
    }
    if (arg.rfind("--", 0) != 0) throw std::invalid_argument("unexpected argument '" + arg + "'");
    std::string name = arg.substr(2), value;
    if (const auto eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
    }
    const auto it = flags().find(name);
    if (it == flags().end()) throw std::invalid_argument("unknown flag --" + name);
    if (arg.find('=') == std::string::npos && !it->second.is_switch) {
      if (i + 1 >= argc) throw std::invalid_argument("--" + name + " needs a value");
      value = argv[++i];
    }
    if (is_list_flag(name) && std::find(lists_from_flags.begin(), lists_from_flags.end(), name) == lists_from_flags.end()) {
      // Flags replace the environment's list.
      (name == "allow-origin" ? config.allow_origins : config.trust_forwarded_for).clear();
      lists_from_flags.push_back(name);
    }
    it->second.set(config, value);
  }
  return config;
}

}  // namespace tt::proxy
