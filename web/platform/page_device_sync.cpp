#include "web/platform/page_device_sync.h"

#include <map>
#include <memory>
#include <optional>
#include <vector>

#include "shell/device_sync.h"
#include "shell/http_transport.h"
#include "web/platform/browser.h"

namespace tt::web {
namespace {

// Request and timer ids of their own, far above the update's (its one
// sequence counts up from 1), so an answer finds its way by id alone.
constexpr int kFirstId = 1 << 30;
// A snapshot of a large collection over a phone's upload can take a while.
constexpr int kRequestTimeoutMs = 120000;

class FetchTransport : public HttpTransport {
 public:
  void send(const HttpRequest& request, std::function<void(HttpOutcome)> answered) override {
    const int id = next_id_++;
    requests_[id] = std::move(answered);
    send_http(id, request, kRequestTimeoutMs, true);  // a folder's files as they are now, never a cached copy
  }
  void wait(int64_t ms, std::function<void(bool)> waited) override {
    const int id = next_id_++;
    timers_[id] = std::move(waited);
    set_timer(id, static_cast<int>(ms));
  }
  bool answered(int id, const HttpOutcome& outcome) { return call(requests_, id, outcome); }
  bool fired(int id) { return call(timers_, id, true); }

 private:
  template <typename Callbacks, typename Value>
  static bool call(Callbacks& callbacks, int id, const Value& value) {
    const auto it = callbacks.find(id);
    if (it == callbacks.end()) return false;
    auto callback = std::move(it->second);
    callbacks.erase(it);
    callback(value);
    return true;
  }
  int next_id_ = kFirstId;
  std::map<int, std::function<void(HttpOutcome)>> requests_;
  std::map<int, std::function<void(bool)>> timers_;
};

struct RunningSync {
  std::optional<WebDavFolder> folder;
  std::optional<Task<DeviceSyncReport>> task;
};

std::shared_ptr<FetchTransport> g_transport = std::make_shared<FetchTransport>();
std::unique_ptr<RunningSync> g_running;
// A sync that has ended is destroyed only once control is back in the
// browser's callback: it ends inside its own coroutine, which must not be
// destroyed from within.
std::vector<std::unique_ptr<RunningSync>> g_ended;
int g_depth = 0;  // answers being handled (a task may end, and another start, inside one)

void forget_ended() {
  if (g_depth == 0) g_ended.clear();
}

std::string failure_word(WebDavFailure failure) {
  switch (failure) {
    case WebDavFailure::None: return "";
    case WebDavFailure::Credentials: return "credentials";
    case WebDavFailure::Missing: return "missing";
    case WebDavFailure::Full: return "full";
    case WebDavFailure::Unavailable: return "unavailable";
    case WebDavFailure::Refused: return "refused";
  }
  return "other";
}

DevicesSyncOutcome outcome_of(Store& store, const DeviceSyncReport& r) {
  DevicesSyncOutcome out;
  out.failure = failure_word(r.error.failure);
  out.message = r.error.message;
  out.changes_sent = r.changes_sent;
  out.changes_received = r.changes_received;
  out.files_fetched = r.files_fetched;
  out.wrote_here = r.wrote_here;
  out.refused = r.refused;
  const std::string me = store.device_id();
  if (const auto mine = r.devices.find(me); mine != r.devices.end()) out.devices.push_back(mine->second);
  for (const auto& [id, name] : r.devices) {
    if (id != me) out.devices.push_back(name);
  }
  for (const NotesConflict& c : r.conflicts) {
    const auto entry = store.entry(c.tune_id);
    const auto from = r.devices.find(c.kept_device);
    out.conflicts.push_back({c.tune_id, entry ? entry->name : "tune " + std::to_string(c.tune_id),
                             from != r.devices.end() ? from->second : c.kept_device,
                             static_cast<double>(c.kept_at_ms)});
  }
  out.requests = r.traffic.requests;
  out.bytes_sent = r.traffic.bytes_sent;
  out.bytes_received = r.traffic.bytes_received;
  return out;
}

}  // namespace

void start_device_sync(Store& store, const effect::SyncDevices& sync, std::function<void(int)> progress,
                       std::function<void(DevicesSyncOutcome)> done) {
  forget_ended();
  if (g_running) {
    // Never two at once: a second would replace the first while its request is out.
    DevicesSyncOutcome busy;
    busy.failure = "other";
    busy.message = "A device sync is already running; this one was not started.";
    done(busy);
    return;
  }
  std::string error;
  auto folder = WebDavFolder::open({sync.folder_url, sync.user, sync.password}, error, g_transport);
  if (!folder) {
    DevicesSyncOutcome refused;
    refused.failure = "address";
    refused.message = "The folder's address is not usable: " + error;
    done(refused);
    return;
  }
  auto running = std::make_unique<RunningSync>();
  running->folder.emplace(std::move(*folder));
  DeviceSyncOptions options;
  options.device_name = sync.device_name;
  options.now_ms = static_cast<int64_t>(sync.now_ms);
  options.nonce = random_nonce();
  options.on_file_fetched = std::move(progress);
  running->task.emplace(sync_devices(store, *running->folder, std::move(options)));
  RunningSync* self = running.get();
  g_running = std::move(running);
  ++g_depth;
  self->task->start([self, &store, done = std::move(done)] {
    DevicesSyncOutcome outcome;
    try {
      outcome = outcome_of(store, self->task->result());
    } catch (const std::exception& e) {
      outcome.failure = "other";
      outcome.message = std::string("The device sync stopped: ") + e.what();
    }
    g_ended.push_back(std::move(g_running));
    done(outcome);
  });
  --g_depth;
}

bool device_sync_answered(int id, const HttpOutcome& outcome) {
  ++g_depth;
  const bool ours = g_transport->answered(id, outcome);
  --g_depth;
  forget_ended();
  return ours;
}

bool device_sync_timer_fired(int id) {
  ++g_depth;
  const bool ours = g_transport->fired(id);
  --g_depth;
  forget_ended();
  return ours;
}

}  // namespace tt::web
