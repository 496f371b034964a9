#pragma once
// Keys as thesession.org writes them ("Gmajor", "Edorian", "F#minor") and
// as musicians read them ("G major", "E dorian"), and their transposition.
#include <optional>
#include <string>
#include <string_view>

namespace tt {

enum class Mode { Major, Dorian, Phrygian, Lydian, Mixolydian, Minor, Locrian };

struct MusicKey {
  char letter = 'C';    // A..G
  int accidental = 0;   // +1 per sharp, -1 per flat
  Mode mode = Mode::Major;
};

// Reads "Gmajor", "G major", "Gmaj", "Edor", "Bm", "F#minor", "Bbmixolydian"
// (case of the mode ignored; "ionian" is major, "aeolian" minor). Nothing
// for anything else: the caller shows the text as it came.
std::optional<MusicKey> parse_music_key(std::string_view text);

std::string mode_name(Mode mode);           // "major", "dorian", ...
std::string key_tonic(const MusicKey& key);  // "F#", "Bb"
// "G major", "F# minor": how a musician writes it.
std::string key_for_people(const MusicKey& key);
// thesession's spelling, "Gmajor": what the store and the API keep.
std::string key_for_thesession(const MusicKey& key);
// The ABC K: field, "Gmaj", "F#min".
std::string key_for_abc(const MusicKey& key);

// The key `semitones` up (down when negative), spelled with the fewer
// sharps or flats (F# rather than Gb on a tie, as most tune books do).
MusicKey transpose_key(const MusicKey& key, int semitones);

// For labels: the thesession key text as people read it, transposed;
// unreadable keys come back unchanged ("" stays "").
std::string key_label(std::string_view thesession_key, int semitones = 0);

}  // namespace tt
