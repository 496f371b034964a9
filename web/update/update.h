#pragma once
// The page's logic: `update` takes the model and one event, changes the
// model, and returns what the browser should do (effects). No Emscripten
// here: it builds and is tested natively (tests/integration/web_*_test.cpp).
//
// Besides the model it uses `Services`: the database (SQLite, in memory in
// the browser, synchronous) and the sync session. They hold state that is not
// a plain value (an open database, a running engine); keeping them beside the
// model rather than faking them as effects keeps each keystroke synchronous.
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "shell/store.h"
#include "shell/sync_session.h"
#include "web/model/effect.h"
#include "web/model/event.h"
#include "web/model/model.h"

namespace tt::web {

// The sync session's transport in the page: its fetches and timers become
// effects, with ids from the model's one id sequence.
class EffectTransport : public SyncTransport {
 public:
  void bind(Model* model, std::vector<Effect>* out) { model_ = model; out_ = out; }
  uint64_t fetch(const std::string& url) override;
  void abort(uint64_t request_id) override;
  uint64_t start_timer(int64_t delay_ms) override;
  void cancel_timer(uint64_t timer_id) override;

 private:
  Model* model_ = nullptr;
  std::vector<Effect>* out_ = nullptr;
};

struct Services {
  Services(std::string db_path, std::function<double()> clock_ms)
      : db_path(std::move(db_path)), now_ms(std::move(clock_ms)) {}
  std::string db_path;                // the database file (on the IndexedDB mount in the browser)
  std::function<double()> now_ms;     // epoch milliseconds; a fake clock in tests
  std::function<int()> utc_offset_minutes = [] { return 0; };  // the device's zone now (it can change: DST, travel)
  // The page: its file is in memory, it is the one connection, and a save is
  // one IndexedDB transaction, so the store keeps its rollback journal in
  // memory and its lock (Store::tune_for_in_memory_file). Natively, neither.
  bool journal_in_memory = false;
  std::unique_ptr<Store> store;
  EffectTransport transport;
  SyncSession sync{transport};
};

std::vector<Effect> update(Model& model, Services& services, const Event& event);

}  // namespace tt::web
