#pragma once
// The open tune's music as the page shows and plays it: which setting, the
// rendered notation (a WebGL texture abcjs's SVG was drawn into), and the
// player's controls and position. Part of the model (web/model/model.h).
#include <cstdint>
#include <map>
#include <set>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace tt::web {

// One note or rest on the rendered notation, in CSS pixels from its top left.
struct NoteBox {
  float x = 0, y = 0, w = 0, h = 0;
  int bar = 0;  // 1-based, in written order (repeats not unfolded)
};

struct NotationImage {
  int texture = 0;  // WebGL texture name, 0: none
  float width_css = 0, height_css = 0;
  int bars = 0;
  std::vector<NoteBox> notes;
  int warnings = 0;
  std::string error;  // not renderable: the page shows the ABC text instead
  double engrave_ms = 0, raster_ms = 0;  // abcjs's layout, then SVG to pixels (for benchmarks)
};

// The instruments the page offers: abcjs's General MIDI names and programs.
struct Instrument {
  const char* id;     // also the sound files' folder: sounds/<id>-mp3/
  const char* label;
  int program;
};
inline constexpr Instrument kInstruments[] = {
    {"fiddle", "Fiddle", 110},
    {"flute", "Flute", 73},
    {"whistle", "Whistle", 78},
    {"acoustic_grand_piano", "Piano", 0},
    {"accordion", "Accordion", 21},
};
const Instrument& instrument_by_id(const std::string& id);  // the fiddle when unknown

struct Notation {
  // What is shown.
  int64_t tune_id = 0;
  std::optional<size_t> setting_override;  // chosen for a tune not in the collection
  int transpose = 0;                       // semitones, -12..12
  int width_css = 0;                       // the panel's width, as the screen reports it
  std::string shown_key;                   // tune|setting|width|transpose of `image`
  std::string requested_key;               // ... of the render in flight
  uint64_t render_request = 0;             // in flight, 0: none
  uint64_t image_request = 0;              // the render `image` came from
  NotationImage image;

  // The player (tempo, instrument and count-in are remembered in the store).
  int tempo_percent = 100;
  std::string instrument = "fiddle";
  bool count_in = true;
  std::optional<std::pair<int, int>> loop;  // bars, 1-based, inclusive
  bool playing = false;
  bool loading_sound = false;
  // Transposed while playing: it plays on in the new key once that is drawn
  // (its notes are what plays), rather than stopping at each step.
  bool play_when_drawn = false;
  uint64_t playback_request = 0;
  int highlighted_note = -1;
  int playing_bar = 0;
  double audio_peak = 0;  // of the last rendered sound: 0 is silence
  std::string playback_error;
};

// The Collection list's incipits: the opening bars of each row's chosen
// setting, drawn small, only for the rows on screen, and kept for a while.
struct Incipit {
  std::string key;  // the setting it shows ("" while drawing)
  int texture = 0;
  float width_css = 0, height_css = 0;
  bool unavailable = false;  // no settings, no music, or not drawable
  uint64_t last_used = 0;
};

struct Incipits {
  std::optional<bool> enabled;       // the user's choice; none: shown unless on a phone
  std::vector<int64_t> on_screen;    // the rows the list shows now (empty when hidden)
  std::map<int64_t, Incipit> cache;  // by tune
  struct Drawing { int64_t tune_id = 0; std::string key; };
  std::map<uint64_t, Drawing> renders;  // request -> what it draws, in flight
  std::set<int64_t> no_details;      // details could not be fetched this session
  uint64_t uses = 0;
};

}  // namespace tt::web
