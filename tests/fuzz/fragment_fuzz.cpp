// The page's URL fragment: parse, print, parse again gives the same view.
#include <cstdint>
#include <string_view>

#include "core/view_state.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const tt::ViewState view = tt::parse_fragment(std::string_view(reinterpret_cast<const char*>(data), size));
  FUZZ_CHECK(tt::parse_fragment(tt::to_fragment(view)) == view);
  return 0;
}
