#pragma once
// How fast each tune type goes, for playback at practice tempo. thesession's
// JSON has no metre or tempo: both follow from the type, as on its pages.
#include <string_view>

namespace tt {

struct TypeRhythm {
  std::string_view meter;  // the ABC M: field, "6/8"
  double usual_qpm;        // quarter notes a minute at a session's usual pace
  int beats_per_bar;       // what a count-in clicks: 2 in 6/8, 3 in 9/8
};

// Unknown types are taken as reels (4/4), the commonest type.
TypeRhythm rhythm_for_type(std::string_view type);

inline constexpr int kMinTempoPercent = 40;
inline constexpr int kMaxTempoPercent = 200;
int clamp_tempo_percent(int percent);

// Quarter notes a minute at `percent` of the type's usual pace.
double practice_qpm(std::string_view type, int percent);

// The length of one bar at that pace, in milliseconds.
double bar_ms(std::string_view type, int percent);

}  // namespace tt
