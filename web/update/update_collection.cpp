// The collection and the open tune: the view (kept in the URL), sorting, the
// tune's details, and every change a musician makes to a tune.
#include "core/tune_text.h"
#include "shell/actions/tune_actions.h"
#include "web/update/update_context.h"

namespace tt::web {
namespace {

void show_view(Context& c, const ViewState& view) {
  const bool filter_changed = view.filter != c.model.view.filter;
  if (view.open_tune != c.model.view.open_tune) commit_notes(c);
  c.model.view = view;
  if (filter_changed) c.model.collection.query(view.filter, c.model.sort);
  if (view.open_tune) ensure_details(c, view.open_tune);
}

void on_view_changed(Context& c, const event::ViewChanged& e) {
  if (e.view == c.model.view) return;
  const std::string shown_before = to_fragment(c.model.view);
  show_view(c, e.view);
  if (e.new_history_entry) {
    // A search typed just before still belongs to the current entry: Back returns to it.
    if (c.model.url_due_ms > 0) c.out.push_back(effect::SetUrl{shown_before, false});
    c.out.push_back(effect::SetUrl{to_fragment(c.model.view), true});
    c.model.url_due_ms = 0;
  } else {
    // Typing: the address bar follows once the typing pauses. Browsers take
    // milliseconds per history update, too slow for every keystroke.
    c.model.url_due_ms = c.now + kUrlDebounceMs;
  }
}

void on_url_changed(Context& c, const event::UrlChanged& e) {
  const ViewState parsed = parse_fragment(e.fragment);
  if (!(parsed == c.model.view)) show_view(c, parsed);
}

// Opens a tune (0 closes it) as a new history entry.
void show_tune(Context& c, int64_t tune_id) {
  ViewState v = c.model.view;
  v.open_tune = tune_id;
  on_view_changed(c, {v, true});
}

void on_add(Context& c, const event::AddTune& e) {
  if (!c.writable()) return;
  const auto added = actions::add_tune(*c.services.store, e.tune, LearnStatus::WantToLearn, "search");
  if (added.value) c.model.highlighted = e.tune.id;
  c.apply(added.changed);
}

void on_remove(Context& c, const event::RemoveTune& e) {
  if (!c.writable()) return;
  const auto removed = actions::remove_tune(*c.services.store, e.tune_id);
  if (!removed.value) return;
  if (c.model.notes.tune_id == e.tune_id) c.model.notes = {};  // its notes went with it
  if (c.model.view.open_tune == e.tune_id) show_tune(c, 0);
  c.apply(removed.changed);
}

void on_notes_edited(Context& c, const event::NotesEdited& e) {
  if (!c.writable()) return;  // a read-only tab must not collect typing it cannot keep
  if (c.model.notes.tune_id != e.tune_id) commit_notes(c);
  c.model.notes = {e.tune_id, e.text, true, c.now + kNotesDebounceMs};
}

}  // namespace

void change_view(Context& c, const ViewState& view, bool new_history_entry) {
  on_view_changed(c, event::ViewChanged{view, new_history_entry});
}

void commit_notes(Context& c) {
  NotesDraft& draft = c.model.notes;
  if (!draft.dirty) return;
  const NotesDraft committing = draft;
  draft = {};
  const CollectionEntry* entry = c.model.entry(committing.tune_id);
  if (!entry || entry->notes == committing.text || !c.writable()) return;
  c.apply(actions::set_notes(*c.services.store, committing.tune_id, committing.text).changed);
}

void request_details(Context& c, int64_t tune_id) {
  c.model.details_requests[tune_id] =
      c.fetch(Purpose::Details, ApiEndpoint{c.model.proxy, true}.tune(tune_id), kDetailsTimeoutMs);
}

void ensure_details(Context& c, int64_t tune_id) {
  // Before the store is open, wait for it: it may have them (open_store asks again).
  if (!c.services.store) return;
  if (c.model.details_requests.count(tune_id)) {
    c.model.offline_music.keep_only.erase(tune_id);  // asked for offline music: the page wants it too
    return;
  }
  if (c.model.tune_details(tune_id)) return;
  if (auto kept = c.services.store->tune_details(tune_id)) {
    c.model.details[tune_id] = *kept;
    return;
  }
  c.model.details_error.clear();
  request_details(c, tune_id);
}

void on_details_answer(Context& c, uint64_t id, const HttpOutcome& outcome) {
  int64_t tune_id = 0;
  for (const auto& [tune, request] : c.model.details_requests) {
    if (request == id) tune_id = tune;
  }
  if (!tune_id) return;
  c.model.details_requests.erase(tune_id);
  // Read once, for whoever asked: offline music, the page, or both.
  const TuneDetailsParse parsed = outcome.ok() ? parse_tune_details(outcome.body) : TuneDetailsParse{};
  if (on_music_answer(c, tune_id, outcome, parsed)) return;  // asked for offline music only
  if (!outcome.ok()) {
    if (tune_id != c.model.view.open_tune && tune_id != c.model.shown_tune()) {
      // Fetched for an incipit: not asked again this session, and no message
      // on the open tune's panel.
      c.model.incipits.no_details.insert(tune_id);
      return;
    }
    c.model.details_error = classify(outcome) == FailureClass::NotFound
                                ? "This tune is no longer on thesession.org"
                                : "Details unavailable offline (" + describe_failure(outcome) + ")";
    return;
  }
  if (!parsed.tune) {
    if (tune_id != c.model.view.open_tune && tune_id != c.model.shown_tune()) c.model.incipits.no_details.insert(tune_id);
    c.model.details_error = parsed.error;
    return;
  }
  TuneDetails details = *parsed.tune;
  details.id = tune_id;  // a merged tune stays under the id the user has
  c.model.details[tune_id] = details;
  if (c.services.store && c.model.owns_database) {
    c.apply(actions::keep_tune_details(*c.services.store, details).changed);  // fetched once, then kept
    c.model.offline_music.counted = false;  // one more kept for offline
  }
}

void collection_tick(Context& c) {
  if (c.model.url_due_ms > 0 && c.now >= c.model.url_due_ms) {
    c.model.url_due_ms = 0;
    c.out.push_back(effect::SetUrl{to_fragment(c.model.view), false});
  }
  if (c.model.notes.dirty && c.now >= c.model.notes.due_ms) commit_notes(c);
}

void handle_collection(Context& c, const Event& event) {
  if (const auto* e = std::get_if<event::ViewChanged>(&event)) {
    on_view_changed(c, *e);
  } else if (const auto* e = std::get_if<event::UrlChanged>(&event)) {
    on_url_changed(c, *e);
  } else if (const auto* e = std::get_if<event::SortChanged>(&event)) {
    c.model.sort = e->sort;
    c.model.collection.query(c.model.view.filter, c.model.sort);
  } else if (const auto* e = std::get_if<event::OpenTune>(&event)) {
    show_tune(c, e->tune_id);
    ensure_details(c, e->tune_id);  // opening it again retries details that failed
  } else if (std::holds_alternative<event::CloseTune>(event)) {
    show_tune(c, 0);
  } else if (const auto* e = std::get_if<event::AddTune>(&event)) {
    on_add(c, *e);
  } else if (const auto* e = std::get_if<event::RemoveTune>(&event)) {
    on_remove(c, *e);
  } else if (const auto* e = std::get_if<event::SetStatus>(&event)) {
    if (!c.writable()) return;
    c.apply(actions::set_status(*c.services.store, e->tune_id, e->status, static_cast<int64_t>(c.now),
                                c.model.utc_offset_minutes)
                .changed);
  } else if (const auto* e = std::get_if<event::Heard>(&event)) {
    if (c.writable()) c.apply(actions::heard(*c.services.store, e->tune_id, e->undo).changed);
  } else if (const auto* e = std::get_if<event::NotesEdited>(&event)) {
    on_notes_edited(c, *e);
  } else if (const auto* e = std::get_if<event::NotesLeft>(&event)) {
    if (c.model.notes.tune_id == e->tune_id) commit_notes(c);
  } else if (const auto* e = std::get_if<event::CopyAbc>(&event)) {
    if (const TuneDetails* d = c.model.tune_details(e->tune_id); d && !d->settings.empty()) {
      c.out.push_back(effect::CopyToClipboard{abc_document(*d, c.model.chosen_setting(e->tune_id))});
    }
  } else if (const auto* e = std::get_if<event::OpenOnTheSession>(&event)) {
    c.out.push_back(effect::OpenInNewTab{thesession_tune_page(e->tune_id)});
  }
}

}  // namespace tt::web
