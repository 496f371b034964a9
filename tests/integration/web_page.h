#pragma once
// The page's logic driven natively: a Model and Services on a real database
// file, events dispatched one at a time, the effects it asks for recorded,
// and a fake clock. What the browser would answer, the test answers.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/integration/test_support.h"
#include "web/model/snapshot.h"
#include "web/screens/ui.h"
#include "web/update/update.h"

namespace tt::testing {

class WebPage {
 public:
  WebPage() : services(dir.path("tunetrack.db"), [this] { return clock; }) { model.proxy = "http://proxy"; }

  // Dispatches one event; returns (and keeps) the effects it asked for.
  const std::vector<web::Effect>& dispatch(const web::Event& e) {
    effects = web::update(model, services, e);
    for (const auto& effect : effects) {
      if (const auto* f = std::get_if<web::effect::Fetch>(&effect)) outstanding.push_back(*f);
      if (const auto* a = std::get_if<web::effect::AbortFetch>(&effect)) aborted.push_back(a->id);
      if (const auto* t = std::get_if<web::effect::StartTimer>(&effect)) timers.push_back(*t);
      if (std::holds_alternative<web::effect::Save>(effect)) ++saves;
      if (const auto* s = std::get_if<web::effect::SyncDevices>(&effect)) device_syncs.push_back(*s);
    }
    return effects;
  }

  // Loads storage (or fails to), takes the lock, answers /healthz.
  void open(int lock_state = 1, const std::string& storage_error = "") {
    dispatch(web::event::StorageLoaded{storage_error});
    dispatch(web::event::UrlChanged{fragment});
    dispatch(web::event::LockChanged{lock_state});
    answer("/healthz", ok(R"({"version":"0.1.0","upstream":{"state":"closed"}})"));
  }

  // Answers the oldest outstanding fetch whose URL contains `part`.
  void answer(const std::string& part, const HttpOutcome& outcome) {
    for (auto it = outstanding.begin(); it != outstanding.end(); ++it) {
      if (it->url.find(part) != std::string::npos) {
        const uint64_t id = it->id;
        outstanding.erase(it);
        dispatch(web::event::FetchDone{id, outcome});
        return;
      }
    }
    ADD_FAILURE() << "no outstanding fetch for " << part;
  }
  bool has_fetch(const std::string& part) const {
    for (const auto& f : outstanding) {
      if (f.url.find(part) != std::string::npos) return true;
    }
    return false;
  }
  // Lets `ms` pass and fires the timers due by then (a retry's wait, the apply's turn).
  void pass(double ms) {
    clock += ms;
    dispatch(web::event::Tick{});
    std::vector<web::effect::StartTimer> due;
    for (auto it = timers.begin(); it != timers.end();) {
      if (it->delay_ms <= ms) {
        due.push_back(*it);
        it = timers.erase(it);
      } else {
        it->delay_ms -= static_cast<int64_t>(ms);
        ++it;
      }
    }
    for (const auto& t : due) dispatch(web::event::TimerFired{t.id});
  }

  // window.tunetrack.snapshot() as the page would give it now.
  nlohmann::json snapshot() const {
    return nlohmann::json::parse(web::snapshot_json(model, web::Ui{}, 1.0, web::FrameProgress{}));
  }

  template <typename T>
  std::vector<T> effects_of() const {
    std::vector<T> out;
    for (const auto& e : effects) {
      if (const auto* t = std::get_if<T>(&e)) out.push_back(*t);
    }
    return out;
  }

  static HttpOutcome ok(std::string body) {
    HttpOutcome o;
    o.status = 200;
    o.body = std::move(body);
    return o;
  }
  static HttpOutcome status(int code) {
    HttpOutcome o;
    o.status = code;
    return o;
  }

  TempDir dir;
  double clock = 1.7e12;
  std::string fragment;
  web::Model model;
  web::Services services;
  std::vector<web::Effect> effects;  // of the last dispatch
  std::vector<web::effect::Fetch> outstanding;
  std::vector<web::effect::StartTimer> timers;
  std::vector<uint64_t> aborted;
  int saves = 0;
  std::vector<web::effect::SyncDevices> device_syncs;  // every one asked for
};

}  // namespace tt::testing
