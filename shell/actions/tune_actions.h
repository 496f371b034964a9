#pragma once
// The musician's actions on the tunes of the collection, for both front ends
// (the page's update handlers and the CLI's commands). Each is one
// transaction of the store, recorded in its change log, and says what it
// changed. A tune that is not in the collection changes nothing (value false).
#include <cstdint>
#include <string>

#include "core/collection_io.h"
#include "core/thesession_api.h"
#include "shell/actions/changed.h"
#include "shell/store.h"

namespace tt::actions {

// A tune made "learning" also starts today (practice_actions' start_learning:
// it joins the day's queue when the limits leave room). `now_ms` and the
// offset say which day that is.
Done<bool> set_status(Store& store, int64_t tune_id, LearnStatus status, int64_t now_ms, int utc_offset_minutes);
// The "+" button, and its undo (never below zero).
Done<bool> heard(Store& store, int64_t tune_id, bool undo);
Done<bool> set_notes(Store& store, int64_t tune_id, const std::string& notes);
// Which of the tune's settings (versions) the musician plays.
Done<bool> choose_setting(Store& store, int64_t tune_id, int64_t setting_id);
// A tune's details as fetched once from thesession.org, kept for offline;
// only for a collected tune (details of a tune only looked at are not kept).
Done<bool> keep_tune_details(Store& store, const TuneDetails& details);
// From a search: false when it was collected already.
Done<bool> add_tune(Store& store, const TuneSummary& tune, LearnStatus status, const std::string& source);
// Its sets keep it, shown as not collected.
Done<bool> remove_tune(Store& store, int64_t tune_id);
// An export file merged in (tunes, practice, sets): never duplicates, never overwrites.
Done<ImportSummary> import_export(Store& store, const ImportParse& parsed);

}  // namespace tt::actions
