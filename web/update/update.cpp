// The dispatcher: every event goes to the concern that owns it; answers and
// timers are routed by what they were for. Shared steps live here too.
#include <type_traits>

#include "web/update/update_context.h"

namespace tt::web {

uint64_t register_fetch(Model& model, std::vector<Effect>& out, Purpose purpose, const std::string& url,
                        int timeout_ms) {
  const uint64_t id = model.next_id++;
  model.requests[id] = purpose;
  // Every request goes to the proxy: its /healthz tells "offline" from a dropped answer.
  out.push_back(effect::Fetch{id, url, timeout_ms, model.proxy + "/healthz"});
  return id;
}

uint64_t EffectTransport::fetch(const std::string& url) {
  return register_fetch(*model_, *out_, Purpose::Sync, url, kSyncFetchTimeoutMs);
}

void EffectTransport::abort(uint64_t request_id) {
  model_->requests.erase(request_id);
  out_->push_back(effect::AbortFetch{request_id});
}

uint64_t EffectTransport::start_timer(int64_t delay_ms) {
  const uint64_t id = model_->next_id++;
  model_->sync_timers.insert(id);
  out_->push_back(effect::StartTimer{id, delay_ms});
  return id;
}

void EffectTransport::cancel_timer(uint64_t timer_id) {
  model_->sync_timers.erase(timer_id);
  out_->push_back(effect::CancelTimer{timer_id});
}

uint64_t Context::fetch(Purpose purpose, const std::string& url, int timeout_ms) {
  return register_fetch(model, out, purpose, url, timeout_ms);
}

void Context::banner(Banner::Kind kind, std::string text) {
  for (const auto& b : model.banners) {
    if (b.text == text) return;
  }
  model.banners.push_back({kind, std::move(text)});
}

void Context::save(bool is_change) {
  if (model.storage_unavailable) return;
  if (is_change) {
    note_change(*this);  // for the export reminder
    model.change_to_announce = true;
  }
  if (model.unsaved_since_ms == 0) model.unsaved_since_ms = now;
  if (model.saving) {
    model.save_again = true;  // one more save when this one finishes
    return;
  }
  model.saving = true;
  model.saving_since_ms = model.unsaved_since_ms;
  model.unsaved_since_ms = 0;
  out.push_back(effect::Save{});
}

void Context::apply(const actions::Changed& changed) {
  if (!changed.any()) return;
  actions::Changed also = changed;
  try {
    if (changed.collection) {
      reload_collection();
    } else if (changed.entry != 0) {
      refresh_entry(changed.entry);
    }
    if (changed.sets) reload_sets();
    if (changed.practice) {
      also |= refresh_practice(*this);  // it may keep the day's queue: one save for both
    } else {
      if (changed.ratings) also |= refresh_todays_ratings(*this);
      if (changed.learn_status) refresh_learning_progress(*this);
    }
  } catch (...) {
    // The change is committed: it reaches IndexedDB even when reading it back fails.
    save(changed.musician_change);
    throw;
  }
  save(also.musician_change);
  if (also.musician_change) devices_after_change(*this);  // the musician's other devices get it soon
}

void Context::reload_everything() {
  reload_collection();
  reload_sets();
}

void Context::save_queued() {
  if (model.save_again) {
    model.save_again = false;
    save(false);  // counted when it was asked for
  }
}

bool Context::writable() {
  if (!services.store) return false;
  if (!model.owns_database) {
    banner(Banner::Kind::Warning, "This tab is read-only while tunetrack is open in another tab.");
    return false;
  }
  return true;
}

void Context::reload_collection() {
  restart_offline_music(model);  // tunes may have come or gone: count again, a new pass
  model.collection.reset(services.store ? services.store->list_collection() : std::vector<CollectionEntry>{},
                         model.view.filter, model.sort);
}

void Context::reload_sets() {
  model.sets.all = services.store ? services.store->list_sets() : std::vector<TuneSet>{};
  filter_sets(model.sets);
}

void Context::refresh_entry(int64_t tune_id) {
  if (const auto fresh = services.store->entry(tune_id)) {
    model.collection.replace(*fresh);
  } else {
    reload_collection();
  }
}

namespace {

void route_answer(Context& c, const event::FetchDone& e) {
  const auto it = c.model.requests.find(e.id);
  if (it == c.model.requests.end()) return;  // aborted or superseded: nobody waits for it
  const Purpose purpose = it->second;
  c.model.requests.erase(it);
  switch (purpose) {
    case Purpose::Sync: return on_sync_answer(c, e.id, e.outcome);
    case Purpose::Details: return on_details_answer(c, e.id, e.outcome);
    case Purpose::Search: return on_search_answer(c, e.id, e.outcome);
    case Purpose::Health: return on_health_answer(c, e.outcome);
  }
}

void route_timer(Context& c, const event::TimerFired& e) {
  // The sync's timers and the offline music's wait (debounces ride on
  // Tick); a cancelled or already fired one is dropped.
  if (on_music_timer(c, e.id)) return;
  if (on_devices_timer(c, e.id)) return;
  if (c.model.sync_timers.erase(e.id) == 0) return;
  on_sync_timer(c, e.id);
}

// Points the sync transport at this update's model and effects, and away
// again however the update ends.
class TransportBinding {
 public:
  TransportBinding(EffectTransport& t, Model& m, std::vector<Effect>& out) : t_(t) { t_.bind(&m, &out); }
  ~TransportBinding() { t_.bind(nullptr, nullptr); }
  TransportBinding(const TransportBinding&) = delete;
  TransportBinding& operator=(const TransportBinding&) = delete;

 private:
  EffectTransport& t_;
};

void dispatch(Context& c, const Event& event);

// A number field left (or Enter): its draft becomes the event it stands for.
void commit_number(Context& c, const std::string& field) {
  const auto it = c.model.number_drafts.find(field);
  if (it == c.model.number_drafts.end()) return;
  const int value = it->second;
  c.model.number_drafts.erase(it);
  const Notation& n = c.model.notation;
  const PracticeLimits& limits = c.model.practice.limits;
  if (field == "tempo") {
    dispatch(c, event::SetTempo{value});
  } else if (field == "loop_from" || field == "loop_to") {
    // Emptied (0): no loop. One number alone loops that bar; a range is put
    // in order by SetLoop.
    if (value <= 0) {
      dispatch(c, event::SetLoop{std::nullopt});
      return;
    }
    int from = n.loop ? n.loop->first : value;
    int to = n.loop ? n.loop->second : value;
    (field == "loop_from" ? from : to) = value;
    dispatch(c, event::SetLoop{std::make_pair(from, to)});
  } else if (field == "practice_limit") {
    dispatch(c, event::SetPracticeLimits{value, std::min(limits.new_per_day, std::max(value, 0))});
  } else if (field == "practice_new_limit") {
    dispatch(c, event::SetPracticeLimits{limits.per_day, value});
  }
}

void dispatch(Context& c, const Event& event) {
  std::visit(
      [&](const auto& e) {
        using T = std::decay_t<decltype(e)>;
        if constexpr (std::is_same_v<T, event::FetchDone>) {
          route_answer(c, e);
        } else if constexpr (std::is_same_v<T, event::TimerFired>) {
          route_timer(c, e);
        } else if constexpr (std::is_same_v<T, event::NumberEdited>) {
          c.model.number_drafts[e.field] = e.value;
        } else if constexpr (std::is_same_v<T, event::NumberLeft>) {
          commit_number(c, e.field);
        } else if constexpr (std::is_same_v<T, event::Tick>) {
          collection_tick(c);
          search_tick(c);
        }
      },
      event);
  handle_storage(c, event);
  handle_collection(c, event);
  handle_sync(c, event);
  handle_search(c, event);
  handle_data(c, event);
  handle_notation(c, event);
  handle_incipits(c, event);
  handle_practice(c, event);
  handle_appearance(c, event);
  handle_app(c, event);
  handle_sets(c, event);
  handle_offline_music(c, event);
  handle_devices(c, event);
  follow_open_tune(c);
  follow_set_player(c);
  follow_incipits(c);
  follow_app(c);
  follow_offline_music(c);
  follow_announcements(c.model);
}

}  // namespace

std::vector<Effect> update(Model& model, Services& services, const Event& event) {
  std::vector<Effect> out;
  TransportBinding binding(services.transport, model, out);
  Context c{model, services, out, services.now_ms()};
  model.now_ms = c.now;
  model.utc_offset_minutes = services.utc_offset_minutes();
  try {
    dispatch(c, event);
  } catch (const std::exception& e) {
    // A failing database call (disk full, damage found late): say so, and
    // still hand over the effects decided before it (a save already marked
    // as running must run, or nothing would ever be saved again).
    c.banner(Banner::Kind::Error, std::string("Something went wrong: ") + e.what() +
                                      ". Your saved collection is untouched; export your data or reload the page.");
  }
  return out;
}

std::string Model::notes_shown(int64_t tune_id) const {
  if (notes.dirty && notes.tune_id == tune_id) return notes.text;
  const CollectionEntry* e = entry(tune_id);
  return e ? e->notes : "";
}

}  // namespace tt::web
