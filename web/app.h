#pragma once
// The web app's state and actions, free of drawing: the store, the
// collection as shown, the sync in progress, remote search, persistence and
// the tab's role. The UI (ui_*.cpp) reads it and calls its actions; browser
// callbacks (main.cpp) feed it events.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/collection_query.h"
#include "core/sync_engine.h"
#include "core/thesession_api.h"
#include "core/view_state.h"
#include "shell/store.h"

namespace tt::web {

struct Banner {
  enum class Kind { Info, Warning, Error };
  Kind kind = Kind::Info;
  std::string text;
};

class App {
 public:
  static constexpr const char* kDatabasePath = "/data/tunetrack.db";

  // --- Events from the browser.
  void on_storage_loaded(const std::string& error);
  void on_lock(int state);  // 1: this tab owns the database, 0: read-only, 2: took over
  void on_persisted(const std::string& error);
  void on_other_tab_saved();
  void on_storage_reloaded(const std::string& error);
  void on_fetch_done(int id, const HttpOutcome& outcome);
  void on_timer(int id);
  void on_file_picked(const std::string& text, const std::string& error);
  void on_hash_changed(const std::string& fragment);
  void tick();  // once per frame: debounced work

  // --- State for the UI.
  bool ready() const { return store_ != nullptr; }
  // Something is in progress that the screen should follow.
  bool busy() const;
  bool read_only() const { return !owns_database_; }
  const std::vector<CollectionEntry>& entries() const { return entries_; }
  const std::vector<size_t>& visible() const { return visible_; }
  // Summaries of the collection, recomputed when it changes, not per frame.
  const StatusCounts& status_counts() const { return status_counts_; }
  const std::map<std::string, int>& type_counts() const { return type_counts_; }  // also the types present
  const ViewState& view() const { return view_; }
  const CollectionSort& sort() const { return sort_; }
  const std::vector<Banner>& banners() const { return banners_; }
  const std::string& healthz() const { return healthz_; }
  std::string sqlite_version() const;
  const CollectionEntry* entry(int64_t tune_id) const;
  const TuneDetails* details(int64_t tune_id) const;
  bool details_loading(int64_t tune_id) const { return details_requests_.count(tune_id) > 0; }
  const std::string& details_error() const { return details_error_; }
  int64_t highlighted_tune() const { return highlighted_; }

  // Sync.
  bool syncing() const { return sync_ != nullptr && !sync_->finished(); }
  const SyncProgress* sync_progress() const { return sync_ ? &sync_->progress() : nullptr; }
  const std::optional<SyncResult>& last_sync() const { return last_sync_; }
  std::string member_id_text;       // edited by the UI; saved on sync
  LearnStatus sync_default_status = LearnStatus::WantToLearn;

  // Remote search.
  std::string search_text;  // edited by the UI
  const std::vector<TuneSummary>& search_results() const { return search_results_; }
  const std::string& search_message() const { return search_message_; }
  bool searching() const { return search_request_ != 0; }

  std::string import_summary;

  // --- Actions.
  void set_view(const ViewState& view, bool new_history_entry);
  void set_sort(const CollectionSort& sort);
  void open_tune(int64_t tune_id);
  void close_tune();
  void add_tune(const TuneSummary& tune);
  void remove_tune(int64_t tune_id);
  void set_status(int64_t tune_id, LearnStatus status);
  void heard(int64_t tune_id, bool undo);
  void set_notes(int64_t tune_id, const std::string& notes);
  void start_sync();
  void cancel_sync();
  void search_changed(double now_ms);  // debounced remote search
  void export_collection(bool json);
  void pick_import_file();
  void download_damaged_copy();
  void dismiss_banner(size_t index);
  bool has_damaged_copy() const { return !damaged_copy_.empty(); }

  // The automation hook's view of the page (window.tunetrack.snapshot()).
  std::string snapshot_json(double device_pixel_ratio) const;
  std::map<std::string, std::array<float, 4>> widget_rects;  // filled by the UI each frame

 private:
  void open_store();
  void reload_entries();
  void refresh_visible();
  void refresh_summaries();
  void after_write();  // persist + notify
  void replace_entry(int64_t tune_id);
  int next_fetch_id() { return next_id_++; }
  void run_sync_commands(std::vector<SyncCommand> commands);
  void ensure_details(int64_t tune_id);  // from the store, else from thesession.org
  void fetch_details(int64_t tune_id);
  void add_banner(Banner::Kind kind, std::string text);
  void finish_sync();
  bool guard_writable();

  std::unique_ptr<Store> store_;
  bool owns_database_ = false;
  bool persisting_ = false;
  bool storage_unavailable_ = false;  // saved data could not be loaded: never overwrite it
  bool persist_again_ = false;
  std::vector<CollectionEntry> entries_;
  std::unique_ptr<CollectionIndex> index_;
  std::vector<size_t> visible_;
  StatusCounts status_counts_;
  std::map<std::string, int> type_counts_;
  ViewState view_;
  CollectionSort sort_;
  std::vector<Banner> banners_;
  std::string healthz_ = "checking...";
  std::string proxy_;
  std::string damaged_copy_;
  int64_t highlighted_ = 0;

  int next_id_ = 1;
  enum class Purpose { Sync, Details, Search, Health };
  struct Pending { Purpose purpose; int engine_id; int64_t tune_id; };
  std::map<int, Pending> fetches_;        // browser fetch id -> what it is for
  std::map<int, int> timers_;             // browser timer id -> engine timer id
  std::unique_ptr<SyncEngine> sync_;
  std::optional<SyncResult> last_sync_;
  int64_t sync_started_ms_ = 0;
  double last_apply_ms_ = 0;  // writing the last sync to the store and reloading the list

  std::map<int64_t, TuneDetails> details_;
  std::map<int64_t, int> details_requests_;
  std::string details_error_;

  std::vector<TuneSummary> search_results_;
  std::string search_message_;
  std::string searched_text_;
  double search_due_ms_ = 0;
  double hash_due_ms_ = 0;  // when the typed search goes into the URL
  int search_request_ = 0;
};

}  // namespace tt::web
