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
  return 0;
}
