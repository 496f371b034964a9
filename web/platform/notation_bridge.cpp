#include "web/platform/notation_bridge.h"


#include <nlohmann/json.hpp>

#include <algorithm>

#include "web/interop/js_interop.h"

namespace tt::web {
namespace {

}  // namespace

void install_notation_textures() { js_install_notation_textures(); }

void render_notation(const effect::RenderNotation& e, double dpr) {
  js_render_notation(static_cast<int>(e.request), e.abc.c_str(), e.width_css, e.transpose, dpr, e.incipit ? 1 : 0);
}

void release_texture(int texture) { js_release_texture(texture); }

void start_playback(const effect::StartPlayback& e) {
  const nlohmann::json request = {
      {"request", e.request},   {"render", e.render},           {"ms_per_bar", e.ms_per_bar},
      {"transpose", e.transpose}, {"instrument", e.instrument}, {"program", e.program},
      {"loop_from", e.loop_from}, {"loop_to", e.loop_to},       {"count_in_beats", e.count_in_beats},
      {"beats_per_bar", e.beats_per_bar},
  };
  js_start_playback(static_cast<int>(e.request), request.dump().c_str());
}

void stop_playback() { js_stop_playback(); }

namespace {

// A number from notation.js's JSON, or `fallback` (JSON.stringify turns NaN into null).
template <typename T>
T number(const nlohmann::json& doc, const char* key, T fallback) {
  const auto it = doc.find(key);
  return it != doc.end() && it->is_number() ? it->get<T>() : fallback;
}

std::string text(const nlohmann::json& doc, const char* key) {
  const auto it = doc.find(key);
  return it != doc.end() && it->is_string() ? it->get<std::string>().substr(0, 300) : std::string();
}

}  // namespace

NotationImage parse_rendered_notation(const std::string& json_text) {
  NotationImage image;
  const auto doc = nlohmann::json::parse(json_text, nullptr, false);
  if (!doc.is_object()) {
    image.error = "The notation could not be drawn.";
    return image;
  }
  image.texture = number(doc, "texture", 0);
  image.width_css = number(doc, "width", 0.0f);
  image.height_css = number(doc, "height", 0.0f);
  image.bars = number(doc, "bars", 0);
  image.warnings = number(doc, "warnings", 0);
  image.error = text(doc, "error");
  image.engrave_ms = number(doc, "engrave_ms", 0.0);
  image.raster_ms = number(doc, "raster_ms", 0.0);
  if (const auto it = doc.find("notes"); it != doc.end() && it->is_array()) {
    for (const auto& n : *it) {
      if (!n.is_array() || n.size() != 5 || !std::all_of(n.begin(), n.end(), [](const auto& v) { return v.is_number(); })) {
        continue;
      }
      image.notes.push_back({n[0].get<float>(), n[1].get<float>(), n[2].get<float>(), n[3].get<float>(), n[4].get<int>()});
    }
  }
  if (image.error.empty() && image.texture == 0) image.error = "The notation could not be drawn.";
  return image;
}

event::PlaybackChanged parse_playback(uint64_t request, const std::string& json_text) {
  event::PlaybackChanged e;
  e.request = request;
  const auto doc = nlohmann::json::parse(json_text, nullptr, false);
  if (!doc.is_object()) return e;
  e.state = text(doc, "state");
  e.note = number(doc, "note", -1);
  e.bar = number(doc, "bar", 0);
  e.peak = number(doc, "peak", 0.0);
  e.error = text(doc, "error");
  return e;
}

}  // namespace tt::web
