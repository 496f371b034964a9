// The Collection list's incipits: for the rows on screen only, the details
// are read from the store or fetched (a few at a time), the opening bars of
// the chosen setting drawn by abcjs once, and the textures kept for the rows
// seen last (the oldest are freed).
#include <algorithm>

#include "core/tune_text.h"
#include "shell/actions/settings_actions.h"
#include "web/update/update_context.h"

namespace tt::web {
namespace {

constexpr size_t kMaxDetailFetches = 4;   // at once, so the proxy and thesession.org are spared
constexpr size_t kMaxCachedIncipits = 80;  // a few screens' worth (at DPR 3 each is ~0.4 MB of GPU memory)
constexpr int kIncipitWidthCss = 220;
constexpr const char* kIncipitsSetting = "list.incipits";

void evict_old(Context& c) {
  Incipits& in = c.model.incipits;
  while (in.cache.size() > kMaxCachedIncipits) {
    auto oldest = in.cache.end();
    for (auto it = in.cache.begin(); it != in.cache.end(); ++it) {
      const bool shown = std::find(in.on_screen.begin(), in.on_screen.end(), it->first) != in.on_screen.end();
      if (!shown && (oldest == in.cache.end() || it->second.last_used < oldest->second.last_used)) oldest = it;
    }
    if (oldest == in.cache.end()) return;
    if (oldest->second.texture) c.out.push_back(effect::ReleaseTexture{oldest->second.texture});
    in.cache.erase(oldest);
  }
}

bool drawing(const Incipits& in, int64_t tune_id) {
  for (const auto& [request, drawing] : in.renders) {
    if (drawing.tune_id == tune_id) return true;
  }
  return false;
}

void want_incipit(Context& c, int64_t tune_id) {
  Incipits& in = c.model.incipits;
  if (!c.model.tune_details(tune_id)) {
    if (in.no_details.count(tune_id) || c.model.details_requests.size() >= kMaxDetailFetches) return;
    ensure_details(c, tune_id);  // from the store at once, or fetched
    if (!c.model.tune_details(tune_id)) return;
  }
  const TuneDetails& d = *c.model.tune_details(tune_id);
  Incipit& incipit = in.cache[tune_id];
  incipit.last_used = ++in.uses;
  const size_t setting = c.model.chosen_setting(tune_id);
  const std::string key = d.settings.empty() ? "none" : std::to_string(d.settings[setting].id);
  if (incipit.key == key || drawing(in, tune_id)) return;
  const std::string abc = abc_incipit(d, setting);
  if (abc.empty()) {
    incipit.key = key;
    incipit.unavailable = true;
    return;
  }
  const uint64_t request = c.model.next_id++;
  in.renders[request] = {tune_id, key};
  c.out.push_back(effect::RenderNotation{request, abc, kIncipitWidthCss, 0, true});
}

}  // namespace

void handle_incipits(Context& c, const Event& event) {
  Incipits& in = c.model.incipits;
  if (std::holds_alternative<event::StorageLoaded>(event)) {
    if (c.services.store) {
      if (const auto v = c.services.store->setting(kIncipitsSetting)) in.enabled = *v == "1";
    }
  } else if (const auto* e = std::get_if<event::IncipitRows>(&event)) {
    in.on_screen = e->tune_ids;
  } else if (const auto* e = std::get_if<event::SetIncipits>(&event)) {
    in.enabled = e->on;
    if (!e->on) {  // hidden: their textures go
      for (const auto& [tune, incipit] : in.cache) {
        if (incipit.texture) c.out.push_back(effect::ReleaseTexture{incipit.texture});
      }
      in.cache.clear();
      in.on_screen.clear();
    }
    if (c.services.store && c.model.owns_database) {
      c.apply(actions::change_setting(*c.services.store, kIncipitsSetting, e->on ? "1" : "0").changed);
    }
  }
}

bool on_incipit_rendered(Context& c, const event::NotationRendered& e) {
  Incipits& in = c.model.incipits;
  const auto it = in.renders.find(e.request);
  if (it == in.renders.end()) return false;
  const int64_t tune_id = it->second.tune_id;
  Incipit& incipit = in.cache[tune_id];
  if (incipit.texture) c.out.push_back(effect::ReleaseTexture{incipit.texture});
  incipit.key = it->second.key;  // what was drawn (another setting may be chosen by now)
  in.renders.erase(it);
  incipit.texture = e.image.error.empty() ? e.image.texture : 0;
  if (!e.image.error.empty() && e.image.texture) c.out.push_back(effect::ReleaseTexture{e.image.texture});
  incipit.unavailable = incipit.texture == 0;
  incipit.width_css = e.image.width_css;
  incipit.height_css = e.image.height_css;
  return true;
}

void follow_incipits(Context& c) {
  for (const int64_t tune_id : c.model.incipits.on_screen) want_incipit(c, tune_id);
  evict_old(c);
}

}  // namespace tt::web
