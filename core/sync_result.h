#pragma once
// Progress and results of a sync, as values: the engine produces them, the
// CLI prints them, the web page shows them.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tt {

enum class SyncStage {
  Idle,
  FetchingMetadata,    // 10..60 %, by pages done
  AddingToCollection,  // 60..95 %
  Completed,           // 100 %
  CompletedWithErrors, // 100 %: some entries were bad, the rest is in
  Failed,              // 0 %: nothing changed
  Cancelled,           // 0 %: nothing changed
};

std::string_view to_string(SyncStage stage);

// What is being synced: the member's tunebook, or their sets (with the tunes
// those sets need). One engine runs both (core/sync_engine.h).
enum class SyncKind { Tunebook, Sets };
std::string_view to_string(SyncKind kind);  // "tunebook", "sets"

// Why a sync failed, for exit codes and messages.
// BadInput: the form was refused before anything was asked (no member number).
enum class SyncFailure { None, NotFound, Unavailable, InvalidData, Cancelled, Other, Offline, BadInput };

struct SyncResult;
// Whether asking again, unchanged, may succeed: not for a member that is not
// there or a number that was refused (Retry is not offered for those).
bool retry_can_help(const SyncResult& result);

struct SyncProgress {
  SyncKind kind = SyncKind::Tunebook;
  SyncStage stage = SyncStage::Idle;
  int percent = 0;
  int pages_done = 0;
  int pages_total = 0;  // 0 until page 1 has told
  int tunes_fetched = 0;
  // Sets only: sets on the pages so far, and tune pages checked of those to check.
  int sets_fetched = 0;
  int tunes_checked = 0;
  int tunes_to_check = 0;
};

struct SyncResult {
  SyncStage status = SyncStage::Idle;
  int progress_percent = 0;
  int tunes_fetched = 0;
  int tunes_created = 0;
  int person_tunes_added = 0;
  int person_tunes_skipped = 0;
  int left_tunebook = 0;
  // Sets only (kind == Sets; person_tunes_added then counts the tunes added to
  // the collection because a set needed them).
  SyncKind kind = SyncKind::Tunebook;
  int sets_fetched = 0;
  int sets_added = 0;
  int sets_already_there = 0;   // matched by thesession id: left as they are, local edits kept
  int set_entries_skipped = 0;  // each with its reason in `errors`
  int tunes_checked = 0;        // tune pages fetched to see the tune is still there
  int pages = 0;
  int requests = 0;
  int64_t duration_ms = 0;
  std::vector<std::string> errors;
  SyncFailure failure = SyncFailure::None;
  std::string message;  // the one-line summary of a failure, empty otherwise
};

// The results object as JSON text (the CLI's --json and the web page's
// summary). A sets sync adds "kind": "sets" and its counts.
std::string to_json(const SyncResult& result);

// Process exit status for the CLI: 0 completed, 2 completed with errors,
// 3 not found, 4 unavailable (or offline), 1 anything else.
int exit_code_for(const SyncResult& result);

}  // namespace tt
