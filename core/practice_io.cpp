#include "core/practice_io.h"

#include <cmath>
#include <type_traits>
#include <utility>

#include "core/json_text.h"
#include "core/parse_number.h"
#include "core/time_format.h"

namespace tt {
namespace {

using nlohmann::json;

constexpr int64_t kMaxTuneId = 9999999999;  // as collection_io: thesession's ids
constexpr int64_t kMaxCount = 1000000000;
// Enough for any real log, small enough that a hostile file cannot make the
// page build millions of rows.
constexpr size_t kMaxPracticeItems = 1'000'000;

json card_fields(const CardMemory& c) { return card_to_json(c, CardTimes::Iso8601); }

// "" when `o` holds a usable card, else what is wrong with it (no untrusted
// text beyond a short quoted excerpt).
std::string read_card(const json& o, CardMemory& c) {
  if (!o.is_object()) return "not an object";
  const auto state_it = o.find("state");
  const std::string state_text = state_it != o.end() && state_it->is_string() ? state_it->get<std::string>() : "";
  const auto state = parse_card_state(state_text);
  if (!state) return state_text.empty() ? "missing state" : "unknown state " + quote_excerpt(state_text);
  c.state = *state;
  const auto real = [&](const char* key, double max, double& into) -> std::string {
    const auto it = o.find(key);
    if (it == o.end() || !it->is_number()) return std::string("missing or invalid ") + key;
    const double v = it->get<double>();
    if (!std::isfinite(v) || v < 0 || v > max) {
      return std::string("invalid ") + key + " (expected a number from 0 to " + std::to_string(static_cast<int>(max)) + ")";
    }
    into = v;
    return "";
  };
  const auto whole = [&](const char* key, int64_t max, auto& into) -> std::string {
    const auto it = o.find(key);
    if (it == o.end()) return std::string("missing ") + key;
    const Parsed<int64_t> n = it->is_number() ? read_json_int(*it, 0, max) : Parsed<int64_t>{};
    if (!n) return std::string("invalid ") + key + (n.error.empty() ? "" : " (" + n.error + ")");
    into = static_cast<std::remove_reference_t<decltype(into)>>(n.value);
    return "";
  };
  const auto moment = [&](const char* key, bool required, std::optional<int64_t>& into) -> std::string {
    const auto it = o.find(key);
    if (it == o.end() || it->is_null()) return required ? std::string("missing ") + key : "";
    const std::string text = it->is_string() ? it->get<std::string>() : "";
    into = parse_iso8601_utc(text);
    if (!into) return std::string("invalid ") + key + " " + (it->is_string() ? quote_excerpt(text) : describe_json_value(*it));
    return "";
  };
  std::optional<int64_t> due;
  for (const std::string& problem :
       {real("stability", kFsrsMaxStability, c.stability), real("difficulty", kFsrsMaxDifficulty, c.difficulty),
        whole("reps", kMaxCount, c.reps), whole("lapses", kMaxCount, c.lapses),
        whole("learning_step", kMaxCount, c.learning_step), moment("due", true, due),
        moment("last_review", false, c.last_review_ms), whole("scheduled_days", kMaxCount, c.scheduled_days),
        whole("elapsed_days", kMaxCount, c.elapsed_days)}) {
    if (!problem.empty()) return problem;
  }
  c.due_ms = *due;
  return "";
}

// The tune id of a card or row, or 0 when it has none usable.
int64_t read_tune_id(const json& o) {
  if (!o.is_object()) return 0;
  const auto it = o.find("tune_id");
  if (it == o.end() || !it->is_number()) return 0;
  const Parsed<int64_t> id = read_json_int(*it, 1, kMaxTuneId);
  return id ? id.value : 0;
}

std::string tune_label(int64_t tune_id) { return tune_id > 0 ? "#" + std::to_string(tune_id) : "#?"; }

}  // namespace

json card_to_json(const CardMemory& c, CardTimes times) {
  const auto when = [&](int64_t ms) { return times == CardTimes::Iso8601 ? json(format_iso8601_utc(ms)) : json(ms); };
  return {{"state", to_string(c.state)},
          {"stability", c.stability},
          {"difficulty", c.difficulty},
          {"reps", c.reps},
          {"lapses", c.lapses},
          {"learning_step", c.learning_step},
          {"due", when(c.due_ms)},
          {"last_review", c.last_review_ms ? when(*c.last_review_ms) : json(nullptr)},
          {"scheduled_days", c.scheduled_days},
          {"elapsed_days", c.elapsed_days}};
}

json practice_to_json(const PracticeData& practice) {
  json cards = json::array();
  for (const auto& [tune_id, card] : practice.cards) {
    json o = {{"tune_id", tune_id}};
    o.update(card_fields(card));
    cards.push_back(std::move(o));
  }
  json log = json::array();
  for (const auto& row : practice.log) {
    log.push_back({{"tune_id", row.tune_id},
                   {"at", format_iso8601_utc(row.at_ms)},
                   {"rating", to_string(row.rating)},
                   {"before", card_fields(row.before)},
                   {"after", card_fields(row.after)}});
  }
  return {{"schema", 1}, {"cards", std::move(cards)}, {"log", std::move(log)}};
}

std::string practice_from_json(const json& section, PracticeData& out, std::vector<std::string>& errors) {
  if (section.is_null()) return "";
  if (!section.is_object()) return "The practice section is not readable (expected an object, got " + describe_json_value(section) + ")";
  const auto schema_it = section.find("schema");
  const Parsed<int64_t> schema =
      schema_it != section.end() && schema_it->is_number() ? read_json_int(*schema_it, 1, kMaxCount) : Parsed<int64_t>{};
  if (!schema) return "The practice section has no valid schema number";
  if (schema.value > 1) {
    return "The practice section comes from a newer tunetrack (practice schema " + std::to_string(schema.value) +
           ", this one reads 1): nothing was imported; update tunetrack and import again";
  }
  const auto list = [&](const char* key, const json*& into) -> std::string {
    const auto it = section.find(key);
    if (it == section.end() || it->is_null()) return "";
    if (!it->is_array()) return std::string("The practice section's ") + key + " is not a list";
    if (it->size() > kMaxPracticeItems) {
      return std::string("The practice section's ") + key + " is too long (more than " +
             std::to_string(kMaxPracticeItems) + ")";
    }
    into = &*it;
    return "";
  };
  const json* cards = nullptr;
  const json* log = nullptr;
  if (std::string fatal = list("cards", cards); !fatal.empty()) return fatal;
  if (std::string fatal = list("log", log); !fatal.empty()) return fatal;

  static const json kNone = json::array();
  for (const json& o : cards ? *cards : kNone) {
    const int64_t tune_id = read_tune_id(o);
    const std::string prefix = "Practice of tune " + tune_label(tune_id) + ": ";
    if (tune_id == 0) {
      errors.push_back(prefix + "missing or invalid tune_id");
      continue;
    }
    CardMemory card;
    if (std::string problem = read_card(o, card); !problem.empty()) {
      errors.push_back(prefix + problem);
      continue;
    }
    if (!out.cards.emplace(tune_id, card).second) errors.push_back(prefix + "listed twice; the first is kept");
  }
  for (const json& o : log ? *log : kNone) {
    const int64_t tune_id = read_tune_id(o);
    const std::string prefix = "Practice log of tune " + tune_label(tune_id) + ": ";
    if (tune_id == 0) {
      errors.push_back(prefix + "missing or invalid tune_id");
      continue;
    }
    PracticeLogEntry row;
    row.tune_id = tune_id;
    const auto at = o.find("at");
    const std::string at_text = at != o.end() && at->is_string() ? at->get<std::string>() : "";
    const auto at_ms = parse_iso8601_utc(at_text);
    if (!at_ms) {
      errors.push_back(prefix + (at_text.empty() ? "missing or invalid at" : "invalid at " + quote_excerpt(at_text)));
      continue;
    }
    row.at_ms = *at_ms;
    const auto rating_it = o.find("rating");
    const std::string rating_text = rating_it != o.end() && rating_it->is_string() ? rating_it->get<std::string>() : "";
    const auto rating = parse_rating(rating_text);
    if (!rating) {
      errors.push_back(prefix + (rating_text.empty() ? "missing rating" : "unknown rating " + quote_excerpt(rating_text)));
      continue;
    }
    row.rating = *rating;
    std::string problem;
    for (const auto& [key, card] : {std::pair<const char*, CardMemory*>{"before", &row.before}, {"after", &row.after}}) {
      const auto it = o.find(key);
      if (it == o.end()) {
        problem = std::string("missing ") + key;
      } else if (std::string p = read_card(*it, *card); !p.empty()) {
        problem = std::string(key) + ": " + p;
      }
      if (!problem.empty()) break;
    }
    if (!problem.empty()) {
      errors.push_back(prefix + problem);
      continue;
    }
    out.log.push_back(std::move(row));
  }
  return "";
}

std::string csv_due(const CardMemory* card) { return never_practised(card) ? "" : format_iso8601_utc(card->due_ms); }

std::string csv_last_practised(const CardMemory* card) {
  return never_practised(card) || !card->last_review_ms ? "" : format_iso8601_utc(*card->last_review_ms);
}

}  // namespace tt
