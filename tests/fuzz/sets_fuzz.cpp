// A member's sets pages (and the setting URLs inside) as they arrive from outside.
#include <cstdint>
#include <string_view>

#include "core/thesession_sets.h"
#include "core/tune_set.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto parsed = tt::parse_sets_page(text);
  if (parsed.page) {
    FUZZ_CHECK(parsed.page->pages >= 1 && parsed.page->pages <= 2000);
    for (const auto& set : parsed.page->sets) {
      FUZZ_CHECK(set.id > 0 && !set.name.empty() && set.name.size() <= 300);
      FUZZ_CHECK(set.entries.size() <= tt::kMaxSetEntries);
      for (const auto& e : set.entries) FUZZ_CHECK(e.tune_id > 0 && (!e.setting_id || *e.setting_id > 0));
      for (const auto& p : set.problems) FUZZ_CHECK(p.size() < 200);
    }
    for (const auto& e : parsed.page->entry_errors) FUZZ_CHECK(e.size() < 200);
  } else {
    FUZZ_CHECK(parsed.error.size() < 300);
  }
  // The same bytes as a setting URL: a tune and setting, or nothing.
  if (const auto ref = tt::parse_setting_url(text)) FUZZ_CHECK(ref->tune_id > 0 && ref->tune_id <= 9999999999);
  return 0;
}
