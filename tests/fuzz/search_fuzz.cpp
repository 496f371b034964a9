// thesession search results.
#include <cstdint>
#include <string_view>

#include "core/thesession_api.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto parsed = tt::parse_search_results(std::string_view(reinterpret_cast<const char*>(data), size));
  if (parsed.results) {
    FUZZ_CHECK(parsed.results->pages >= 1);
  } else {
    FUZZ_CHECK(parsed.error.size() < 300);
  }
  return 0;
}
