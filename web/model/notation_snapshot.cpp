#include "web/model/snapshot_slices.h"

#include "core/music_key.h"
#include "core/time_format.h"
#include "core/tune_set.h"

namespace tt::web {

// The tune page's music, for tests and scripts (issue 9's contract).
nlohmann::json notation_snapshot(const Model& m) {
  using nlohmann::json;
  const Notation& n = m.notation;
  const TuneDetails* d = n.tune_id ? m.tune_details(n.tune_id) : nullptr;
  const size_t setting = m.chosen_setting(n.tune_id);
  const bool rendered = n.image_request != 0;
  return {
      {"tune", n.tune_id},
      {"setting", d && !d->settings.empty() ? json(setting) : json(nullptr)},
      {"setting_id", d && !d->settings.empty() ? json(d->settings[setting].id) : json(nullptr)},
      {"settings_count", d ? d->settings.size() : 0},
      {"key", d && !d->settings.empty() ? key_label(d->settings[setting].key, n.transpose) : ""},
      {"rendered", rendered && n.image.error.empty()},
      {"rendering", n.render_request != 0},
      {"image_request", n.image_request},  // changes with every new drawing
      {"error", n.image.error},
      {"warnings", n.image.warnings},
      {"bars", n.image.bars},
      {"notes", n.image.notes.size()},
      {"width_px", n.image.width_css},
      {"height_px", n.image.height_css},
      {"transpose", n.transpose},
      {"playing", n.playing},
      {"loading_sound", n.loading_sound},
      {"tempo_percent", n.tempo_percent},
      {"instrument", n.instrument},
      {"count_in", n.count_in},
      {"loop", n.loop ? json::array({n.loop->first, n.loop->second}) : json(nullptr)},
      {"highlighted_note", n.highlighted_note},
      {"playing_bar", n.playing_bar},
      {"audio_peak", n.audio_peak},
      {"playback_error", n.playback_error},
      {"engrave_ms", n.image.engrave_ms},
      {"raster_ms", n.image.raster_ms},
  };
}

}  // namespace tt::web
