#include "core/sync_engine.h"

#include <algorithm>
#include <unordered_set>
#include <utility>

#include "core/thesession_sets.h"

namespace tt {

namespace {
constexpr int kFetchStart = 10, kFetchEnd = 60, kApplyEnd = 95;

std::vector<SyncCommand> one(SyncCommand c) { return {std::move(c)}; }
}  // namespace

SyncEngine::SyncEngine(SyncOptions options) : options_(std::move(options)) {
  options_.per_page = std::max(1, options_.per_page);
  options_.concurrency = std::max(1, options_.concurrency);
  progress_.kind = result_.kind = options_.what;
  if (options_.what == SyncKind::Sets) {
    sets_ = std::make_unique<SetsCollector>(options_.known_tunes, options_.known_sets);
  }
}

sync::Fetch SyncEngine::fetch(const InFlight& what) {
  sync::Fetch c;
  c.id = next_id_++;
  c.page = what.page;
  c.tune_id = what.tune_id;
  c.attempt = what.attempt;
  if (what.tune_id != 0) {
    c.url = options_.endpoint.tune(what.tune_id);
  } else if (options_.what == SyncKind::Sets) {
    c.url = options_.endpoint.sets_page(options_.member_id, what.page, options_.per_page);
  } else {
    c.url = options_.endpoint.tunebook_page(options_.member_id, what.page, options_.per_page);
  }
  in_flight_[c.id] = what;
  ++result_.requests;
  return c;
}

std::vector<SyncCommand> SyncEngine::start(int64_t now_ms) {
  if (started_) throw SyncProtocolError("SyncEngine::start called twice: one engine runs one sync");
  started_ = true;
  started_at_ms_ = now_ms;
  progress_ = {};
  progress_.kind = options_.what;
  progress_.stage = SyncStage::FetchingMetadata;
  progress_.percent = kFetchStart;
  return one(fetch({1, 0, 1}));
}

void SyncEngine::update_fetch_progress() {
  // By requests answered; tune pages to check become known as set pages
  // arrive, so the figure never moves back.
  const int total = progress_.pages_total + progress_.tunes_to_check;
  if (progress_.pages_total > 0 && total > 0) {
    const int done = progress_.pages_done + progress_.tunes_checked;
    progress_.percent = std::max(progress_.percent, kFetchStart + (kFetchEnd - kFetchStart) * done / total);
  }
}

void SyncEngine::issue_more(std::vector<SyncCommand>& out) {
  const auto busy = [&] { return static_cast<int>(in_flight_.size() + waiting_.size()); };
  while (busy() < options_.concurrency) {
    if (next_page_ <= progress_.pages_total) {
      out.push_back(fetch({next_page_++, 0, 1}));
    } else if (next_check_ < tunes_to_check_.size()) {
      out.push_back(fetch({0, tunes_to_check_[next_check_++], 1}));
    } else {
      break;
    }
  }
}

std::vector<SyncCommand> SyncEngine::retry_or_fail(const InFlight& request, const HttpOutcome& outcome,
                                                    int64_t now_ms) {
  if (const auto delay = options_.retry.next_delay(request.attempt, outcome)) {
    sync::Wait wait;
    wait.id = next_id_++;
    wait.delay_ms = *delay;
    waiting_[wait.id] = {request.page, request.tune_id, request.attempt + 1};
    return one(wait);
  }
  const int attempts = request.attempt;
  const std::string where =
      request.tune_id ? " on tune #" + std::to_string(request.tune_id) : " on page " + std::to_string(request.page);
  const std::string after = " (after " + std::to_string(attempts) + (attempts == 1 ? " attempt)" : " attempts)");
  if (classify(outcome) == FailureClass::Transient) {
    return fail(SyncFailure::Unavailable,
                "thesession.org is unavailable: " + describe_failure(outcome) + where + after, now_ms);
  }
  return fail(SyncFailure::Other, "Unexpected answer from thesession.org: " + describe_failure(outcome) + where + after,
              now_ms);
}

bool SyncEngine::take_page(const InFlight& request, const std::string& body, std::string& error) {
  int pages = 1;
  if (options_.what == SyncKind::Sets) {
    SetsParse parsed = parse_sets_page(body);
    if (!parsed.page) {
      error = parsed.error;
      return false;
    }
    pages = parsed.page->pages;
    for (const int64_t tune : sets_->add_page(request.page, std::move(*parsed.page))) tunes_to_check_.push_back(tune);
    progress_.sets_fetched = sets_->sets_seen();
    progress_.tunes_to_check = static_cast<int>(tunes_to_check_.size());
  } else {
    TunebookParse parsed = parse_tunebook_page(body);
    if (!parsed.page) {
      error = parsed.error;
      return false;
    }
    TunebookPage& page = *parsed.page;
    pages = page.pages;
    for (auto& e : page.entry_errors) entry_errors_.push_back(std::move(e));
    progress_.tunes_fetched += static_cast<int>(page.tunes.size());
    pages_[request.page] = std::move(page.tunes);
  }
  if (request.page == 1) progress_.pages_total = pages;
  ++progress_.pages_done;
  return true;
}

void SyncEngine::take_tune_page(const InFlight& request, const HttpOutcome& outcome) {
  const FailureClass failure = classify(outcome);
  if (failure == FailureClass::NotFound) {
    sets_->tune_gone(request.tune_id);
  } else if (failure != FailureClass::None) {
    // Not the tune, and no retry would make it one: that entry alone is left out.
    sets_->tune_unusable(request.tune_id, "thesession.org answered " + describe_failure(outcome));
  } else if (TuneDetailsParse parsed = parse_tune_details(outcome.body); parsed.tune) {
    sets_->tune_found(request.tune_id, std::move(*parsed.tune));
  } else {
    sets_->tune_unusable(request.tune_id, "its page on thesession.org cannot be read");
  }
  ++progress_.tunes_checked;
}

std::vector<SyncCommand> SyncEngine::on_response(int request_id, const HttpOutcome& outcome, int64_t now_ms) {
  const auto it = in_flight_.find(request_id);
  if (it == in_flight_.end()) {
    throw SyncProtocolError("SyncEngine: answer for request " + std::to_string(request_id) +
                            ", which is not outstanding");
  }
  const InFlight request = it->second;
  in_flight_.erase(it);

  const FailureClass failure = classify(outcome);
  if (failure == FailureClass::Offline) {
    // Backing off for seconds would only make the musician wait for the same answer.
    return fail(SyncFailure::Offline,
                "You are offline: " + outcome.transport_error +
                    ". Nothing changed; sync again when you are back online.", now_ms);
  }
  if (request.tune_id != 0) {
    if (failure == FailureClass::Transient) {
      // Whether the tune is still there is unknown: retried, and if it stays
      // unknown the sync fails rather than guess.
      return retry_or_fail(request, outcome, now_ms);
    }
    take_tune_page(request, outcome);
  } else {
    if (failure == FailureClass::NotFound) {
      return fail(SyncFailure::NotFound,
                  "No member " + std::to_string(options_.member_id) +
                      " on thesession.org: check the number at the end of your profile's address", now_ms);
    }
    if (failure != FailureClass::None) return retry_or_fail(request, outcome, now_ms);
    std::string error;
    if (!take_page(request, outcome.body, error)) return fail(SyncFailure::InvalidData, error, now_ms);
  }
  update_fetch_progress();

  std::vector<SyncCommand> out;
  issue_more(out);
  if (in_flight_.empty() && waiting_.empty() && next_page_ > progress_.pages_total &&
      next_check_ >= tunes_to_check_.size()) {
    return finish_fetching();
  }
  return out;
}

std::vector<SyncCommand> SyncEngine::on_timer(int timer_id) {
  const auto it = waiting_.find(timer_id);
  if (it == waiting_.end()) {
    throw SyncProtocolError("SyncEngine: timer " + std::to_string(timer_id) + " is not pending");
  }
  const InFlight next = it->second;
  waiting_.erase(it);
  return one(fetch(next));
}

std::vector<SyncCommand> SyncEngine::finish_fetching() {
  progress_.stage = SyncStage::AddingToCollection;
  progress_.percent = kFetchEnd;
  applying_ = true;
  if (options_.what == SyncKind::Sets) {
    sync::ApplySets apply;
    apply.default_status = options_.default_status;
    apply.fetched = sets_->finish();
    for (const auto& e : apply.fetched.errors) entry_errors_.push_back(e);
    set_entries_skipped_ = apply.fetched.entries_skipped;
    fetched_count_ = static_cast<int>(apply.fetched.tunes.size());
    progress_.tunes_fetched = fetched_count_;
    return one(std::move(apply));
  }
  // Merge pages in order, keeping the first occurrence of each id: pages may
  // shift while they are fetched, so a tune can show up twice.
  std::unordered_set<int64_t> seen;
  sync::Apply apply;
  apply.default_status = options_.default_status;
  for (auto& [page_number, tunes] : pages_) {
    for (auto& tune : tunes) {
      if (seen.insert(tune.id).second) apply.tunes.push_back(std::move(tune));
    }
  }
  pages_.clear();
  fetched_count_ = static_cast<int>(apply.tunes.size());
  progress_.tunes_fetched = fetched_count_;
  return one(std::move(apply));
}

void SyncEngine::on_apply_progress(double fraction) {
  if (!applying_ || finished_) return;
  fraction = std::clamp(fraction, 0.0, 1.0);
  progress_.percent = kFetchEnd + static_cast<int>((kApplyEnd - kFetchEnd) * fraction);
}

SyncResult SyncEngine::result_if_applied(const ApplyOutcome& outcome, int64_t now_ms) const {
  if (finished_ || !applying_) throw SyncProtocolError("SyncEngine: on_applied without an Apply outstanding");
  SyncResult r = result_;
  r.status = entry_errors_.empty() ? SyncStage::Completed : SyncStage::CompletedWithErrors;
  r.progress_percent = 100;
  r.tunes_fetched = fetched_count_;
  r.tunes_created = outcome.tunes_created;
  r.person_tunes_added = outcome.person_tunes_added;
  r.person_tunes_skipped = outcome.person_tunes_skipped;
  r.left_tunebook = outcome.left_tunebook;
  if (options_.what == SyncKind::Sets) {
    r.sets_fetched = progress_.sets_fetched;
    r.sets_added = outcome.sets_added;
    r.sets_already_there = outcome.sets_already_there;
    r.set_entries_skipped = set_entries_skipped_;
    r.tunes_checked = progress_.tunes_checked;
  }
  r.pages = progress_.pages_total;
  r.errors = entry_errors_;
  r.duration_ms = now_ms - started_at_ms_;
  return r;
}

std::vector<SyncCommand> SyncEngine::on_applied(const ApplyOutcome& outcome, int64_t now_ms) {
  result_ = result_if_applied(outcome, now_ms);
  finished_ = true;
  applying_ = false;
  progress_.stage = result_.status;
  progress_.percent = 100;
  return one(sync::Done{result_});
}

std::vector<SyncCommand> SyncEngine::on_apply_failed(const std::string& message, int64_t now_ms) {
  if (finished_ || !applying_) throw SyncProtocolError("SyncEngine: on_apply_failed without an Apply outstanding");
  const char* what = options_.what == SyncKind::Sets ? "Could not save the sets: " : "Could not save the tunebook: ";
  return fail(SyncFailure::Other, what + message, now_ms);
}

std::vector<SyncCommand> SyncEngine::cancel(int64_t now_ms) {
  if (finished_) return {};
  fail(SyncFailure::Cancelled, "Sync cancelled", now_ms);
  result_.status = progress_.stage = SyncStage::Cancelled;
  return one(sync::Done{result_});
}

std::vector<SyncCommand> SyncEngine::fail(SyncFailure failure, std::string message, int64_t now_ms) {
  finished_ = true;
  applying_ = false;
  in_flight_.clear();
  waiting_.clear();
  result_.status = SyncStage::Failed;
  result_.failure = failure;
  result_.progress_percent = 0;
  result_.tunes_fetched = progress_.tunes_fetched;
  result_.sets_fetched = progress_.sets_fetched;
  result_.tunes_checked = progress_.tunes_checked;
  result_.pages = progress_.pages_total;
  result_.errors = entry_errors_;
  result_.errors.push_back(message);
  result_.message = std::move(message);
  result_.duration_ms = now_ms - started_at_ms_;
  progress_.stage = SyncStage::Failed;
  progress_.percent = 0;
  return one(sync::Done{result_});
}

}  // namespace tt
