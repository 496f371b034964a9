// Collection import (JSON). tunetrack has no CSV import; CSV is export only.
#include <cstdint>
#include <string_view>

#include "core/collection_io.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto parsed = tt::parse_import_json(std::string_view(reinterpret_cast<const char*>(data), size));
  for (const auto& e : parsed.entries) {
    FUZZ_CHECK(e.tune_id > 0 && e.heard_count >= 0 && e.tunebooks >= 0);
    tt::export_json({e});  // what was imported can be exported again
    tt::export_csv({e});
  }
  for (const auto& error : parsed.errors) FUZZ_CHECK(error.size() < 300);
  // The practice section: only usable cards get through, and they export again.
  const auto usable = [](const tt::CardMemory& c) {
    return c.stability >= 0 && c.stability <= tt::kFsrsMaxStability && c.difficulty >= 0 &&
           c.difficulty <= tt::kFsrsMaxDifficulty && c.reps >= 0 && c.lapses >= 0 && c.scheduled_days >= 0 &&
           c.elapsed_days >= 0;
  };
  for (const auto& [tune_id, card] : parsed.practice.cards) FUZZ_CHECK(tune_id > 0 && usable(card));
  for (const auto& row : parsed.practice.log) FUZZ_CHECK(row.tune_id > 0 && usable(row.before) && usable(row.after));
  if (!parsed.fatal.empty()) FUZZ_CHECK(parsed.entries.empty() && parsed.practice.log.empty());
  tt::export_json(parsed.entries, parsed.practice);
  tt::export_csv(parsed.entries, parsed.practice.cards);
  return 0;
}
