// Keeping every collected tune's music for offline (web/model/offline_music_model.h):
// a pass through the collection in tune-id order asks for the details of
// each tune whose music is not kept yet, kMusicAsking at a time, through the
// proxy (whose cache answers what was asked before), and keeps each answer
// in the store. It waits while the page is offline, while a sync runs, in a
// read-only tab and before the store is open; a failure that may pass (the
// proxy or thesession.org unreachable or busy) stops it for a wait that
// doubles each time; a tune that is not there is left out until the next
// session. The store says what is kept, so a reload goes on where it was.
#include <algorithm>

#include "core/http_outcome.h"
#include "core/retry_policy.h"
#include "core/thesession_api.h"
#include "shell/actions/settings_actions.h"
#include "shell/actions/tune_actions.h"
#include "web/update/update_context.h"

namespace tt::web {
namespace {

// A device setting ("keep." stays on this device): the phone may say no.
constexpr const char* kOfflineMusicSetting = "keep.offline_music";
constexpr size_t kMusicAsking = 2;               // requests in flight at most: polite to thesession.org
// After a failure that may pass: 15 s, doubling up to 10 min (the product's
// backoff rule, core/retry_policy.h, with waits for a background task).
const RetryPolicy kMusicWaits{true, 1, 15'000, 2.0, 10 * 60'000};

// Why nothing may be asked now, or "".
std::string pause_reason(const Context& c) {
  const Model& m = c.model;
  if (!c.services.store || !m.ready || m.storage_unavailable) return "the collection is not open yet";
  if (!m.owns_database) return "another tab keeps it";
  if (!m.offline_music.enabled) return "turned off";
  if (m.app.offline || !m.app.browser_online) return "offline";
  if (m.syncing) return "a sync runs";
  if (c.now < m.offline_music.resume_at_ms) return "thesession.org could not be reached; trying again soon";
  return "";
}

void count(Context& c) {
  OfflineMusic& music = c.model.offline_music;
  const auto kept = c.services.store->music_kept();
  music.kept = kept.kept;
  music.total = kept.total;
  music.counted = true;
}

// Asks for the next tunes of the pass until kMusicAsking are in flight.
void ask_more(Context& c) {
  OfflineMusic& music = c.model.offline_music;
  while (music.asking.size() < kMusicAsking && !music.pass_done) {
    // A few more than the free places: some may be asked for already (the
    // open tune), or refused this session (the loop goes on past them).
    const std::vector<int64_t> next = c.services.store->collected_without_music(music.after, 8);
    if (next.empty()) {
      music.pass_done = true;
      return;
    }
    for (const int64_t tune : next) {
      music.after = tune;
      if (music.not_kept.count(tune) || c.model.details_requests.count(tune)) continue;
      request_details(c, tune);
      music.asking.insert(tune);
      music.keep_only.insert(tune);
      if (music.asking.size() >= kMusicAsking) return;
    }
  }
}

// A failure that may pass: wait, longer each time, then go on.
void wait_after_failure(Context& c) {
  OfflineMusic& music = c.model.offline_music;
  const int64_t wait = kMusicWaits.backoff_before(std::min(music.waits, 30) + 2);
  ++music.waits;
  music.resume_at_ms = c.now + static_cast<double>(wait);
  music.timer = c.model.next_id++;
  c.out.push_back(effect::StartTimer{music.timer, wait});
}

}  // namespace

bool on_music_answer(Context& c, int64_t tune, const HttpOutcome& outcome, const TuneDetailsParse& parsed) {
  OfflineMusic& music = c.model.offline_music;
  if (!music.asking.erase(tune)) return false;
  const bool keep_only = music.keep_only.erase(tune) > 0;
  const FailureClass failure = classify(outcome);
  if (failure == FailureClass::Transient || failure == FailureClass::Offline) {
    // Asked again once the wait is over: the pass goes back to it.
    music.after = std::min(music.after, tune - 1);
    music.pass_done = false;
    if (c.now >= music.resume_at_ms) wait_after_failure(c);
    return keep_only;
  }
  if (failure != FailureClass::None || !parsed.tune) {
    music.not_kept.insert(tune);  // not there, or not readable: asking again this session will not help
    return keep_only;
  }
  // Reachable again: the next failure waits the shortest time. (An answer
  // to a request made before the last failure, arriving during its wait, says nothing new.)
  if (c.now >= music.resume_at_ms) music.waits = 0;
  if (!keep_only) return false;  // the page keeps them (on_details_answer), and counts again
  if (!c.services.store || !c.model.owns_database) return true;
  TuneDetails details = *parsed.tune;
  details.id = tune;  // a merged tune stays under the id the musician has
  c.apply(actions::keep_tune_details(*c.services.store, details).changed);
  count(c);
  return true;
}

bool on_music_timer(Context& c, uint64_t id) {
  if (id == 0 || id != c.model.offline_music.timer) return false;
  c.model.offline_music.timer = 0;
  c.model.offline_music.resume_at_ms = 0;  // the wait is over; follow_offline_music goes on
  return true;
}

void restart_offline_music(Model& model) {
  OfflineMusic& music = model.offline_music;
  music.counted = false;
  music.pass_done = false;
  music.after = 0;
}

void handle_offline_music(Context& c, const Event& event) {
  OfflineMusic& music = c.model.offline_music;
  if (std::holds_alternative<event::StorageLoaded>(event) || std::holds_alternative<event::StorageReloaded>(event)) {
    if (!c.services.store) return;
    if (const auto v = c.services.store->setting(kOfflineMusicSetting)) music.enabled = *v != "0";
  } else if (const auto* e = std::get_if<event::SetOfflineMusic>(&event)) {
    music.enabled = e->on;  // what is in flight is still kept
    if (e->on) restart_offline_music(c.model);
    if (c.services.store && c.model.owns_database) {
      c.apply(actions::change_setting(*c.services.store, kOfflineMusicSetting, e->on ? "1" : "0").changed);
    }
  }
}

void follow_offline_music(Context& c) {
  OfflineMusic& music = c.model.offline_music;
  // Counted whenever the collection is open, waiting or not: offline is when
  // the musician most wants to know how much music is kept.
  if (!music.counted && c.services.store && c.model.ready && !c.model.storage_unavailable) count(c);
  music.paused = pause_reason(c);
  if (!music.paused.empty()) return;
  ask_more(c);
}

}  // namespace tt::web
