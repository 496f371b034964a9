#include "web/accessibility/announcer.h"

#include <algorithm>

#include "core/summary_text.h"
#include "core/words.h"
#include "web/model/model.h"

namespace tt::web {
namespace {

void say(Announcements& a, std::string line) {
  a.lines.push_back(std::move(line));
  if (a.lines.size() > Announcements::kKept) a.lines.erase(a.lines.begin());
  ++a.count;
}

std::string stage_words(SyncStage stage) {
  return stage == SyncStage::FetchingMetadata ? "Fetching tunebook" : "Adding to collection";
}

}  // namespace

std::string empty_tunebook_sentence(const std::string& member) {
  return "Member " + member + " has no tunes in their tunebook yet.";
}

std::string sync_result_sentence(const SyncResult& result, const std::string& member) {
  if (result.status == SyncStage::Cancelled) return "Sync cancelled: nothing was changed.";
  if (result.status != SyncStage::Completed && result.status != SyncStage::CompletedWithErrors) {
    return "Sync failed: " + result.message + " Nothing was changed.";
  }
  if (result.tunes_fetched == 0 && result.errors.empty()) return "Sync done. " + empty_tunebook_sentence(member);
  std::string text = "Sync done: " + counted(result.tunes_fetched, "tune", "tunes") + " fetched";
  for (const auto& [label, count] : sync_summary_counts(result, false)) {
    text += ", " + std::to_string(count) + " " + label;
  }
  text += ".";
  if (!result.errors.empty()) text += " " + std::to_string(result.errors.size()) + " entries had errors.";
  return text;
}

namespace {

// "Bring in my sets" (the one sync session's other kind), said in its own words.
std::string sets_result_sentence(const SyncResult& result) {
  if (result.status == SyncStage::Cancelled) return "Bringing in sets cancelled: nothing was changed.";
  if (result.status != SyncStage::Completed && result.status != SyncStage::CompletedWithErrors) {
    return "Bringing in sets failed: " + result.message + " Nothing was changed.";
  }
  std::string text = "Sets brought in: " + counted(result.sets_fetched, "set", "sets") + " found";
  for (const auto& [label, count] : sync_summary_counts(result, false)) {
    text += ", " + std::to_string(count) + " " + label;
  }
  return text + ".";
}

}  // namespace

std::string devices_sentence(const DevicesState& d, const std::string& failure_said) {
  const DevicesSyncOutcome& last = d.last;
  if (!last.failure.empty()) return d.asked || last.message != failure_said ? "Devices not synced: " + last.message : "";
  if (last.changes_received > 0) {
    return "Devices synced: " + counted(last.changes_received, "change", "changes") + " from your other devices.";
  }
  if (!d.asked) return "";
  return last.changes_sent > 0 ? "Devices synced: " + counted(last.changes_sent, "change", "changes") + " sent."
                               : std::string("Devices synced: nothing new.");
}

void follow_announcements(Model& m) {
  Announcements& a = m.announcements;
  AnnouncedState& seen = a.seen;
  const bool sets = m.syncing_kind == SyncKind::Sets;
  const std::optional<SyncProgress>& progress = sets ? m.sets.sync_progress : m.sync_progress;
  if (m.syncing && !seen.syncing) say(a, sets ? "Bringing in your sets." : "Sync started.");
  if (m.syncing && progress) {
    const SyncProgress& p = *progress;
    if (seen.stage != p.stage) {
      seen.stage = p.stage;
      seen.quarter = p.percent / 25;
      say(a, stage_words(p.stage) + ", " + std::to_string(p.percent) + " percent.");
    } else if (p.percent / 25 > seen.quarter) {
      seen.quarter = p.percent / 25;
      say(a, std::to_string(p.percent) + " percent.");
    }
  }
  if (!m.syncing) {
    seen.stage.reset();
    seen.quarter = -1;
    if (seen.syncing && sets && m.sets.last_sync) say(a, sets_result_sentence(*m.sets.last_sync));
    if (seen.syncing && !sets && m.last_sync) say(a, sync_result_sentence(*m.last_sync, m.member_id_text));
    // Refused before starting (the form's own check): no sync ran.
    const std::string refused = m.last_sync && m.last_sync->requests == 0 && m.last_sync->status == SyncStage::Failed
                                    ? m.last_sync->message
                                    : "";
    if (refused != seen.form_error && !seen.syncing && !refused.empty()) say(a, refused);
    seen.form_error = refused;
  }
  seen.syncing = m.syncing;
  // Errors and warnings: each new banner once.
  bool new_banner = false;
  std::vector<std::string> banners;
  for (const Banner& b : m.banners) {
    if (std::find(seen.banners.begin(), seen.banners.end(), b.text) == seen.banners.end()) {
      say(a, b.text);
      new_banner = true;
    }
    banners.push_back(b.text);
  }
  seen.banners = std::move(banners);
  if (m.import_summary != seen.import_summary) {
    seen.import_summary = m.import_summary;
    if (!m.import_summary.empty()) say(a, m.import_summary);
  }
  // The player: its start and its end, and a failure, each once. The bar it
  // is at is not said on every note: the Stop button's name has it, to ask for.
  const Notation& n = m.notation;
  const bool playing = n.playing && !n.loading_sound;
  if (playing && !seen.playing) {
    say(a, n.playing_bar > 1 ? "Playing from bar " + std::to_string(n.playing_bar) + "." : std::string("Playing."));
  }
  // A set played through goes on between its tunes (sets.player), and a
  // tune transposed while playing while its new key is drawn: only the end is a stop.
  const bool player_on = n.playing || n.play_when_drawn || m.sets.player.playing;
  if (!player_on && seen.playing) {
    say(a, seen.playing_bar > 0 ? "Stopped at bar " + std::to_string(seen.playing_bar) + "." : std::string("Stopped."));
  }
  if (n.playback_error != seen.playback_error && !n.playback_error.empty()) say(a, n.playback_error);
  seen.playback_error = n.playback_error;
  seen.playing = player_on && (seen.playing || playing);  // loading the next tune's sound is still playing
  seen.playing_bar = player_on ? std::max(n.playing_bar, playing ? 0 : seen.playing_bar) : 0;
  // A save ended well: the change is kept (a failed one brings a banner).
  if (seen.saving && !m.saving && !m.storage_unavailable && !new_banner && m.change_to_announce) {
    say(a, "Saved.");
    m.change_to_announce = false;
  }
  seen.saving = m.saving;
  // A device sync ended: said when it matters (see devices_sentence).
  if (m.devices.syncs != seen.devices_syncs) {
    seen.devices_syncs = m.devices.syncs;
    const std::string sentence = devices_sentence(m.devices, seen.devices_failure);
    if (!sentence.empty()) say(a, sentence);
    seen.devices_failure = m.devices.last.failure.empty() ? "" : m.devices.last.message;
    m.devices.asked = false;
  }
}

}  // namespace tt::web
