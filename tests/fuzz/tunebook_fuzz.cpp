// thesession tunebook pages (with their member object) as they arrive from outside.
#include <cstdint>
#include <string_view>

#include "core/thesession_api.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto parsed = tt::parse_tunebook_page(std::string_view(reinterpret_cast<const char*>(data), size));
  if (parsed.page) {
    FUZZ_CHECK(parsed.page->pages >= 1 && parsed.page->pages <= 2000);
    for (const auto& tune : parsed.page->tunes) FUZZ_CHECK(tune.id > 0 && !tune.name.empty());
    for (const auto& e : parsed.page->entry_errors) FUZZ_CHECK(e.size() < 200);
  } else {
    FUZZ_CHECK(parsed.error.size() < 300);
  }
  return 0;
}
