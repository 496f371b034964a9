// Another device's change file, as it arrives from the musician's WebDAV folder.
#include <cstdint>
#include <string_view>

#include "core/device_file.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto parsed = tt::parse_device_file(text);
  if (!parsed) {
    FUZZ_CHECK(parsed.error.size() < 300 && parsed.value.changes.empty());
    return 0;
  }
  FUZZ_CHECK(parsed->changes.size() <= tt::kMaxDeviceFileChanges);
  for (const auto& change : parsed->changes) FUZZ_CHECK(change.at.device == parsed->device);
  // What was accepted is written back the same way and read again alike,
  // and merges without throwing.
  const std::string again = tt::device_file_text(parsed->device, parsed->changes);
  const auto reread = tt::parse_device_file(again);
  FUZZ_CHECK(reread && reread->changes.size() == parsed->changes.size());
  FUZZ_CHECK(tt::device_file_text(reread->device, reread->changes) == again);
  tt::DeviceMerge merge;
  merge.add(parsed->changes);
  const auto merged = merge.collection();
  (void)tt::replay_cards(merged, {});
  return 0;
}
