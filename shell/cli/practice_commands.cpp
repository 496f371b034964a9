#include "shell/cli/practice_commands.h"

#include <ctime>
#include <nlohmann/json.hpp>
#include <set>

#include "core/music_key.h"
#include "core/parse_number.h"
#include "core/thesession_number.h"
#include "core/time_format.h"
#include "core/url.h"
#include "core/words.h"
#include "shell/actions/practice_actions.h"

namespace tt::cli {
namespace {

using nlohmann::json;

constexpr int64_t kMinuteMs = 60'000;

// "2025-01-06 09:10", in the musician's time.
std::string local_time_text(int64_t at_ms, int utc_offset_minutes) {
  const std::string iso = format_iso8601_utc(at_ms + int64_t{utc_offset_minutes} * kMinuteMs);
  return iso.substr(0, 10) + " " + iso.substr(11, 5);
}

// "in 10 min", "in 5 hours", "in 3 days" (the page's rating buttons say
// the same), or "now".
std::string wait_text(int64_t from_ms, int64_t to_ms) {
  const int64_t wait = to_ms - from_ms;
  if (wait < kMinuteMs) return "now";
  return "in " + wait_words(wait);
}

}  // namespace

int local_utc_offset_minutes(int64_t at_ms) {
  const std::time_t t = static_cast<std::time_t>(at_ms / 1000);
  std::tm local{};
  if (!localtime_r(&t, &local)) return 0;
  return static_cast<int>(local.tm_gmtoff / 60);
}

void print_practice(Store& store, int64_t now_ms, int offset, bool as_json, std::ostream& out) {
  const PracticeLimits limits = store.practice_limits();
  const std::vector<QueueItem> queue = actions::todays_queue(store, now_ms, offset, limits).value;
  const int64_t start = practice_day_start_ms(now_ms, offset);
  const int64_t end = practice_day_end_ms(now_ms, offset);
  std::set<int64_t> done;
  for (const auto& row : store.practice_log_since(start)) {
    if (row.at_ms < end) done.insert(row.tune_id);
  }
  const int rated_today = store.ratings_between(start, end);
  const int new_today = store.new_started_between(start, end);
  const std::string day = practice_day(now_ms, offset);

  if (as_json) {
    json items = json::array();
    for (const auto& item : queue) {
      const auto e = store.entry(item.tune_id);
      if (!e) continue;
      items.push_back({{"tune_id", item.tune_id},
                       {"name", e->name},
                       {"type", e->type},
                       {"key", e->key},
                       {"reason", to_string(item.reason)},
                       {"due", item.reason == QueueReason::New ? json(nullptr) : json(format_iso8601_utc(item.due_ms))},
                       {"done", done.count(item.tune_id) > 0}});
    }
    const json doc = {{"day", day},
                      {"utc_offset_minutes", offset},
                      {"per_day", limits.per_day},
                      {"new_per_day", limits.new_per_day},
                      {"done_today", rated_today},
                      {"new_today", new_today},
                      {"queue", std::move(items)}};
    out << doc.dump(2) << "\n";
    return;
  }
  size_t left = 0;
  for (const auto& item : queue) {
    const auto e = store.entry(item.tune_id);
    if (!e) continue;
    const bool is_done = done.count(item.tune_id) > 0;
    left += is_done ? 0 : 1;
    out << item.tune_id << "\t" << e->name << "\t" << e->type << "\t" << key_label(e->key) << "\t"
        << to_string(item.reason) << "\t"
        << (item.reason == QueueReason::New ? std::string("-") : "due " + local_time_text(item.due_ms, offset))
        << (is_done ? "\tdone" : "") << "\n";
  }
  out << "Practice for " << day << ": " << queue.size() << (queue.size() == 1 ? " tune, " : " tunes, ") << left
      << " to go (" << rated_today << (rated_today == 1 ? " rating" : " ratings") << " today; limits "
      << limits.per_day << " a day, " << limits.new_per_day << " new)\n";
}

RateRequest parse_rate_request(const std::string& tune, const std::string& rating, const std::optional<std::string>& at) {
  RateRequest request;
  const auto id = read_thesession_number(tune, ThesessionThing::Tune);  // as set-status, heard and notes read it
  if (!id) throw PracticeInputError("--tune: " + id.error);
  request.tune_id = *id;
  const auto r = parse_rating(rating);
  if (!r) throw PracticeInputError("unknown rating " + quote_excerpt(rating) + " (use again, hard, good or easy)");
  request.rating = *r;
  if (at) {
    request.at_ms = parse_iso8601_utc(*at);
    if (!request.at_ms) {
      throw PracticeInputError("--at must be a UTC time like 2025-01-06T09:00:00Z, not " + quote_excerpt(*at));
    }
  }
  return request;
}

void rate_and_print(Store& store, const RateRequest& request, int64_t now_ms, int offset, bool as_json,
                    const std::string& db_path, std::ostream& out) {
  const auto e = store.entry(request.tune_id);
  if (!e) throw PracticeInputError("Tune #" + std::to_string(request.tune_id) + " is not in your collection");
  const int64_t at = request.at_ms.value_or(now_ms);
  const RatingOutcome outcome = actions::rate(store, request.tune_id, request.rating, store.practice_parameters(), at).value;
  const CardMemory& card = outcome.entry.after;
  if (as_json) {
    const json doc = {{"tune_id", request.tune_id},
                      {"name", e->name},
                      {"rating", to_string(request.rating)},
                      {"at", format_iso8601_utc(at)},
                      {"state", to_string(card.state)},
                      {"due", format_iso8601_utc(card.due_ms)},
                      {"scheduled_days", card.scheduled_days},
                      {"lapses", card.lapses},
                      {"suggests_promotion", outcome.suggests_promotion}};
    out << doc.dump(2) << "\n";
    return;
  }
  out << e->name << ": " << to_string(request.rating) << ". Next due " << local_time_text(card.due_ms, offset) << " ("
      << wait_text(at, card.due_ms) << ").\n";
  if (outcome.suggests_promotion) {
    out << "You know it well now: mark it learned with\n  tunetrack set-status --db " << db_path << " --tune "
        << request.tune_id << " --status learned\n";
  }
}

}  // namespace tt::cli
