#include "shell/sync_session.h"

#include <type_traits>
#include <utility>

namespace tt {

SyncStep SyncSession::start(Store& store, const SyncOptions& options, int64_t now_ms) {
  if (running()) throw SyncProtocolError("SyncSession::start while a sync is running: cancel it first");
  store_ = &store;
  if (options.what == SyncKind::Sets) {
    SyncOptions with_store = options;
    with_store.known_tunes = store.known_tune_ids();
    with_store.known_sets = store.thesession_set_ids();
    engine_ = std::make_unique<SyncEngine>(std::move(with_store));
  } else {
    engine_ = std::make_unique<SyncEngine>(options);
  }
  started_at_ms_ = now_ms;
  recorded_ = false;
  last_result_.reset();
  written_ = {};
  perform(engine_->start(now_ms));
  return step();
}

SyncStep SyncSession::on_response(uint64_t request_id, const HttpOutcome& outcome, int64_t now_ms) {
  const auto it = fetches_.find(request_id);
  if (it == fetches_.end()) return {};  // stale: its sync has ended
  const int engine_id = it->second;
  fetches_.erase(it);
  perform(engine_->on_response(engine_id, outcome, now_ms));
  return step();
}

SyncStep SyncSession::on_timer(uint64_t timer_id, int64_t now_ms) {
  if (pending_apply_ && timer_id == apply_timer_) {
    perform(apply(now_ms));
    return step();
  }
  const auto it = timers_.find(timer_id);
  if (it == timers_.end()) return {};
  const int engine_id = it->second;
  timers_.erase(it);
  perform(engine_->on_timer(engine_id));
  return step();
}

SyncStep SyncSession::cancel(int64_t now_ms) {
  if (!running()) return {};
  perform(engine_->cancel(now_ms));
  return step();
}

SyncStep SyncSession::step() {
  SyncStep done{true, written_};
  written_ = {};
  return done;
}

void SyncSession::perform(std::vector<SyncCommand> commands) {
  for (auto& c : commands) {
    std::visit(
        [&](auto& command) {
          using T = std::decay_t<decltype(command)>;
          if constexpr (std::is_same_v<T, sync::Fetch>) {
            fetches_[transport_.fetch(command.url)] = command.id;
          } else if constexpr (std::is_same_v<T, sync::Wait>) {
            timers_[transport_.start_timer(command.delay_ms)] = command.id;
          } else if constexpr (std::is_same_v<T, sync::Apply> || std::is_same_v<T, sync::ApplySets>) {
            pending_apply_ = std::move(command);
            apply_timer_ = transport_.start_timer(0);
          } else {
            finish(std::move(command.result));
          }
        },
        c);
  }
  report();
}

std::vector<SyncCommand> SyncSession::apply(int64_t now_ms) {
  const auto pending = std::move(*pending_apply_);
  pending_apply_.reset();
  const auto finish = [&](const ApplyOutcome& outcome) { return engine_->result_if_applied(outcome, now_ms); };
  const auto progress = [&](double fraction) {
    engine_->on_apply_progress(fraction);
    report();
  };
  const int64_t member = engine_->options().member_id;
  ApplyOutcome applied;
  try {
    if (const auto* tunebook = std::get_if<sync::Apply>(&pending)) {
      applied = store_->apply_and_record_sync(tunebook->tunes, tunebook->default_status, member, started_at_ms_,
                                              finish, progress);
    } else {
      const auto& sets = std::get<sync::ApplySets>(pending);
      applied = store_->apply_and_record_sets_sync(sets.fetched, sets.default_status, member, started_at_ms_, finish,
                                                   progress);
    }
  } catch (const std::exception& e) {
    return engine_->on_apply_failed(e.what(), now_ms);  // rolled back: nothing was written
  }
  recorded_ = true;
  // Either kind can add tunes (practice's candidates) and change what sets show.
  written_.collection = written_.sets = written_.practice = true;
  return engine_->on_applied(applied, now_ms);
}

void SyncSession::finish(SyncResult result) {
  // Whatever ended the sync, nothing of it may still be running.
  for (const auto& [request_id, engine_id] : fetches_) transport_.abort(request_id);
  for (const auto& [timer_id, engine_id] : timers_) transport_.cancel_timer(timer_id);
  if (pending_apply_) transport_.cancel_timer(apply_timer_);
  pending_apply_.reset();
  fetches_.clear();
  timers_.clear();
  if (!recorded_) {
    try {
      store_->record_sync_run(engine_->options().member_id, started_at_ms_, result);
      written_.history = true;
    } catch (const std::exception& e) {
      // The sync's own outcome stands; say that its history line is missing.
      result.errors.push_back(std::string("This sync could not be added to the history: ") + e.what());
    }
  }
  last_result_ = std::move(result);
}

void SyncSession::report() {
  if (on_progress && engine_) on_progress(engine_->progress());
}

}  // namespace tt
