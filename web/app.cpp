#include "web/app.h"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "core/collection_io.h"
#include "core/version.h"
#include "web/browser.h"

namespace tt::web {

namespace {
constexpr int kSyncTimeoutMs = 20000;
constexpr int kSearchDebounceMs = 350;
constexpr int kHashDebounceMs = 300;
int64_t clock_ms() { return static_cast<int64_t>(now_ms()); }
}  // namespace

// ---------------------------------------------------------------- start-up

void App::on_storage_loaded(const std::string& error) {
  proxy_ = proxy_base_url();
  if (!error.empty()) {
    // Saving now would replace what could not be read with an empty collection.
    storage_unavailable_ = true;
    add_banner(Banner::Kind::Error, error + ". Nothing will be saved in this tab, so your saved collection stays "
                                            "as it is; export anything you change here from the Data tab.");
  }
  open_store();
  on_hash_changed(location_hash());
  request_db_lock();
  const int id = next_fetch_id();
  fetches_[id] = {Purpose::Health, 0, 0};
  fetch_url(id, proxy_ + "/healthz", 5000);
}

void App::open_store() {
  const auto try_open = [&]() -> std::string {
    try {
      store_ = std::make_unique<Store>(kDatabasePath, clock_ms);
      const std::string integrity = store_->integrity_check();
      if (integrity != "ok") {
        store_.reset();
        return "integrity check failed: " + integrity;
      }
      return "";
    } catch (const std::exception& e) {
      store_.reset();
      return e.what();
    }
  };
  std::string problem = try_open();
  if (!problem.empty()) {
    // Keep the damaged file: move it aside, offer it for download, start afresh.
    damaged_copy_ = "/data/tunetrack-damaged-" + std::to_string(clock_ms()) + ".db";
    std::rename(kDatabasePath, damaged_copy_.c_str());
    add_banner(Banner::Kind::Error,
               "Your saved collection could not be read, so it was set aside, not deleted: download it from the "
               "Data tab. A new, empty collection was started. (" + problem + ")");
    problem = try_open();
    if (!problem.empty()) add_banner(Banner::Kind::Error, "Cannot create a database: " + problem);
  }
  if (store_) {
    member_id_text = store_->setting("member_id").value_or("");
    if (auto s = store_->setting("default_status")) {
      sync_default_status = parse_learn_status(*s).value_or(LearnStatus::WantToLearn);
    }
  }
  reload_entries();
}

void App::on_lock(int state) {
  owns_database_ = state != 0;
  if (state == 0) {
    add_banner(Banner::Kind::Warning,
               "tunetrack is open in another tab: this tab is read-only and follows that tab's changes.");
  } else if (state == 2) {
    banners_.clear();
    add_banner(Banner::Kind::Info, "The other tab closed: this tab can edit again.");
    reload_storage();
  }
}

void App::on_other_tab_saved() {
  if (!owns_database_) reload_storage();
}

void App::on_storage_reloaded(const std::string& error) {
  if (!error.empty()) return add_banner(Banner::Kind::Warning, "Could not refresh from the other tab: " + error);
  store_.reset();
  open_store();
}

// ---------------------------------------------------------------- persistence

void App::after_write() {
  if (storage_unavailable_) return;
  if (persisting_) {
    persist_again_ = true;
    return;
  }
  persisting_ = true;
  persist_storage();
}

void App::on_persisted(const std::string& error) {
  persisting_ = false;
  if (!error.empty()) {
    add_banner(Banner::Kind::Error, "Not saved to this browser: " + error +
                                        ". Your changes are kept while this tab stays open; export them from the Data tab.");
  } else {
    // A successful save clears earlier save errors.
    for (size_t i = banners_.size(); i-- > 0;) {
      if (banners_[i].text.rfind("Not saved", 0) == 0) banners_.erase(banners_.begin() + static_cast<long>(i));
    }
    notify_other_tabs();
  }
  if (persist_again_) {
    persist_again_ = false;
    after_write();
  }
}

bool App::guard_writable() {
  if (!store_) return false;
  if (!owns_database_) {
    add_banner(Banner::Kind::Warning, "This tab is read-only while tunetrack is open in another tab.");
    return false;
  }
  return true;
}

// ---------------------------------------------------------------- collection

void App::reload_entries() {
  entries_ = store_ ? store_->list_collection() : std::vector<CollectionEntry>{};
  index_ = std::make_unique<CollectionIndex>(entries_);
  refresh_summaries();
  refresh_visible();
}

void App::refresh_summaries() {
  status_counts_ = count_by_status(entries_);
  type_counts_ = count_by_type(entries_);
}

void App::refresh_visible() { visible_ = index_->query(view_.filter, sort_); }

void App::replace_entry(int64_t tune_id) {
  const auto fresh = store_->entry(tune_id);
  if (!fresh) return reload_entries();
  for (size_t i = 0; i < entries_.size(); ++i) {
    if (entries_[i].tune_id == tune_id) {
      entries_[i] = *fresh;
      index_->entry_changed(i);
    }
  }
  refresh_summaries();
  refresh_visible();
}

const CollectionEntry* App::entry(int64_t tune_id) const {
  for (const auto& e : entries_) {
    if (e.tune_id == tune_id) return &e;
  }
  return nullptr;
}

const TuneDetails* App::details(int64_t tune_id) const {
  const auto it = details_.find(tune_id);
  return it == details_.end() ? nullptr : &it->second;
}

std::string App::sqlite_version() const { return Store::sqlite_version(); }

bool App::busy() const {
  return syncing() || search_request_ != 0 || search_due_ms_ > 0 || hash_due_ms_ > 0 || persisting_ ||
         !details_requests_.empty();
}

void App::set_view(const ViewState& view, bool new_history_entry) {
  const std::string shown_before = to_fragment(view_);
  const bool changed = !(view == view_);
  const bool filter_changed = view.filter != view_.filter;
  view_ = view;
  if (filter_changed) refresh_visible();
  if (changed) {
    if (new_history_entry) {
      // A search typed just before still belongs to the current entry: Back returns to it.
      if (hash_due_ms_ > 0) set_location_hash(shown_before, false);
      set_location_hash(to_fragment(view_), true);
      hash_due_ms_ = 0;
    } else {
      // Typing: the address bar follows once the typing pauses. Browsers
      // take milliseconds per history update, too slow for every keystroke.
      hash_due_ms_ = now_ms() + kHashDebounceMs;
    }
  }
  if (view_.open_tune) ensure_details(view_.open_tune);
}

void App::ensure_details(int64_t tune_id) {
  if (details(tune_id)) return;
  if (store_) {
    if (auto kept = store_->tune_details(tune_id)) {
      details_[tune_id] = *kept;
      return;
    }
  }
  fetch_details(tune_id);
}

void App::on_hash_changed(const std::string& fragment) {
  const ViewState parsed = parse_fragment(fragment);
  if (parsed == view_) return;
  const bool filter_changed = parsed.filter != view_.filter;
  view_ = parsed;
  if (filter_changed && index_) refresh_visible();
  if (view_.open_tune) ensure_details(view_.open_tune);
}

void App::set_sort(const CollectionSort& sort) {
  sort_ = sort;
  refresh_visible();
}

void App::open_tune(int64_t tune_id) {
  ViewState v = view_;
  v.open_tune = tune_id;
  set_view(v, true);
}

void App::close_tune() {
  ViewState v = view_;
  v.open_tune = 0;
  set_view(v, true);
}

void App::fetch_details(int64_t tune_id) {
  if (details_requests_.count(tune_id)) return;
  details_error_.clear();
  const int id = next_fetch_id();
  fetches_[id] = {Purpose::Details, 0, tune_id};
  details_requests_[tune_id] = id;
  fetch_url(id, ApiEndpoint{proxy_, true}.tune(tune_id), 15000);
}

void App::add_tune(const TuneSummary& tune) {
  if (!guard_writable()) return;
  if (store_->add_tune(tune, LearnStatus::WantToLearn, "search")) {
    reload_entries();
    highlighted_ = tune.id;
    after_write();
  }
}

void App::remove_tune(int64_t tune_id) {
  if (!guard_writable()) return;
  if (store_->remove_tune(tune_id)) {
    if (view_.open_tune == tune_id) close_tune();
    reload_entries();
    after_write();
  }
}

void App::set_status(int64_t tune_id, LearnStatus status) {
  if (!guard_writable()) return;
  if (store_->set_status(tune_id, status)) {
    replace_entry(tune_id);
    after_write();
  }
}

void App::heard(int64_t tune_id, bool undo) {
  if (!guard_writable()) return;
  if (store_->heard(tune_id, undo)) {
    replace_entry(tune_id);
    after_write();
  }
}

void App::set_notes(int64_t tune_id, const std::string& notes) {
  if (!guard_writable()) return;
  if (store_->set_notes(tune_id, notes)) {
    replace_entry(tune_id);
    after_write();
  }
}

// ---------------------------------------------------------------- sync

void App::start_sync() {
  if (!guard_writable() || syncing()) return;
  std::string digits = member_id_text;
  digits.erase(0, digits.find_first_not_of(' '));
  digits.erase(digits.find_last_not_of(' ') + 1);
  const std::optional<int64_t> member = parse_thesession_id(digits);
  if (!member) {
    SyncResult r;
    r.status = SyncStage::Failed;
    r.failure = SyncFailure::Other;
    r.message = "Enter your thesession.org member number (digits only)";
    last_sync_ = r;
    return;
  }
  store_->set_setting("member_id", digits);
  store_->set_setting("default_status", std::string(to_string(sync_default_status)));
  SyncOptions options;
  options.member_id = *member;
  options.endpoint = {proxy_, true};
  options.default_status = sync_default_status;
  sync_ = std::make_unique<SyncEngine>(options);
  last_sync_.reset();
  sync_started_ms_ = clock_ms();
  run_sync_commands(sync_->start(sync_started_ms_));
}

void App::cancel_sync() {
  if (!syncing()) return;
  for (const auto& [id, pending] : fetches_) {
    if (pending.purpose == Purpose::Sync) abort_fetch(id);
  }
  run_sync_commands(sync_->cancel(clock_ms()));
}

void App::run_sync_commands(std::vector<SyncCommand> commands) {
  for (const SyncCommand& c : commands) {
    switch (c.kind) {
      case SyncCommand::Kind::Fetch: {
        const int id = next_fetch_id();
        fetches_[id] = {Purpose::Sync, c.id, 0};
        fetch_url(id, c.url, kSyncTimeoutMs);
        break;
      }
      case SyncCommand::Kind::Wait: {
        const int id = next_fetch_id();
        timers_[id] = c.id;
        set_timer(id, static_cast<int>(c.delay_ms));
        break;
      }
      case SyncCommand::Kind::Apply: {
        std::vector<SyncCommand> next;
        const double apply_start = now_ms();
        try {
          const ApplyOutcome applied = store_->apply_sync(sync_->fetched_tunes(), sync_->options().default_status,
                                                         [&](double f) { sync_->on_apply_progress(f); });
          next = sync_->on_applied(applied, clock_ms());
          reload_entries();
          last_apply_ms_ = now_ms() - apply_start;
          after_write();  // saved to IndexedDB at once, not on a timer
        } catch (const std::exception& e) {
          next = sync_->on_apply_failed(e.what(), clock_ms());
        }
        run_sync_commands(std::move(next));
        break;
      }
      case SyncCommand::Kind::Done:
        finish_sync();
        break;
    }
  }
}

void App::finish_sync() {
  last_sync_ = sync_->result();
  try {
    store_->record_sync_run(sync_->options().member_id, sync_started_ms_, *last_sync_);
    after_write();
  } catch (const std::exception&) {
    // History is a convenience; the result is shown regardless.
  }
}

// ---------------------------------------------------------------- network answers

void App::on_fetch_done(int id, const HttpOutcome& outcome) {
  const auto it = fetches_.find(id);
  if (it == fetches_.end()) return;
  const Pending pending = it->second;
  fetches_.erase(it);
  switch (pending.purpose) {
    case Purpose::Sync:
      if (sync_) run_sync_commands(sync_->on_response(pending.engine_id, outcome, clock_ms()));
      break;
    case Purpose::Health:
      if (outcome.ok()) {
        const auto doc = nlohmann::json::parse(outcome.body, nullptr, false);
        healthz_ = doc.is_object() ? "proxy " + doc.value("version", std::string("?")) + ", upstream " +
                                         doc["upstream"].value("state", std::string("?"))
                                   : "proxy answered oddly";
      } else {
        healthz_ = "proxy unreachable (" + describe_failure(outcome) + ")";
      }
      break;
    case Purpose::Details: {
      details_requests_.erase(pending.tune_id);
      if (!outcome.ok()) {
        details_error_ = classify(outcome) == FailureClass::NotFound
                             ? "This tune is no longer on thesession.org"
                             : "Details unavailable offline (" + describe_failure(outcome) + ")";
        break;
      }
      const TuneDetailsParse parsed = parse_tune_details(outcome.body);
      if (!parsed.tune) {
        details_error_ = parsed.error;
        break;
      }
      TuneDetails details = *parsed.tune;
      details.id = pending.tune_id;  // a merged tune stays under the id the user has
      details_[pending.tune_id] = details;
      if (store_ && owns_database_ && entry(pending.tune_id)) {
        store_->save_tune_details(details);  // fetched once, then kept
        replace_entry(pending.tune_id);
        after_write();
      }
      break;
    }
    case Purpose::Search: {
      if (id != search_request_) break;  // an older search answered late
      search_request_ = 0;
      if (!outcome.ok()) {
        search_message_ = "Search unavailable (" + describe_failure(outcome) + ")";
        search_results_.clear();
        break;
      }
      const SearchParse parsed = parse_search_results(outcome.body);
      if (!parsed.results) {
        search_message_ = parsed.error;
        break;
      }
      search_results_ = parsed.results->tunes;
      search_message_ = search_results_.empty() ? "No tunes found for \"" + searched_text_ + "\""
                                                : std::to_string(parsed.results->total) + " tunes found";
      break;
    }
  }
}

void App::on_timer(int id) {
  const auto it = timers_.find(id);
  if (it == timers_.end()) return;
  const int engine_timer = it->second;
  timers_.erase(it);
  if (sync_) run_sync_commands(sync_->on_timer(engine_timer));
}

// ---------------------------------------------------------------- remote search

void App::search_changed(double now) { search_due_ms_ = now + kSearchDebounceMs; }

void App::tick() {
  if (hash_due_ms_ > 0 && now_ms() >= hash_due_ms_) {
    hash_due_ms_ = 0;
    set_location_hash(to_fragment(view_), false);
  }
  if (search_due_ms_ > 0 && now_ms() >= search_due_ms_) {
    search_due_ms_ = 0;
    searched_text_ = search_text;
    if (searched_text_.size() < 2) {
      search_results_.clear();
      search_message_ = searched_text_.empty() ? "" : "Type at least 2 letters";
      return;
    }
    if (search_request_) abort_fetch(search_request_);
    search_request_ = next_fetch_id();
    fetches_[search_request_] = {Purpose::Search, 0, 0};
    search_message_ = "Searching...";
    fetch_url(search_request_, ApiEndpoint{proxy_, true}.search(searched_text_, 1, 30), 15000);
  }
}

// ---------------------------------------------------------------- data

void App::export_collection(bool json) {
  if (json) {
    download_text("tunetrack-collection.json", "application/json", export_json(entries_));
  } else {
    download_text("tunetrack-collection.csv", "text/csv", export_csv(entries_));
  }
}

void App::pick_import_file() {
  if (guard_writable()) pick_text_file();
}

void App::on_file_picked(const std::string& text, const std::string& error) {
  if (!error.empty()) {
    import_summary = error;
    return;
  }
  const ImportParse parsed = parse_import_json(text);
  if (!parsed.fatal.empty()) {
    import_summary = "Nothing imported: " + parsed.fatal;
    return;
  }
  try {
    const ImportSummary s = store_->import_entries(parsed.entries);
    import_summary = std::to_string(s.added) + " added, " + std::to_string(s.unchanged) + " already there, " +
                     std::to_string(s.conflicts) + " kept as they were (different data), " +
                     std::to_string(parsed.errors.size()) + " invalid";
    for (const auto& m : s.messages) import_summary += "\n" + m;
    for (const auto& m : parsed.errors) import_summary += "\ninvalid: " + m;
    reload_entries();
    after_write();
  } catch (const std::exception& e) {
    import_summary = std::string("Nothing imported: ") + e.what();
  }
}

void App::download_damaged_copy() {
  if (!damaged_copy_.empty()) download_file("tunetrack-damaged.db", damaged_copy_);
}

void App::add_banner(Banner::Kind kind, std::string text) {
  for (const auto& b : banners_) {
    if (b.text == text) return;
  }
  banners_.push_back({kind, std::move(text)});
}

void App::dismiss_banner(size_t index) {
  if (index < banners_.size()) banners_.erase(banners_.begin() + static_cast<long>(index));
}

// ---------------------------------------------------------------- automation

std::string App::snapshot_json(double dpr) const {
  using nlohmann::json;
  json rows = json::array();
  for (size_t i = 0; i < visible_.size() && i < 200; ++i) {
    const auto& e = entries_[visible_[i]];
    rows.push_back({{"tune_id", e.tune_id}, {"name", e.name}, {"type", e.type},
                    {"learn_status", to_string(e.status)}, {"heard_count", e.heard_count},
                    {"learned_at", e.learned_at_ms ? json(*e.learned_at_ms) : json(nullptr)}, {"notes", e.notes}});
  }
  json rects = json::object();
  for (const auto& [name, r] : widget_rects) {
    // Canvas pixels -> CSS pixels, which is what input events use.
    rects[name] = {r[0] / dpr, r[1] / dpr, r[2] / dpr, r[3] / dpr};
  }
  json banners = json::array();
  for (const auto& b : banners_) banners.push_back(b.text);
  json sync = nullptr;
  if (sync_) {
    const SyncProgress& p = sync_->progress();
    sync = {{"stage", to_string(p.stage)}, {"percent", p.percent}, {"pages_done", p.pages_done},
            {"pages_total", p.pages_total}, {"tunes_fetched", p.tunes_fetched}};
  }
  const json status = {{"want_to_learn", status_counts_.want_to_learn},
                       {"learning", status_counts_.learning},
                       {"learned", status_counts_.learned}};
  return json{
      {"ready", ready()},
      {"read_only", read_only()},
      {"app_version", kAppVersion},
      {"sqlite_version", sqlite_version()},
      {"healthz", healthz_},
      {"total", entries_.size()},
      {"shown", visible_.size()},
      {"counts", status},
      {"rows", rows},
      {"view", {{"tab", view_.tab}, {"search", view_.filter.search}, {"type", view_.filter.type},
                {"status", view_.filter.status ? json(to_string(*view_.filter.status)) : json(nullptr)},
                {"open_tune", view_.open_tune}}},
      {"details_loaded", view_.open_tune && details(view_.open_tune) != nullptr},
      {"sync", sync},
      {"last_sync", last_sync_ ? json::parse(to_json(*last_sync_)) : json(nullptr)},
      {"member_id", member_id_text},
      {"last_apply_ms", last_apply_ms_},
      {"search_results", search_results_.size()},
      {"search_message", search_message_},
      {"import_summary", import_summary},
      {"banners", banners},
      {"saving", persisting_},
      {"highlighted", highlighted_},
      {"rects", rects},
  }.dump();
}

}  // namespace tt::web
