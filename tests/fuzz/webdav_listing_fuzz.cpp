// A WebDAV server's PROPFIND answer, as it arrives from the musician's folder
// (or from whatever answers at that address).
#include <cstdint>
#include <string_view>

#include "shell/webdav_listing.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto entries = tt::parse_propfind(text, "/devices/");
  if (!entries) {
    FUZZ_CHECK(!entries.error.empty() && entries.error.size() < 300);
    return 0;
  }
  for (const auto& entry : entries.value) {
    // Every name is one plain segment: never a path into another folder.
    FUZZ_CHECK(!entry.name.empty());
    FUZZ_CHECK(entry.name.find('/') == std::string::npos);
    for (const char c : entry.name) FUZZ_CHECK(static_cast<unsigned char>(c) >= 0x20 && c != 0x7f);
    FUZZ_CHECK(entry.size >= -1);
  }
  return 0;
}
