#include "core/music_key.h"

#include <array>
#include <cstdlib>

namespace tt {
namespace {

struct ModeInfo {
  Mode mode;
  std::string_view name;
  std::string_view abc;
  int fifths_shift;  // sharps added to the tonic's major signature by the mode
};
constexpr std::array<ModeInfo, 7> kModes = {{
    {Mode::Major, "major", "maj", 0},
    {Mode::Dorian, "dorian", "dor", -2},
    {Mode::Phrygian, "phrygian", "phr", -4},
    {Mode::Lydian, "lydian", "lyd", 1},
    {Mode::Mixolydian, "mixolydian", "mix", -1},
    {Mode::Minor, "minor", "min", -3},
    {Mode::Locrian, "locrian", "loc", -5},
}};

const ModeInfo& info(Mode mode) {
  for (const auto& m : kModes) {
    if (m.mode == mode) return m;
  }
  return kModes[0];
}

int letter_semitone(char letter) {
  static constexpr std::array<int, 7> kFromA = {9, 11, 0, 2, 4, 5, 7};
  return kFromA[static_cast<size_t>(letter - 'A')];
}

int letter_fifths(char letter) {  // position on the circle of fifths, C = 0
  static constexpr std::array<int, 7> kFromA = {3, 5, 0, 2, 4, -1, 1};
  return kFromA[static_cast<size_t>(letter - 'A')];
}

// Sharps (positive) or flats (negative) in the key's signature.
int signature(const MusicKey& key) {
  return letter_fifths(key.letter) + 7 * key.accidental + info(key.mode).fifths_shift;
}

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

std::optional<Mode> parse_mode(std::string_view text) {
  std::string word;
  for (char c : text) {
    if (c != ' ') word.push_back(lower(c));
  }
  if (word.empty()) return Mode::Major;  // "G": a bare tonic is major
  if (word == "m") return Mode::Minor;
  if (word.size() < 3) return std::nullopt;
  if (word.compare(0, 3, "ion") == 0) return Mode::Major;
  if (word.compare(0, 3, "aeo") == 0) return Mode::Minor;
  for (const auto& m : kModes) {
    if (word.size() > m.name.size()) continue;
    if (m.name.compare(0, word.size(), word) == 0) return m.mode;
  }
  return std::nullopt;
}

}  // namespace

std::optional<MusicKey> parse_music_key(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (text.empty()) return std::nullopt;
  MusicKey key;
  const char letter = text[0] >= 'a' && text[0] <= 'g' ? static_cast<char>(text[0] - 32) : text[0];
  if (letter < 'A' || letter > 'G') return std::nullopt;
  key.letter = letter;
  size_t i = 1;
  if (i < text.size() && (text[i] == '#' || text[i] == 'b')) {
    // "Bbmajor": b is a flat; "Bmajor" has none. A lone "b" then a mode word
    // can only be a flat, since no mode starts with b.
    key.accidental = text[i] == '#' ? 1 : -1;
    ++i;
  }
  const auto mode = parse_mode(text.substr(i));
  if (!mode) return std::nullopt;
  key.mode = *mode;
  return key;
}

std::string mode_name(Mode mode) { return std::string(info(mode).name); }

std::string key_tonic(const MusicKey& key) {
  std::string tonic(1, key.letter);
  for (int i = 0; i < key.accidental; ++i) tonic += '#';
  for (int i = 0; i > key.accidental; --i) tonic += 'b';
  return tonic;
}

std::string key_for_people(const MusicKey& key) { return key_tonic(key) + " " + mode_name(key.mode); }
std::string key_for_thesession(const MusicKey& key) { return key_tonic(key) + mode_name(key.mode); }
std::string key_for_abc(const MusicKey& key) { return key_tonic(key) + std::string(info(key.mode).abc); }

MusicKey transpose_key(const MusicKey& key, int semitones) {
  // Reduced to -11..11 before any arithmetic: any int is a valid request
  // (11 + INT_MAX would overflow), and only the pitch class matters.
  const int within_octave = semitones % 12;
  if (within_octave == 0) return key;  // by octaves: the key as written (F locrian, not E# locrian)
  const int target = ((letter_semitone(key.letter) + key.accidental + within_octave) % 12 + 12) % 12;
  MusicKey best = key;
  int best_score = 1000;
  // Every spelling of the target pitch with at most one sharp or flat.
  for (char letter = 'A'; letter <= 'G'; ++letter) {
    for (int accidental = -1; accidental <= 1; ++accidental) {
      if ((letter_semitone(letter) + accidental + 12) % 12 != target) continue;
      MusicKey candidate{letter, accidental, key.mode};
      const int sig = signature(candidate);
      // Fewer accidentals win; on a tie, sharps (a positive signature).
      const int score = 2 * std::abs(sig) + (sig < 0 ? 1 : 0);
      if (score < best_score) {
        best = candidate;
        best_score = score;
      }
    }
  }
  return best;
}

std::string key_label(std::string_view thesession_key, int semitones) {
  const auto key = parse_music_key(thesession_key);
  if (!key) return std::string(thesession_key);
  return key_for_people(semitones == 0 ? *key : transpose_key(*key, semitones));
}

}  // namespace tt
