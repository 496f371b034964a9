#pragma once
// The page's notation and sound, done by web/page/notation.js (abcjs), playback.js and WebGL.
// Answers come back through tt_on_notation_rendered and tt_on_playback
// (browser_callbacks.cpp). The runner calls these to perform the notation effects.
#include <string>

#include "web/model/effect.h"
#include "web/model/event.h"
#include "web/model/notation_model.h"

namespace tt::web {

// Gives notation.js a way to turn a drawn canvas into a texture ImGui can show.
void install_notation_textures();
void render_notation(const effect::RenderNotation& e, double dpr);
void release_texture(int texture);
void start_playback(const effect::StartPlayback& e);
void stop_playback();

// What notation.js reports about a render (JSON), as the model keeps it.
// Both read defensively: a field missing or of the wrong type falls back, and
// nothing throws (these run outside update's guard).
NotationImage parse_rendered_notation(const std::string& json_text);
// What playback.js reports about playback, as the event update takes.
event::PlaybackChanged parse_playback(uint64_t request, const std::string& json_text);

}  // namespace tt::web
