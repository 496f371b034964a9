// A setting's ABC and key from thesession.org, as the page prepares them for
// abcjs: line breaks, opening bars, the header, key labels and transposition.
// Nothing may crash or hang, and what comes out keeps its promises.
#include <cstdint>
#include <string>
#include <string_view>

#include "core/abc_text.h"
#include "core/music_key.h"
#include "core/tune_text.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  // The first line is the key, the rest the ABC (as a setting's two fields).
  const size_t newline = input.find('\n');
  const std::string key(input.substr(0, newline == std::string_view::npos ? 0 : newline));
  const std::string abc(newline == std::string_view::npos ? input : input.substr(newline + 1));

  const std::string body = tt::thesession_abc_body(abc);
  FUZZ_CHECK(body.find('\r') == std::string::npos);
  FUZZ_CHECK(body.empty() || body.back() != '\n');
  FUZZ_CHECK(body.size() <= abc.size());
  const std::string opening = tt::abc_opening_bars(body, 2);
  FUZZ_CHECK(opening.empty() || opening.back() == '|');
  FUZZ_CHECK(opening.find('\n') == std::string::npos);

  for (int semitones : {-12, -1, 0, 5, 12}) {
    const std::string label = tt::key_label(key, semitones);
    if (tt::parse_music_key(key)) {
      // A readable key transposed by an octave is the same key.
      FUZZ_CHECK(semitones % 12 != 0 || tt::key_label(key, semitones) == tt::key_label(key, 0));
    } else {
      FUZZ_CHECK(label == key);
    }
  }

  // Name and type from the input too, line breaks and all (the key's line
  // cannot hold one, so the setting's key is also taken from the ABC).
  tt::TuneDetails tune;
  tune.id = 1;
  tune.name = abc.substr(0, 24);
  tune.type = abc.substr(abc.size() / 2, 12);
  tune.settings.push_back({11, abc.substr(0, 10), abc});
  const std::string doc = tt::abc_document(tune, 0);
  // Whatever the fields hold, the header is these six lines in this order.
  size_t at = 0;
  for (const char* field : {"X: ", "T: ", "R: ", "M: ", "L: ", "K: "}) {
    FUZZ_CHECK(doc.compare(at, 3, field) == 0);
    at = doc.find('\n', at);
    FUZZ_CHECK(at != std::string::npos);
    ++at;
  }
  const std::string incipit = tt::abc_incipit(tune, 0);
  FUZZ_CHECK(incipit.empty() || incipit.rfind("X: 1\n", 0) == 0);
  return 0;
}
