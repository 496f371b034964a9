#include "core/sync_engine.h"

#include <algorithm>
#include <unordered_set>
#include <utility>

namespace tt {

namespace {
constexpr int kFetchStart = 10, kFetchEnd = 60, kApplyEnd = 95;

std::vector<SyncCommand> one(SyncCommand c) { return {std::move(c)}; }
}  // namespace

SyncEngine::SyncEngine(SyncOptions options) : options_(std::move(options)) {
  options_.per_page = std::max(1, options_.per_page);
  options_.concurrency = std::max(1, options_.concurrency);
}

sync::Fetch SyncEngine::fetch(int page, int attempt) {
  sync::Fetch c;
  c.id = next_id_++;
  c.page = page;
  c.attempt = attempt;
  c.url = options_.endpoint.tunebook_page(options_.member_id, page, options_.per_page);
  in_flight_[c.id] = {page, attempt};
  ++result_.requests;
  return c;
}

std::vector<SyncCommand> SyncEngine::start(int64_t now_ms) {
  if (started_) throw SyncProtocolError("SyncEngine::start called twice: one engine runs one sync");
  started_ = true;
  started_at_ms_ = now_ms;
  progress_ = {};
  progress_.stage = SyncStage::FetchingMetadata;
  progress_.percent = kFetchStart;
  return one(fetch(1, 1));
}

void SyncEngine::update_fetch_progress() {
  if (progress_.pages_total > 0) {
    progress_.percent = kFetchStart + (kFetchEnd - kFetchStart) * progress_.pages_done / progress_.pages_total;
  }
}

void SyncEngine::issue_more_pages(std::vector<SyncCommand>& out) {
  const auto busy = [&] { return static_cast<int>(in_flight_.size() + waiting_.size()); };
  while (next_page_ <= progress_.pages_total && busy() < options_.concurrency) {
    out.push_back(fetch(next_page_++, 1));
  }
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
  if (failure == FailureClass::NotFound) {
    return fail(SyncFailure::NotFound,
                "User #" + std::to_string(options_.member_id) + " not found on thesession.org", now_ms);
  }
  if (failure != FailureClass::None) {
    if (const auto delay = options_.retry.next_delay(request.attempt, outcome)) {
      sync::Wait wait;
      wait.id = next_id_++;
      wait.delay_ms = *delay;
      waiting_[wait.id] = {request.page, request.attempt + 1};
      return one(wait);
    }
    const int attempts = request.attempt;
    const std::string after = " (after " + std::to_string(attempts) + (attempts == 1 ? " attempt)" : " attempts)");
    if (failure == FailureClass::Transient) {
      return fail(SyncFailure::Unavailable,
                  "thesession.org is unavailable: " + describe_failure(outcome) + " on page " +
                      std::to_string(request.page) + after, now_ms);
    }
    return fail(SyncFailure::Other,
                "Unexpected answer from thesession.org: " + describe_failure(outcome) + " on page " +
                    std::to_string(request.page) + after, now_ms);
  }

  TunebookParse parsed = parse_tunebook_page(outcome.body);
  if (!parsed.page) return fail(SyncFailure::InvalidData, parsed.error, now_ms);

  TunebookPage& page = *parsed.page;
  if (request.page == 1) progress_.pages_total = page.pages;
  for (auto& error : page.entry_errors) entry_errors_.push_back(std::move(error));
  progress_.tunes_fetched += static_cast<int>(page.tunes.size());
  pages_[request.page] = std::move(page.tunes);
  ++progress_.pages_done;
  update_fetch_progress();

  std::vector<SyncCommand> out;
  issue_more_pages(out);
  if (in_flight_.empty() && waiting_.empty() && next_page_ > progress_.pages_total) {
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
  return one(fetch(next.page, next.attempt));
}

std::vector<SyncCommand> SyncEngine::finish_fetching() {
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
  progress_.stage = SyncStage::AddingToCollection;
  progress_.percent = kFetchEnd;
  applying_ = true;
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
  return fail(SyncFailure::Other, "Could not save the tunebook: " + message, now_ms);
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
