#pragma once
// What the page says to a screen reader through its aria-live region: what
// changes without the person's doing (a sync's stages and result, a save,
// an error, an import's summary). `follow_announcements` runs after every
// event and compares the model with what it announced last; the runner hands
// new lines to the accessibility mirror (web/page/mirror.js).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/sync_result.h"

namespace tt::web {

struct Model;
struct DevicesState;

// What was last announced, so each change is said once.
struct AnnouncedState {
  bool syncing = false;
  std::optional<SyncStage> stage;
  int quarter = -1;            // the sync's progress, in steps of 25 %
  std::string form_error;      // a sync refused before it started (no member number)
  bool saving = false;
  std::vector<std::string> banners;  // the banners' texts shown
  std::string import_summary;
  bool playing = false;         // the tune's player, once its sound is loaded
  int playing_bar = 0;          // where it was, for "Stopped at bar N"
  std::string playback_error;
  int devices_syncs = 0;        // device syncs ended (DevicesState::syncs)
  std::string devices_failure;  // the last device sync failure said (a retry's same failure is not said again)
};

struct Announcements {
  AnnouncedState seen;
  std::vector<std::string> lines;  // the latest, oldest first (at most kKept)
  uint64_t count = 0;              // ever announced: the runner sends those it has not sent
  static constexpr size_t kKept = 20;
};

// The sentence said when a sync ends, from its result (and the member's
// number as typed, for an empty tunebook).
std::string sync_result_sentence(const SyncResult& result, const std::string& member);
// "Member 123 has no tunes in their tunebook yet."
std::string empty_tunebook_sentence(const std::string& member);

// What a device sync's end says: its failure (a sync by itself: only one
// not said just before, `failure_said`), what came from the other devices,
// or (when the musician asked for it) that all is in step; "" for a
// routine sync that changed nothing here.
std::string devices_sentence(const DevicesState& devices, const std::string& failure_said);

// Adds to model.announcements what changed since the last call.
void follow_announcements(Model& model);

}  // namespace tt::web
