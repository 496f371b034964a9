#include "core/tune_tempo.h"

#include <algorithm>
#include <array>
#include <utility>

#include "core/tune_type.h"

namespace tt {

TypeRhythm rhythm_for_type(std::string_view type) {
  // Usual tempi of Irish sessions, in the beat musicians feel, converted to
  // quarter notes: a jig at dotted quarter = 116 is 174 quarters a minute.
  static constexpr std::array<std::pair<std::string_view, TypeRhythm>, 12> kRhythms = {{
      {"reel", {"4/4", 200, 2}},
      {"jig", {"6/8", 174, 2}},
      {"slip jig", {"9/8", 174, 3}},
      {"hornpipe", {"4/4", 150, 2}},
      {"polka", {"2/4", 140, 2}},
      {"slide", {"12/8", 195, 4}},
      {"waltz", {"3/4", 120, 3}},
      {"barndance", {"4/4", 160, 2}},
      {"strathspey", {"4/4", 120, 4}},
      {"three-two", {"3/2", 176, 3}},
      {"mazurka", {"3/4", 120, 3}},
      {"march", {"4/4", 112, 4}},
  }};
  const std::string normal = normalise_tune_type(type);
  for (const auto& [name, rhythm] : kRhythms) {
    if (name == normal) return rhythm;
  }
  return kRhythms[0].second;
}

int clamp_tempo_percent(int percent) { return std::clamp(percent, kMinTempoPercent, kMaxTempoPercent); }

double practice_qpm(std::string_view type, int percent) {
  return rhythm_for_type(type).usual_qpm * clamp_tempo_percent(percent) / 100.0;
}

double bar_ms(std::string_view type, int percent) {
  const std::string_view meter = rhythm_for_type(type).meter;
  const size_t slash = meter.find('/');
  const double top = std::stod(std::string(meter.substr(0, slash)));
  const double bottom = std::stod(std::string(meter.substr(slash + 1)));
  const double quarters = top * 4.0 / bottom;
  return quarters * 60000.0 / practice_qpm(type, percent);
}

}  // namespace tt
