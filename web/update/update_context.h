#pragma once
// Shared by the update_*.cpp files, one per concern: the state an event is
// handled with, and the small steps several concerns take.
#include <string>
#include <vector>

#include "shell/actions/changed.h"
#include "web/update/update.h"

namespace tt::web {

struct Context {
  Model& model;
  Services& services;
  std::vector<Effect>& out;
  double now;  // when the event is handled (epoch ms)

  uint64_t fetch(Purpose purpose, const std::string& url, int timeout_ms);
  void banner(Banner::Kind kind, std::string text);
  // The ONE place an action's change reaches the page: the slices it names
  // are read again (one tune's row, the collection, the sets, today's
  // practice) and the database is saved to IndexedDB at once.
  void apply(const actions::Changed& changed);
  // The database opened or replaced: every slice read again (nothing saved).
  void reload_everything();
  // A save asked for while the last one ran, now that it has finished.
  void save_queued();
  // After a failed save: save what is in memory again (nothing new to count).
  void retry_save() { save(false); }
  // False (with a banner) when this tab may not write now.
  bool writable();

 private:
  // `is_change`: false for what the page keeps for itself (the day's queue,
  // the export time), which the export reminder does not count.
  void save(bool is_change);
  void reload_collection();
  void reload_sets();
  void refresh_entry(int64_t tune_id);
};

constexpr int kSyncFetchTimeoutMs = 20000;
constexpr int kDetailsTimeoutMs = 15000;
constexpr int kSearchTimeoutMs = 15000;
constexpr int kHealthTimeoutMs = 5000;
constexpr double kSearchDebounceMs = 350;
constexpr double kUrlDebounceMs = 300;
constexpr double kNotesDebounceMs = 800;

// Registers a request (what it is for) and asks the browser to make it.
uint64_t register_fetch(Model& model, std::vector<Effect>& out, Purpose purpose, const std::string& url,
                        int timeout_ms);

// Each concern's events (update_<concern>.cpp).
void handle_storage(Context& c, const Event& e);
void handle_collection(Context& c, const Event& e);
void handle_sync(Context& c, const Event& e);
void handle_search(Context& c, const Event& e);
void handle_data(Context& c, const Event& e);
void handle_notation(Context& c, const Event& e);
void handle_incipits(Context& c, const Event& e);
void handle_practice(Context& c, const Event& e);
void handle_appearance(Context& c, const Event& e);
void handle_app(Context& c, const Event& e);
// After every event: the export reminder, and an accepted update once
// nothing is left to save.
void follow_app(Context& c);
// A committed change, for the export reminder (kept in the store's settings).
void note_change(Context& c);
// The export reminder's history, read from the store's settings.
void load_export_history(Context& c);
void handle_sets(Context& c, const Event& e);
// A render that was for the list's incipits: taken (true), or not ours.
bool on_incipit_rendered(Context& c, const event::NotationRendered& e);
// After every event: the open tune's notation follows what changed.
void follow_open_tune(Context& c);
// After every event: the rows on screen get their incipits.
void follow_incipits(Context& c);
// After every event (after follow_open_tune): the open set's player plays
// the current tune once its music is drawn, and stops when the set is left.
void follow_set_player(Context& c);
// The tune player (web/update/update_notation.cpp), for the set player.
void start_tune_playback(Context& c);
void stop_tune_playback(Context& c);
// Today's practice read again (web/update/update_practice.cpp). Returns what that
// wrote (the day's queue, when it was made now) for Context::apply to save.
actions::Changed refresh_practice(Context& c);
// After ratings only: what a rating changes (the day's counts, today's bar of
// the chart, the cards shown, the sets' marks), the rest kept as read; the
// whole of practice on a new day (then what that wrote, like refresh_practice).
actions::Changed refresh_todays_ratings(Context& c);
// After a status change only: what to learn next and the learned-per-month
// chart, from the collection as the model holds it (nothing read back).
void refresh_learning_progress(Context& c);
// "Bring in my sets" (web/update/update_sync.cpp: the one session runs both kinds).
void start_sets_sync(Context& c);

// Answers, routed by what the request was for.
void on_details_answer(Context& c, uint64_t id, const HttpOutcome& outcome);
void on_search_answer(Context& c, uint64_t id, const HttpOutcome& outcome);
void on_sync_answer(Context& c, uint64_t id, const HttpOutcome& outcome);
void on_sync_timer(Context& c, uint64_t id);
void on_health_answer(Context& c, const HttpOutcome& outcome);
// Every collected tune's music kept for offline (update_offline_music.cpp).
// A tune's details answered (`parsed`: its body read, once, by on_details_answer):
// true when only offline music wanted them (kept, and nothing else to do);
// false when the page wants them too.
bool on_music_answer(Context& c, int64_t tune_id, const HttpOutcome& outcome, const TuneDetailsParse& parsed);
bool on_music_timer(Context& c, uint64_t id);  // false: not its timer
void restart_offline_music(Model& model);      // the collection changed
// Your devices (update_devices.cpp): its events, its timer (true when the
// id was its own), and a musician's change (a sync follows a moment later).
void handle_devices(Context& c, const Event& e);
bool on_devices_timer(Context& c, uint64_t id);
void devices_after_change(Context& c);
void handle_offline_music(Context& c, const Event& e);  // its switch, remembered on this device
void follow_offline_music(Context& c);          // after every event: asks for more when it may
// Debounced work that fell due (Tick).
void collection_tick(Context& c);
void search_tick(Context& c);
// Shows `view` as if the screens had asked (the URL follows).
void change_view(Context& c, const ViewState& view, bool new_history_entry);
// The Sets list's rows again, after the sets or the search changed.
void filter_sets(SetsState& sets);
// Notes typed but not yet committed are written now.
void commit_notes(Context& c);
// The open tune's details: from the store, else fetched once.
void ensure_details(Context& c, int64_t tune_id);
// Asks for a tune's details (the one request for them, whoever wants them).
void request_details(Context& c, int64_t tune_id);

}  // namespace tt::web
