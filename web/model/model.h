#pragma once
// Everything the page shows, as one value (the shape of lager or Elm). The
// screens read it; only `update` (web/update/update.h) changes it. Nothing here
// touches the browser.
#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/sync_result.h"
#include "core/thesession_api.h"
#include "core/view_state.h"
#include "web/model/app_model.h"
#include "web/accessibility/announcer.h"
#include "web/screens/appearance.h"
#include "web/model/collection_view.h"
#include "web/model/devices_model.h"
#include "web/model/notation_model.h"
#include "web/model/offline_music_model.h"
#include "web/model/practice_model.h"
#include "web/model/sets_model.h"

namespace tt::web {

struct Banner {
  enum class Kind { Info, Warning, Error };
  Kind kind = Kind::Info;
  std::string text;
};

// What the user is typing into a tune's notes, kept apart from the entry
// until it is committed (when the field is left, or typing pauses). Only a
// draft with uncommitted edits is shown: otherwise the field shows the
// entry's own notes, so an import or another tab's change shows at once.
struct NotesDraft {
  int64_t tune_id = 0;
  std::string text;
  bool dirty = false;
  double due_ms = 0;  // when a pause in typing commits it
};

// Why a request or timer was made, so its answer goes to the right place.
enum class Purpose { Sync, Details, Search, Health };

struct Model {
  // Storage and this tab's role.
  bool ready = false;                // the database is open
  bool owns_database = false;        // false: another tab edits, this one follows read-only
  bool storage_unavailable = false;  // saved data could not be loaded: never save over it
  bool saving = false;
  bool save_again = false;           // a change arrived while saving
  // A musician's change is being saved: "Saved." is said once a save ends
  // well (not for what the page keeps for itself, such as offline music).
  bool change_to_announce = false;
  // For last_save_ms, from the change to IndexedDB-durable: the earliest
  // change no save has taken yet (0: none), and the earliest the save in
  // flight covers (a change made during a save waits for the next one).
  double unsaved_since_ms = 0;
  double saving_since_ms = 0;
  double last_save_ms = 0;
  std::string damaged_copy;          // a damaged database set aside, downloadable
  std::string proxy;                 // where the API calls go (proxy_choice.url)
  std::string page_origin;           // the origin this page was served from
  ProxyChoice proxy_choice;          // why: the page's own, or a link's, agreed to
  std::string healthz = "checking...";           // "proxy 1.4.0, thesession.org reachable"
  std::string thesession_status = "checking..."; // "thesession.org reachable / unreachable / slow"
  std::string sqlite_version;

  // The collection and the view of it (kept in the URL).
  CollectionView collection;
  ViewState view;
  CollectionSort sort;
  double url_due_ms = 0;  // a typed search reaches the URL once typing pauses
  int64_t highlighted = 0;

  // The open tune.
  std::map<int64_t, TuneDetails> details;
  std::map<int64_t, uint64_t> details_requests;  // tune -> request id
  std::string details_error;
  NotesDraft notes;
  Notation notation;
  Incipits incipits;

  // Number fields being typed into, by field (see event::NumberEdited).
  std::map<std::string, int> number_drafts;
  int number_shown(const std::string& field, int value) const {
    const auto it = number_drafts.find(field);
    return it == number_drafts.end() ? value : it->second;
  }

  // Sets (web/update/update_sets.cpp).
  SetsState sets;

  // Practice.
  PracticeState practice;
  int utc_offset_minutes = 0;  // the musician's time zone, for "today" (Services' reading at the last event)
  double now_ms = 0;           // when the last event was handled: what screens count from

  // Sync.
  std::string member_id_text;
  LearnStatus sync_default_status = LearnStatus::WantToLearn;
  bool syncing = false;                       // a sync of either kind runs (one at a time)
  SyncKind syncing_kind = SyncKind::Tunebook;  // ... and which kind
  std::optional<SyncProgress> sync_progress;  // of the tunebook sync in progress (a sets sync's: sets.sync_progress)
  std::optional<SyncResult> last_sync;
  double last_apply_ms = 0;  // the last sync's write and list reload

  // Remote search (Add tune).
  std::string search_text;
  std::string searched_text;
  double search_due_ms = 0;
  uint64_t search_request = 0;
  std::vector<TuneSummary> search_results;
  std::string search_message;

  std::string import_summary;
  std::vector<Banner> banners;

  Appearance appearance;
  Announcements announcements;  // for the aria-live region (web/accessibility/announcer.h)

  // The page as an installed app (web/model/app_model.h).
  AppShell app;
  StorageState storage;
  KeepState keep;
  OfflineMusic offline_music;  // every collected tune's music, kept in the background
  DevicesState devices;        // Your devices: the WebDAV folder and its syncs

  // Requests and timers in flight, by id (unique for the page's lifetime).
  uint64_t next_id = 1;
  std::map<uint64_t, Purpose> requests;
  std::set<uint64_t> sync_timers;

  bool read_only() const { return !owns_database; }
  const CollectionEntry* entry(int64_t tune_id) const { return collection.find(tune_id); }
  const TuneDetails* tune_details(int64_t tune_id) const {
    const auto it = details.find(tune_id);
    return it == details.end() ? nullptr : &it->second;
  }
  // The tune whose music the page shows: the Practice tab's current tune
  // there; on the Sets tab the open tune, else the open set's current tune;
  // elsewhere the open tune (0: none).
  int64_t shown_tune() const {
    if (view.tab == "practice") return practice.current();
    if (view.tab == "sets" && !view.open_tune) return set_tune_shown();
    return view.open_tune;
  }
  // The names of the sets that hold a tune (what removing it must say).
  std::vector<std::string> sets_holding(int64_t tune_id) const {
    std::vector<std::string> names;
    for (const TuneSet& set : sets.all) {
      if (std::any_of(set.entries.begin(), set.entries.end(), [&](const SetEntry& e) { return e.tune_id == tune_id; })) {
        names.push_back(set.name);
      }
    }
    return names;
  }
  // The open set, or null.
  const TuneSet* open_set() const { return view.open_set ? sets.find(view.open_set) : nullptr; }
  // The open set's current entry: the one its player is on, else the first.
  size_t set_index_shown() const {
    const TuneSet* s = open_set();
    if (!s || s->entries.empty() || sets.player.set_id != s->id) return 0;
    return std::min(sets.player.index, s->entries.size() - 1);
  }
  int64_t set_tune_shown() const {
    const TuneSet* s = open_set();
    return s && !s->entries.empty() ? s->entries[set_index_shown()].tune_id : 0;
  }
  // The open tune's setting for notation, playback and Copy ABC: the
  // collection's choice, else one picked on the page, else the first.
  size_t chosen_setting(int64_t tune_id) const;
  // The notes the field shows: the draft while it has uncommitted edits.
  std::string notes_shown(int64_t tune_id) const;
  // Something is in progress that the screen should follow.
  bool busy() const {
    return syncing || notation.playing || notation.render_request != 0 || search_request != 0 || search_due_ms > 0 || url_due_ms > 0 || saving || notes.dirty ||
           !details_requests.empty();
  }
};

}  // namespace tt::web
