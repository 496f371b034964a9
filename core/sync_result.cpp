#include "core/sync_result.h"

#include <nlohmann/json.hpp>

namespace tt {

std::string_view to_string(SyncStage stage) {
  switch (stage) {
    case SyncStage::Idle: return "idle";
    case SyncStage::FetchingMetadata: return "fetching_metadata";
    case SyncStage::AddingToCollection: return "adding_to_collection";
    case SyncStage::Completed: return "completed";
    case SyncStage::CompletedWithErrors: return "completed_with_errors";
    case SyncStage::Failed: return "failed";
    case SyncStage::Cancelled: return "cancelled";
  }
  return "idle";
}

std::string_view to_string(SyncKind kind) { return kind == SyncKind::Sets ? "sets" : "tunebook"; }

namespace {
std::string_view failure_name(SyncFailure failure) {
  switch (failure) {
    case SyncFailure::None: return "";
    case SyncFailure::NotFound: return "not_found";
    case SyncFailure::Unavailable: return "unavailable";
    case SyncFailure::InvalidData: return "invalid_data";
    case SyncFailure::Cancelled: return "cancelled";
    case SyncFailure::Other: return "other";
    case SyncFailure::Offline: return "offline";
    case SyncFailure::BadInput: return "bad_input";
  }
  return "other";
}
}  // namespace

std::string to_json(const SyncResult& r) {
  nlohmann::json doc = {
      {"status", to_string(r.status)},
      {"progress_percent", r.progress_percent},
      {"tunes_fetched", r.tunes_fetched},
      {"tunes_created", r.tunes_created},
      {"person_tunes_added", r.person_tunes_added},
      {"person_tunes_skipped", r.person_tunes_skipped},
      {"left_tunebook", r.left_tunebook},
      {"errors", r.errors},
      {"pages", r.pages},
      {"requests", r.requests},
      {"duration_ms", r.duration_ms},
  };
  if (r.kind == SyncKind::Sets) {
    doc["kind"] = to_string(r.kind);
    doc["sets_fetched"] = r.sets_fetched;
    doc["sets_added"] = r.sets_added;
    doc["sets_already_there"] = r.sets_already_there;
    doc["set_entries_skipped"] = r.set_entries_skipped;
    doc["tunes_checked"] = r.tunes_checked;
  }
  if (r.failure != SyncFailure::None) {
    doc["failure"] = failure_name(r.failure);
    doc["message"] = r.message;
  }
  return doc.dump();
}

bool retry_can_help(const SyncResult& result) {
  return result.failure != SyncFailure::NotFound && result.failure != SyncFailure::BadInput;
}

int exit_code_for(const SyncResult& r) {
  switch (r.status) {
    case SyncStage::Completed: return 0;
    case SyncStage::CompletedWithErrors: return 2;
    default: break;
  }
  if (r.failure == SyncFailure::NotFound) return 3;
  if (r.failure == SyncFailure::Unavailable || r.failure == SyncFailure::Offline) return 4;
  return 1;
}

}  // namespace tt
