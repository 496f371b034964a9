#include "shell/actions/tune_actions.h"

#include "shell/actions/practice_actions.h"

namespace tt::actions {
namespace {

// One tune's row changed (or nothing, when the store said no).
Done<bool> entry_changed(bool done, int64_t tune_id) {
  Done<bool> result{done, {}};
  if (done) result.changed.entry = tune_id;
  return result;
}

}  // namespace

Done<bool> set_status(Store& store, int64_t tune_id, LearnStatus status, int64_t now_ms, int utc_offset_minutes) {
  // One transaction and one record: the status, and a tune made "learning"
  // joining the day's queue.
  return store.as_one_change("set_status", [&] {
    Done<bool> result = entry_changed(store.set_status(tune_id, status), tune_id);
    // What to learn next and the learned chart follow any status. A tune
    // made "learning" may join the day's queue; with no queue kept for the
    // day, practice is read whole (the queue made then may take it).
    result.changed.learn_status = result.value;
    if (result.value && status == LearnStatus::Learning) {
      const Done<bool> joined = start_learning(store, tune_id, now_ms, utc_offset_minutes);
      result.changed |= joined.changed;
      result.changed.practice |= !store.saved_practice_queue(practice_day(now_ms, utc_offset_minutes)).has_value();
    }
    return result;
  });
}

Done<bool> heard(Store& store, int64_t tune_id, bool undo) {
  return entry_changed(store.heard(tune_id, undo), tune_id);
}

Done<bool> set_notes(Store& store, int64_t tune_id, const std::string& notes) {
  return entry_changed(store.set_notes(tune_id, notes), tune_id);
}

Done<bool> choose_setting(Store& store, int64_t tune_id, int64_t setting_id) {
  return entry_changed(store.choose_setting(tune_id, setting_id), tune_id);
}

Done<bool> keep_tune_details(Store& store, const TuneDetails& details) {
  if (!store.entry(details.id)) return {};
  store.save_tune_details(details);
  Done<bool> result = entry_changed(true, details.id);
  result.changed.sets = true;  // a set's entry shows the tune's key
  // thesession.org's page, fetched again at will: not the musician's change
  // (no export reminder for it, no "Saved." said for it).
  result.changed.musician_change = false;
  return result;
}

Done<bool> add_tune(Store& store, const TuneSummary& tune, LearnStatus status, const std::string& source) {
  Done<bool> result{store.add_tune(tune, status, source), {}};
  // The list, a set entry that named it ("not collected" no more), practice's candidates.
  result.changed.collection = result.changed.sets = result.changed.practice = result.value;
  return result;
}

Done<bool> remove_tune(Store& store, int64_t tune_id) {
  Done<bool> result{store.remove_tune(tune_id), {}};
  result.changed.collection = result.changed.sets = result.changed.practice = result.value;
  return result;
}

Done<ImportSummary> import_export(Store& store, const ImportParse& parsed) {
  Done<ImportSummary> result{store.import_entries(parsed.entries, parsed.practice, parsed.sets), {}};
  result.changed.collection = result.changed.sets = result.changed.practice = true;
  return result;
}

}  // namespace tt::actions
