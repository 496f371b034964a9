// The syncs in the page: the tunebook's form (member number, default status),
// "Bring in my sets", and the shared SyncSession that runs either kind, one
// at a time, whose fetches and timers become effects.
#include "core/thesession_number.h"
#include "shell/actions/settings_actions.h"
#include "web/update/update_context.h"

namespace tt::web {
namespace {

// After every event the session took: its state into the model; when it
// wrote (its one commit, as it ends), what it changed is read again and the
// database saved once. `since` is when the event reached the session: with a
// write, the write and the reload are timed from there (last_apply_ms).
void follow_session(Context& c, const SyncStep& step, double since) {
  SyncSession& session = c.services.sync;
  c.model.syncing = session.running();
  if (const SyncProgress* p = session.progress()) {
    // Kept after the end, as the snapshot shows; each kind has its own.
    c.model.syncing_kind = p->kind;
    (p->kind == SyncKind::Sets ? c.model.sets.sync_progress : c.model.sync_progress) = *p;
  }
  if (step.changed.any()) {
    c.apply(step.changed);  // saved at once, not on a timer
    c.model.last_apply_ms = c.services.now_ms() - since;
  }
  if (!session.running() && session.last_result()) {
    const SyncResult& result = *session.last_result();
    (result.kind == SyncKind::Sets ? c.model.sets.last_sync : c.model.last_sync) = result;
  }
}

SyncResult form_error(std::string message, SyncKind kind = SyncKind::Tunebook) {
  SyncResult r;
  r.kind = kind;
  r.status = SyncStage::Failed;
  r.failure = SyncFailure::BadInput;
  r.message = std::move(message);
  return r;
}

// Either kind, once its form is good: the form is kept for next time (the
// tunebook's status too), then the session runs through the proxy. The
// form is saved with the sync: every sync, however it ends, records its run
// and is saved once then (follow_session), so no save of its own here.
void start_session(Context& c, SyncKind kind, int64_t member) {
  const bool tunebook = kind == SyncKind::Tunebook;
  Store& store = *c.services.store;
  actions::remember_sync_form(store, member, tunebook ? std::optional(c.model.sync_default_status) : std::nullopt);
  SyncOptions options;
  options.what = kind;
  options.member_id = member;
  options.endpoint = {c.model.proxy, true};
  options.default_status = c.model.sync_default_status;  // sets: for tunes a set brings into the collection
  follow_session(c, c.services.sync.start(store, options, static_cast<int64_t>(c.now)), c.now);
}

void start_sync(Context& c) {
  if (!c.writable() || c.services.sync.running()) return;
  if (!c.model.app.browser_online) {
    // The browser knows there is no network: say so now rather than after a request.
    SyncResult r = form_error("You are offline: this device has no network connection. Nothing changed; sync again "
                              "when you are back online.");
    r.failure = SyncFailure::Offline;
    c.model.last_sync = r;
    return;
  }
  const auto member = read_thesession_number(c.model.member_id_text, ThesessionThing::Member);
  if (!member) {
    c.model.last_sync = form_error(member.error);
    return;
  }
  c.model.member_id_text = std::to_string(*member);  // a pasted address becomes its number
  c.model.last_sync.reset();
  start_session(c, SyncKind::Tunebook, *member);
}

}  // namespace

void start_sets_sync(Context& c) {
  if (!c.writable() || c.services.sync.running()) return;
  const auto member = read_thesession_number(c.model.member_id_text, ThesessionThing::Member);
  if (!member) {
    c.model.sets.last_sync = form_error(member.error, SyncKind::Sets);
    return;
  }
  c.model.member_id_text = std::to_string(*member);
  c.model.sets.last_sync.reset();
  start_session(c, SyncKind::Sets, *member);
}

void on_sync_answer(Context& c, uint64_t id, const HttpOutcome& outcome) {
  const double since = c.services.now_ms();
  // A stale answer is dropped by the session: then nothing changed.
  if (const SyncStep step = c.services.sync.on_response(id, outcome, static_cast<int64_t>(c.now))) {
    follow_session(c, step, since);
  }
}

void on_sync_timer(Context& c, uint64_t id) {
  const double since = c.services.now_ms();  // the apply runs on a timer: time it from here
  if (const SyncStep step = c.services.sync.on_timer(id, static_cast<int64_t>(c.now))) follow_session(c, step, since);
}

void handle_sync(Context& c, const Event& event) {
  if (std::holds_alternative<event::StartSync>(event)) {
    start_sync(c);
  } else if (std::holds_alternative<event::StartSetsSync>(event)) {
    start_sets_sync(c);
  } else if (std::holds_alternative<event::CancelSync>(event)) {
    if (!c.services.sync.running()) return;
    follow_session(c, c.services.sync.cancel(static_cast<int64_t>(c.now)), c.now);
  } else if (const auto* e = std::get_if<event::MemberIdEdited>(&event)) {
    c.model.member_id_text = e->text;
  } else if (const auto* e = std::get_if<event::DefaultStatusPicked>(&event)) {
    c.model.sync_default_status = e->status;
  }
}

}  // namespace tt::web
