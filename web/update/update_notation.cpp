// The tune page's music: which setting is shown, asking abcjs for notation
// when the tune, setting, width or transposition changes (never per frame),
// and the player's controls. Runs after every event (follow_open_tune) so
// whatever opened, closed or loaded a tune, the notation follows.
#include <algorithm>

#include "core/parse_number.h"
#include "core/tune_tempo.h"
#include "core/tune_text.h"
#include "shell/actions/settings_actions.h"
#include "shell/actions/tune_actions.h"
#include "web/update/update_context.h"

namespace tt::web {

const Instrument& instrument_by_id(const std::string& id) {
  for (const auto& i : kInstruments) {
    if (id == i.id) return i;
  }
  return kInstruments[0];
}

size_t Model::chosen_setting(int64_t tune_id) const {
  const TuneDetails* d = tune_details(tune_id);
  if (!d || d->settings.empty()) return 0;
  if (const CollectionEntry* e = entry(tune_id)) return setting_index(*d, e->setting_id);
  if (notation.tune_id == tune_id && notation.setting_override) {
    return std::min(*notation.setting_override, d->settings.size() - 1);
  }
  return 0;
}

namespace {

constexpr const char* kTempoSetting = "player.tempo_percent";
constexpr const char* kInstrumentSetting = "player.instrument";
constexpr const char* kCountInSetting = "player.count_in";
constexpr int kMaxTranspose = 12;

void release_image(Context& c) {
  Notation& n = c.model.notation;
  if (n.image.texture != 0) c.out.push_back(effect::ReleaseTexture{n.image.texture});
  n.image = NotationImage{};
  n.shown_key.clear();
  n.image_request = 0;
}

void stop_playback(Context& c) {
  Notation& n = c.model.notation;
  if (!n.playing) return;
  n.playing = false;
  n.loading_sound = false;
  n.playback_request = 0;
  n.highlighted_note = -1;
  n.playing_bar = 0;
  c.out.push_back(effect::StopPlayback{});
}

void start_playback(Context& c) {
  Notation& n = c.model.notation;
  const TuneDetails* d = c.model.tune_details(n.tune_id);
  // Not while another drawing is on its way: its notes are what will play.
  if (!d || n.image_request == 0 || n.render_request != 0 || !n.image.error.empty()) return;
  const TypeRhythm rhythm = rhythm_for_type(d->type);
  const Instrument& instrument = instrument_by_id(n.instrument);
  n.playback_request = c.model.next_id++;
  n.playing = true;
  n.loading_sound = true;
  n.highlighted_note = -1;
  n.playing_bar = 0;
  n.playback_error.clear();
  c.out.push_back(effect::StartPlayback{n.playback_request, n.image_request, bar_ms(d->type, n.tempo_percent),
                                        n.transpose, instrument.id, instrument.program,
                                        n.loop ? n.loop->first : 0, n.loop ? n.loop->second : 0,
                                        n.count_in ? rhythm.beats_per_bar : 0, rhythm.beats_per_bar});
}

// A control changed while playing: play on with the new one, from the start
// (of the loop).
void restart_if_playing(Context& c) {
  if (!c.model.notation.playing) return;
  stop_playback(c);
  start_playback(c);
}

void remember_preference(Context& c, const char* key, const std::string& value) {
  // A read-only tab plays with its own choice but does not write it.
  if (!c.services.store || !c.model.owns_database) return;
  c.apply(actions::change_setting(*c.services.store, key, value).changed);
}

void load_preferences(Context& c) {
  if (!c.services.store) return;
  Notation& n = c.model.notation;
  if (const auto v = c.services.store->setting(kTempoSetting)) {
    if (const auto p = parse_int(*v, kMinTempoPercent, kMaxTempoPercent)) n.tempo_percent = static_cast<int>(p.value);
  }
  if (const auto v = c.services.store->setting(kInstrumentSetting)) n.instrument = instrument_by_id(*v).id;
  if (const auto v = c.services.store->setting(kCountInSetting)) n.count_in = *v != "0";
}

std::string render_key(const Notation& n, size_t setting) {
  return std::to_string(n.tune_id) + "|" + std::to_string(setting) + "|" + std::to_string(n.width_css) + "|" +
         std::to_string(n.transpose);
}

void choose_setting(Context& c, int64_t tune_id, size_t index) {
  const TuneDetails* d = c.model.tune_details(tune_id);
  if (!d || index >= d->settings.size()) return;
  Notation& n = c.model.notation;
  if (c.model.entry(tune_id)) {
    if (!c.writable()) return;
    c.apply(actions::choose_setting(*c.services.store, tune_id, d->settings[index].id).changed);
  } else {
    n.setting_override = index;
  }
  n.loop.reset();  // bars of another setting
  stop_playback(c);
}

void pick_bar(Notation& n, int bar) {
  if (bar < 1 || bar > n.image.bars) return;
  // First click: loop that bar; a second: stretch to it; a third starts over.
  if (n.loop && n.loop->first == n.loop->second && n.loop->first != bar) {
    n.loop = std::make_pair(std::min(n.loop->first, bar), std::max(n.loop->first, bar));
  } else {
    n.loop = std::make_pair(bar, bar);
  }
}

void on_rendered(Context& c, const event::NotationRendered& e) {
  Notation& n = c.model.notation;
  if (e.request != n.render_request) {
    // Superseded while abcjs worked: its texture is nobody's.
    if (e.image.texture != 0) c.out.push_back(effect::ReleaseTexture{e.image.texture});
    return;
  }
  release_image(c);
  n.image = e.image;
  n.image_request = e.request;
  n.shown_key = n.requested_key;
  n.render_request = 0;
  if (n.loop && n.loop->second > n.image.bars) n.loop.reset();
  if (n.play_when_drawn) {
    n.play_when_drawn = false;
    start_playback(c);
  }
}

void on_playback(Context& c, const event::PlaybackChanged& e) {
  Notation& n = c.model.notation;
  if (e.request != n.playback_request || !n.playing) return;  // a stopped player's last words
  if (e.state == "started") {
    n.loading_sound = false;
    n.audio_peak = e.peak;
  } else if (e.state == "note") {
    n.loading_sound = false;
    n.highlighted_note = e.note;
    n.playing_bar = e.bar;
  } else if (e.state == "ended" || e.state == "error") {
    n.playing = false;
    n.loading_sound = false;
    n.playback_request = 0;
    n.highlighted_note = -1;
    n.playing_bar = 0;
    if (e.state == "error") n.playback_error = e.error.empty() ? "The tune could not be played." : e.error;
  }
}

}  // namespace

void start_tune_playback(Context& c) { start_playback(c); }
void stop_tune_playback(Context& c) { stop_playback(c); }

void handle_notation(Context& c, const Event& event) {
  Notation& n = c.model.notation;
  if (std::holds_alternative<event::StorageLoaded>(event) || std::holds_alternative<event::StorageReloaded>(event)) {
    load_preferences(c);
  } else if (const auto* e = std::get_if<event::NotationRendered>(&event)) {
    if (!on_incipit_rendered(c, *e)) on_rendered(c, *e);
  } else if (const auto* e = std::get_if<event::PlaybackChanged>(&event)) {
    on_playback(c, *e);
  } else if (const auto* e = std::get_if<event::NotationWidth>(&event)) {
    if (e->tune_id == n.tune_id && e->width_css > 0) n.width_css = e->width_css;
  } else if (const auto* e = std::get_if<event::ChooseSetting>(&event)) {
    choose_setting(c, e->tune_id, e->index);
  } else if (const auto* e = std::get_if<event::SetTranspose>(&event)) {
    const int semitones = std::clamp(e->semitones, -kMaxTranspose, kMaxTranspose);
    if (semitones != n.transpose) {
      n.transpose = semitones;
      // The notation is drawn again first; its notes are what plays.
      n.play_when_drawn = n.play_when_drawn || n.playing;
      stop_playback(c);
    }
  } else if (const auto* e = std::get_if<event::SetTempo>(&event)) {
    n.tempo_percent = clamp_tempo_percent(e->percent);
    remember_preference(c, kTempoSetting, std::to_string(n.tempo_percent));
    restart_if_playing(c);
  } else if (const auto* e = std::get_if<event::SetLoop>(&event)) {
    if (!e->bars) {
      n.loop.reset();
    } else {
      const int bars = std::max(1, n.image.bars);
      const int from = std::clamp(e->bars->first, 1, bars);
      const int to = std::clamp(e->bars->second, 1, bars);
      n.loop = std::make_pair(std::min(from, to), std::max(from, to));
    }
    restart_if_playing(c);
  } else if (const auto* e = std::get_if<event::PickBar>(&event)) {
    pick_bar(n, e->bar);
    restart_if_playing(c);
  } else if (const auto* e = std::get_if<event::SetCountIn>(&event)) {
    n.count_in = e->on;
    remember_preference(c, kCountInSetting, e->on ? "1" : "0");
  } else if (const auto* e = std::get_if<event::ChooseInstrument>(&event)) {
    n.instrument = instrument_by_id(e->id).id;
    remember_preference(c, kInstrumentSetting, n.instrument);
    restart_if_playing(c);
  } else if (std::holds_alternative<event::PlayPause>(event)) {
    if (n.play_when_drawn) {
      n.play_when_drawn = false;  // its Stop, pressed while the new key is drawn
    } else if (n.playing) {
      stop_playback(c);
    } else {
      start_playback(c);
    }
  }
}

void follow_open_tune(Context& c) {
  Notation& n = c.model.notation;
  const int64_t open = c.model.shown_tune();
  if (open != n.tune_id) {
    stop_playback(c);
    n.play_when_drawn = false;
    release_image(c);
    n.tune_id = open;
    n.setting_override.reset();
    n.transpose = 0;
    n.loop.reset();
    n.render_request = 0;
    n.requested_key.clear();
    n.playback_error.clear();
    n.audio_peak = 0;
  }
  if (open == 0) return;
  const TuneDetails* d = c.model.tune_details(open);
  if (!d || d->settings.empty() || n.width_css <= 0) return;
  const size_t setting = c.model.chosen_setting(open);
  const std::string key = render_key(n, setting);
  if (key == n.requested_key) return;
  if (key == n.shown_key) {
    // Back to what is shown (+1 then -1): the render in flight is not wanted.
    n.render_request = 0;
    n.requested_key.clear();
    return;
  }
  stop_playback(c);
  n.render_request = c.model.next_id++;
  n.requested_key = key;
  c.out.push_back(effect::RenderNotation{n.render_request, abc_document(*d, setting), n.width_css, n.transpose});
}

}  // namespace tt::web
