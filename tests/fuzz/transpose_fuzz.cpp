// Transposition by any number of semitones (the header promises any int):
// the first four bytes are the semitones, the rest a key as thesession.org
// writes it. No overflow (UBSan), and up then down is the same key and mode.
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "core/music_key.h"
#include "tests/fuzz/fuzz_check.h"

namespace {
int pitch_class(const tt::MusicKey& key) {
  static constexpr int kLetter[] = {9, 11, 0, 2, 4, 5, 7};  // A..G
  return ((kLetter[key.letter - 'A'] + key.accidental) % 12 + 12) % 12;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 4) return 0;
  int32_t semitones = 0;
  std::memcpy(&semitones, data, 4);
  const std::string_view text(reinterpret_cast<const char*>(data) + 4, size - 4);
  const auto key = tt::parse_music_key(text);
  if (!key) {
    FUZZ_CHECK(tt::key_label(text, semitones) == text);
    return 0;
  }
  const tt::MusicKey up = tt::transpose_key(*key, semitones);
  FUZZ_CHECK(up.letter >= 'A' && up.letter <= 'G' && up.accidental >= -1 && up.accidental <= 1);
  FUZZ_CHECK(up.mode == key->mode);
  FUZZ_CHECK(pitch_class(up) == ((pitch_class(*key) + semitones % 12) % 12 + 12) % 12);
  // Down again (negating INT_MIN would overflow: its octave-reduced twin is used).
  const int down = semitones == INT32_MIN ? -(semitones % 12) : -semitones;
  const tt::MusicKey back = tt::transpose_key(up, down);
  FUZZ_CHECK(back.mode == key->mode && pitch_class(back) == pitch_class(*key));
  // The spelling depends on pitch and mode alone: up again is spelled as before.
  if (semitones % 12 != 0) {
    const tt::MusicKey again = tt::transpose_key(back, semitones);
    FUZZ_CHECK(again.letter == up.letter && again.accidental == up.accidental && again.mode == up.mode);
  }
  FUZZ_CHECK(!tt::key_label(text, semitones).empty());
  return 0;
}
