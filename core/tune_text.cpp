#include "core/tune_text.h"

#include "core/abc_text.h"
#include "core/music_key.h"
#include "core/tune_tempo.h"

namespace tt {
namespace {

// Header fields end at the line: a line break in a name, type or key from
// thesession.org would end a field early or add one, so it becomes a space.
std::string one_line(std::string text) {
  for (char& c : text) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return text;
}

std::string abc_header(const TuneDetails& tune, const TuneSetting& setting) {
  const auto key = parse_music_key(setting.key);
  return "X: 1\nT: " + one_line(tune.name) + "\nR: " + one_line(tune.type) + "\nM: " +
         std::string(rhythm_for_type(tune.type).meter) + "\nL: 1/8\nK: " +
         (key ? key_for_abc(*key) : one_line(setting.key)) + "\n";
}

}  // namespace

std::string thesession_tune_page(int64_t tune_id) {
  return "https://thesession.org/tunes/" + std::to_string(tune_id);
}

std::string abc_document(const TuneDetails& tune, size_t setting_index) {
  if (setting_index >= tune.settings.size()) return "";
  const auto& s = tune.settings[setting_index];
  return abc_header(tune, s) + thesession_abc_body(s.abc) + "\n";
}

std::string abc_incipit(const TuneDetails& tune, size_t setting_index, int bars) {
  if (setting_index >= tune.settings.size()) return "";
  const auto& s = tune.settings[setting_index];
  std::string opening = abc_opening_bars(thesession_abc_body(s.abc), bars);
  // Chord names above the staff would make a small line twice as tall.
  for (size_t open = opening.find('"'); open != std::string::npos; open = opening.find('"', open)) {
    const size_t close = opening.find('"', open + 1);
    opening.erase(open, close == std::string::npos ? std::string::npos : close - open + 1);
  }
  if (opening.empty()) return "";
  return abc_header(tune, s) + opening + "\n";
}

size_t setting_index(const TuneDetails& tune, std::optional<int64_t> setting_id) {
  for (size_t i = 0; setting_id && i < tune.settings.size(); ++i) {
    if (tune.settings[i].id == *setting_id) return i;
  }
  return 0;
}

std::string setting_label(const TuneDetails& tune, size_t setting_index) {
  if (setting_index >= tune.settings.size()) return "";
  std::string label = "Setting " + std::to_string(setting_index + 1) + " of " + std::to_string(tune.settings.size());
  const std::string key = key_label(tune.settings[setting_index].key);
  if (!key.empty()) label += " \xC2\xB7 " + key;
  return label;
}

}  // namespace tt
