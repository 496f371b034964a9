#pragma once
// The practice section of an export (see core/collection_io.h for its shape):
// written from PracticeData, read back from untrusted JSON. Only
// collection_io uses it; it is its own file because it is its own concern.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/practice.h"

namespace tt {

nlohmann::json practice_to_json(const PracticeData& practice);

// A card's fields as JSON, one writer for the export and the store's log:
// times as ISO 8601 UTC for people and other programs (the export), or as
// epoch milliseconds where nothing may be lost (the log's before and after,
// which Undo restores).
enum class CardTimes { Iso8601, EpochMs };
nlohmann::json card_to_json(const CardMemory& card, CardTimes times);

// Reads `section` (the value of "practice") into `out`. Returns the reason
// the whole import must stop ("" when it may go on); cards and rows that
// cannot be read are skipped, each with one line in `errors`.
std::string practice_from_json(const nlohmann::json& section, PracticeData& out, std::vector<std::string>& errors);

// The card's two columns in CSV: due and last practised, "" when never practised.
std::string csv_due(const CardMemory* card);
std::string csv_last_practised(const CardMemory* card);

}  // namespace tt
