// A snapshot in the musician's WebDAV folder, written by another device (or
// by anything that can write there).
#include <cstdint>
#include <string_view>

#include "core/device_snapshot.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto parsed = tt::parse_device_snapshot(text);
  if (!parsed) {
    FUZZ_CHECK(parsed.error.size() < 300 && parsed.value.changes.empty());
    return 0;
  }
  // Every change is within what the snapshot says it covers of its device.
  for (const auto& change : parsed->changes) {
    const auto covered = parsed->covers.find(change.at.device);
    FUZZ_CHECK(covered != parsed->covers.end() && !(covered->second < change.at.hlc));
  }
  // Written back the same way and read again alike; it merges and compacts without throwing.
  const std::string again = tt::device_snapshot_text(*parsed);
  const auto reread = tt::parse_device_snapshot(again);
  FUZZ_CHECK(reread && tt::device_snapshot_text(*reread) == again);
  tt::DeviceMerge merge;
  merge.add(parsed->changes);
  (void)merge.compacted();
  (void)tt::replay_cards(merge.collection(), {});
  return 0;
}
