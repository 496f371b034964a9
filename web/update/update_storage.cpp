// The database's life in the page: opened once IndexedDB is read (a damaged
// file is set aside, never wiped), saved after every write, one tab owning
// it at a time (the others follow read-only and take over when it closes).
#include <algorithm>
#include <cstdio>

#include "web/update/update_context.h"

namespace tt::web {
namespace {

constexpr const char* kNotSaved = "Not saved to this browser: ";
constexpr int64_t kFirstSaveRetryMs = 2000, kMaxSaveRetryMs = 60000;

void retry_save_later(Context& c) {
  StorageState& s = c.model.storage;
  if (s.retry_timer != 0) return;  // one is waiting already
  s.retry_delay_ms = s.retry_delay_ms == 0 ? kFirstSaveRetryMs : std::min(2 * s.retry_delay_ms, kMaxSaveRetryMs);
  s.retry_timer = c.model.next_id++;
  c.out.push_back(effect::StartTimer{s.retry_timer, s.retry_delay_ms});
}

// Opens the database; returns what went wrong, or "" when it opened.
std::string try_open(Services& s) {
  try {
    const auto clock = [&s] { return static_cast<int64_t>(s.now_ms()); };
    s.store = std::make_unique<Store>(s.db_path, clock);
    if (s.journal_in_memory) s.store->tune_for_in_memory_file();
    const std::string integrity = s.store->integrity_check();
    if (integrity == "ok") return "";
    s.store.reset();
    return "integrity check failed: " + integrity;
  } catch (const std::exception& e) {
    s.store.reset();
    return e.what();
  }
}

void open_store(Context& c) {
  std::string problem = try_open(c.services);
  if (!problem.empty()) {
    // Keep the damaged file: move it aside, offer it for download, start afresh.
    const std::string& db = c.services.db_path;
    const std::string dir = db.substr(0, db.find_last_of('/') + 1);
    c.model.damaged_copy = dir + "tunetrack-damaged-" + std::to_string(static_cast<int64_t>(c.now)) + ".db";
    std::rename(db.c_str(), c.model.damaged_copy.c_str());
    c.banner(Banner::Kind::Error,
             "Your saved collection could not be read, so it was set aside, not deleted: download it from the "
             "Data tab. A new, empty collection was started. (" + problem + ")");
    problem = try_open(c.services);
    if (!problem.empty()) c.banner(Banner::Kind::Error, "Cannot create a database: " + problem);
  }
  c.model.ready = c.services.store != nullptr;
  if (Store* store = c.services.store.get()) {
    c.model.member_id_text = store->setting("member_id").value_or("");
    if (auto s = store->setting("default_status")) {
      c.model.sync_default_status = parse_learn_status(*s).value_or(LearnStatus::WantToLearn);
    }
  }
  c.model.details.clear();  // read again from the (possibly changed) store
  c.reload_everything();
  if (c.model.view.open_tune) ensure_details(c, c.model.view.open_tune);
}

void on_loaded(Context& c, const event::StorageLoaded& e) {
  c.model.storage.database_bytes = e.database_bytes;
  c.model.storage.last_saved_at_ms = e.saved_at_ms;
  if (!e.error.empty()) {
    // Saving now would replace what could not be read with an empty collection.
    c.model.storage_unavailable = true;
    c.banner(Banner::Kind::Error, e.error + ". Nothing will be saved in this tab, so your saved collection stays "
                                            "as it is; export anything you change here from the Data tab.");
  }
  open_store(c);
  c.model.sqlite_version = Store::sqlite_version();
  c.out.push_back(effect::RequestLock{});
  c.fetch(Purpose::Health, c.model.proxy + "/healthz", kHealthTimeoutMs);
}

void on_lock(Context& c, const event::LockChanged& e) {
  c.model.owns_database = e.state != 0;
  if (e.state == 0) {
    c.banner(Banner::Kind::Warning,
             "tunetrack is open in another tab: this tab is read-only and follows that tab's changes.");
  } else if (e.state == 2) {
    c.model.banners.clear();
    c.banner(Banner::Kind::Info, "The other tab closed: this tab can edit again.");
    c.out.push_back(effect::ReloadStorage{});
  }
}

void on_saved(Context& c, const event::Saved& e) {
  c.model.saving = false;
  auto& banners = c.model.banners;
  if (!e.error.empty()) {
    // What it covered is unsaved still: the retry's time counts from it.
    double& unsaved = c.model.unsaved_since_ms;
    if (unsaved == 0 || c.model.saving_since_ms < unsaved) unsaved = c.model.saving_since_ms;
    c.banner(Banner::Kind::Error, kNotSaved + e.error +
                                      ". Your changes are kept in this tab and saving is tried again by itself; "
                                      "export them from the Data tab to be safe.");
    retry_save_later(c);
  } else {
    StorageState& s = c.model.storage;
    if (s.retry_timer != 0) c.out.push_back(effect::CancelTimer{s.retry_timer});
    s.retry_timer = 0;
    s.retry_delay_ms = 0;
    // A successful save clears earlier save errors.
    for (size_t i = banners.size(); i-- > 0;) {
      if (banners[i].text.rfind(kNotSaved, 0) == 0) banners.erase(banners.begin() + static_cast<long>(i));
    }
    c.out.push_back(effect::NotifyOtherTabs{});
    c.model.last_save_ms = c.now - c.model.saving_since_ms;
    c.model.storage.database_bytes = e.database_bytes;
    c.model.storage.last_save_bytes = e.written_bytes;
    c.model.storage.last_saved_at_ms = c.now;
  }
  c.save_queued();
}

void on_reloaded(Context& c, const event::StorageReloaded& e) {
  if (!e.error.empty()) {
    c.banner(Banner::Kind::Warning, "Could not refresh from the other tab: " + e.error);
    return;
  }
  // The session writes to the store it started with: end any sync first
  // (only a tab that owns the database syncs, and it never reloads; this keeps it so).
  c.services.sync.cancel(static_cast<int64_t>(c.now));
  c.services.store.reset();
  open_store(c);
}

}  // namespace

void handle_storage(Context& c, const Event& event) {
  if (const auto* e = std::get_if<event::StorageLoaded>(&event)) on_loaded(c, *e);
  else if (const auto* e = std::get_if<event::LockChanged>(&event)) on_lock(c, *e);
  else if (const auto* e = std::get_if<event::Saved>(&event)) on_saved(c, *e);
  else if (const auto* e = std::get_if<event::TimerFired>(&event)) {
    if (e->id != 0 && e->id == c.model.storage.retry_timer) {
      c.model.storage.retry_timer = 0;
      c.retry_save();  // writes what the failed save left, and anything since
    }
  } else if (std::holds_alternative<event::OtherTabSaved>(event)) {
    if (!c.model.owns_database) c.out.push_back(effect::ReloadStorage{});
  } else if (const auto* e = std::get_if<event::StorageReloaded>(&event)) on_reloaded(c, *e);
  else if (const auto* e = std::get_if<event::DismissBanner>(&event)) {
    auto& banners = c.model.banners;
    if (e->index < banners.size()) banners.erase(banners.begin() + static_cast<long>(e->index));
  }
}

}  // namespace tt::web
