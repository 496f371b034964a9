// The tune page's music: the setting selector, transposition, the player's
// controls, and the notation abcjs drew, shown as an image that scrolls with
// the page. A click on the notation picks bars to loop.
#include <imgui.h>
#include <imgui_internal.h>  // IsMouseDragPastThreshold

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdint>

#include "core/music_key.h"
#include "core/tune_tempo.h"
#include "core/tune_text.h"
#include "web/screens/theme.h"
#include "web/screens/ui.h"

namespace tt::web {
namespace {

void draw_setting_selector(const Layout& layout, Ui& ui, int64_t tune_id, const TuneDetails& details, size_t chosen) {
  ComboField field{"##setting", "setting_select", {}, "Setting"};
  std::vector<std::string> labels;
  for (size_t i = 0; i < details.settings.size(); ++i) {
    labels.push_back(setting_label(details, i));
    field.option_keys.push_back("setting_item_" + std::to_string(i));
  }
  // As wide as the longest setting's name ("Setting 2 · A mixolydian"), so none is cut.
  ImGui::SetNextItemWidth(std::fmin(ImGui::GetContentRegionAvail().x, combo_width(labels)));
  if (const int i = combo_field(ui, layout, field, labels, static_cast<int>(chosen)); i >= 0) {
    ui.emit(event::ChooseSetting{tune_id, static_cast<size_t>(i)});
  }
  same_line_if_fits(button_width("Copy ABC"));
  if (ImGui::Button("Copy ABC")) ui.emit(event::CopyAbc{tune_id});
  ui.remember("copy_abc");
}

void draw_transpose(const Notation& n, Ui& ui, const TuneSetting& setting) {
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Transpose");
  same_line_if_fits(button_width(" - "));
  ImGui::BeginDisabled(n.transpose <= -12);
  if (ImGui::Button(" - ##transpose")) ui.emit(event::SetTranspose{n.transpose - 1});
  ImRect control(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());  // the three, for the mirror below
  ui.remember("transpose_down");
  ui.describe("button", "Transpose down a semitone");
  ImGui::EndDisabled();
  char shown[64];
  std::snprintf(shown, sizeof shown, "%+d (%s)", n.transpose, key_label(setting.key, n.transpose).c_str());
  same_line_if_fits(ImGui::CalcTextSize(shown).x);
  ImGui::TextUnformatted(shown);
  control.Add(ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()));
  ui.remember("transpose");
  same_line_if_fits(button_width(" + "));
  ImGui::BeginDisabled(n.transpose >= 12);
  if (ImGui::Button(" + ##transpose")) ui.emit(event::SetTranspose{n.transpose + 1});
  ui.remember("transpose_up");
  ui.describe("button", "Transpose up a semitone");
  ImGui::EndDisabled();
  // For the mirror, the three as one spin button: typed, or stepped with the arrow keys.
  control.Add(ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()));
  if (const auto typed = spin_value(ui, "##transpose_value", std::string("Transpose, semitones: now ") + shown, n.transpose,
                                    -12, 12, {control.Min.x, control.Min.y, control.Max.x, control.Max.y})) {
    ui.emit(event::SetTranspose{*typed});
  }
}

// What a hand reaches for while playing along: Play (a set's Play set and
// Next tune) and the tempo. `set`: the open set's player (Play set plays it
// through, Next tune moves on).
void draw_play_row(const Model& model, Ui& ui, bool set) {
  const Notation& n = model.notation;
  if (set) {
    const bool playing = model.sets.player.playing;
    const char* label = playing ? (n.loading_sound ? "Loading..." : "Stop") : "Play set";
    if (ImGui::Button(label, ImVec2(std::fmax(ImGui::GetFontSize() * 5, button_width("Play set")), 0))) {
      ui.emit(event::PlaySet{});
    }
    ui.remember("set_play");
    ui.describe("button", playing ? "Stop playing the set" : "Play the set through");
    same_line_if_fits(button_width("Next tune"));
    if (ImGui::Button("Next tune")) ui.emit(event::NextSetTune{});
    ui.remember("set_next");
  } else {
    const bool can_play = n.image_request != 0 && n.image.error.empty();
    ImGui::BeginDisabled(!can_play && !n.playing && !n.play_when_drawn);
    const bool loading = n.play_when_drawn || (n.playing && n.loading_sound);
    if (ImGui::Button(loading ? "Loading..." : n.playing ? "Stop" : "Play", ImVec2(ImGui::GetFontSize() * 5, 0))) {
      ui.emit(event::PlayPause{});
    }
    ui.remember("play");
    // The bar being played, for a screen reader to ask for (not said on every note).
    if (n.playing && !n.loading_sound && n.playing_bar > 0) {
      if (A11yNode* node = ui.describe("button", "Stop")) {
        node->description = "Playing bar " + std::to_string(n.playing_bar) +
                            (n.image.bars > 0 ? " of " + std::to_string(n.image.bars) : std::string());
      }
    }
    ImGui::EndDisabled();
  }
  // A field to type the tempo into, and buttons a step either way (kept
  // apart so each has its own rectangle for touch and for tests), on one
  // line together: the field and its - and + never part.
  const float field = ImGui::GetFontSize() * 3, gap = ImGui::GetStyle().ItemSpacing.x;
  same_line_if_fits(field + button_width(" - ") + button_width(" + ") + 2 * gap);
  number_field(model, ui, {"##tempo", "tempo", "Tempo, percent of the usual pace", kMinTempoPercent, kMaxTempoPercent, field},
               n.tempo_percent);
  ImGui::SameLine();
  if (ImGui::Button(" - ##tempo")) ui.emit(event::SetTempo{n.tempo_percent - 5});
  ui.remember("tempo_down");
  ui.describe("button", "Slower");
  ImGui::SameLine();
  if (ImGui::Button(" + ##tempo")) ui.emit(event::SetTempo{n.tempo_percent + 5});
  ui.remember("tempo_up");
  ui.describe("button", "Faster");
  same_line_if_fits(ImGui::CalcTextSize("% tempo").x);
  ImGui::TextUnformatted("% tempo");
}

// What is set once and used less: count-in, instrument and (a tune's) the
// loop; a set is played as it comes, with no loop.
void draw_player_options(const Model& model, Ui& ui, const Layout& layout, bool set) {
  const Notation& n = model.notation;
  same_line_if_fits(ImGui::GetFrameHeight() + ImGui::CalcTextSize("Count-in").x + ImGui::GetStyle().ItemInnerSpacing.x);
  bool count_in = n.count_in;
  if (ImGui::Checkbox("Count-in", &count_in)) ui.emit(event::SetCountIn{count_in});
  ui.remember("count_in");
  same_line_if_fits(ImGui::GetFontSize() * 7);
  const Instrument& current = instrument_by_id(n.instrument);
  ComboField instruments{"##instrument", "instrument", {}, "Instrument"};
  std::vector<std::string> labels;
  int shown = 0;
  for (const auto& i : kInstruments) {
    if (&i == &current) shown = static_cast<int>(labels.size());
    labels.emplace_back(i.label);
    instruments.option_keys.push_back(std::string("instrument_") + i.id);
  }
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
  if (const int i = combo_field(ui, layout, instruments, labels, shown); i >= 0) {
    ui.emit(event::ChooseInstrument{std::begin(kInstruments)[i].id});
  }
  if (set) {
    if (!n.playback_error.empty()) ImGui::TextColored(imgui_colour(current_palette().error_text), "%s", n.playback_error.c_str());
    return;
  }

  // The loop: two bar numbers (0 and 0: the whole tune), or clicks on the notation.
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Loop bars");
  ImGui::SameLine();
  number_field(model, ui, {"##loop_from", "loop_from", "Loop from bar (0: the whole tune)", 0, std::max(1, n.image.bars), ImGui::GetFontSize() * 2.5f},
               n.loop ? n.loop->first : 0);
  ImGui::SameLine();
  ImGui::TextUnformatted("to");
  ImGui::SameLine();
  number_field(model, ui, {"##loop_to", "loop_to", "Loop to bar", 0, std::max(1, n.image.bars), ImGui::GetFontSize() * 2.5f},
               n.loop ? n.loop->second : 0);
  same_line_if_fits(button_width("No loop"));
  ImGui::BeginDisabled(!n.loop);
  if (ImGui::Button("No loop")) ui.emit(event::SetLoop{std::nullopt});
  ui.remember("loop_clear");
  ImGui::EndDisabled();
  if (!n.playback_error.empty()) ImGui::TextColored(imgui_colour(current_palette().error_text), "%s", n.playback_error.c_str());
}

// The note nearest to a point on the image (CSS pixels), or -1.
int nearest_note(const NotationImage& image, float x, float y) {
  int best = -1;
  float best_d = 1e9f;
  for (size_t i = 0; i < image.notes.size(); ++i) {
    const NoteBox& b = image.notes[i];
    const float dx = std::fmax(0.f, std::fmax(b.x - x, x - (b.x + b.w)));
    const float dy = std::fmax(0.f, std::fmax(b.y - y, y - (b.y + b.h)));
    const float d = dx * dx + 4 * dy * dy;  // the staff line matters more than the column
    if (d < best_d) {
      best_d = d;
      best = static_cast<int>(i);
    }
  }
  return best;
}

}  // namespace

// Opening bars fitted to `height` (the list's rows, a set's entries); "-"
// when they cannot be drawn, nothing until they are.
void draw_incipit(const Model& model, int64_t tune_id, float height) {
  const auto it = model.incipits.cache.find(tune_id);
  if (it == model.incipits.cache.end() || it->second.texture == 0 || it->second.height_css <= 0) {
    if (it != model.incipits.cache.end() && it->second.unavailable) ImGui::TextDisabled("-");
    return;
  }
  const Incipit& incipit = it->second;
  const float scale = height / incipit.height_css;
  music_image(incipit.texture, ImVec2(incipit.width_css * scale, height));
}

namespace {

void draw_image(const Notation& n, Ui& ui, const Layout& layout) {
  const NotationImage& image = n.image;
  const float s = layout.scale;
  const ImVec2 size(image.width_css * s, image.height_css * s);
  music_image(image.texture, size);
  ui.remember("notation");
  const ImVec2 origin = ImGui::GetItemRectMin();
  // A bar is picked when a press on the music is let go where it was made: a
  // finger that scrolls the page over the music sets no loop.
  const ImGuiIO& io = ImGui::GetIO();
  const ImVec2 end = ImGui::GetItemRectMax(), from = io.MouseClickedPos[0];
  const bool pressed_here = ImGui::IsMouseHoveringRect(origin, end) && from.x >= origin.x && from.y >= origin.y &&
                            from.x < end.x && from.y < end.y;
  if (pressed_here && ImGui::IsMouseReleased(ImGuiMouseButton_Left) &&
      !ImGui::IsMouseDragPastThreshold(ImGuiMouseButton_Left, 6 * s) && ImGui::IsWindowHovered()) {
    const ImVec2 m = io.MousePos;
    const int note = nearest_note(image, (m.x - origin.x) / s, (m.y - origin.y) / s);
    if (note >= 0) ui.emit(event::PickBar{image.notes[static_cast<size_t>(note)].bar});
  }
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const auto box = [&](const NoteBox& b, float pad, ImU32 colour) {
    draw->AddRectFilled(ImVec2(origin.x + (b.x - pad) * s, origin.y + (b.y - pad) * s),
                        ImVec2(origin.x + (b.x + b.w + pad) * s, origin.y + (b.y + b.h + pad) * s), colour, 2 * s);
  };
  if (n.loop) {
    for (const NoteBox& b : image.notes) {
      if (b.bar >= n.loop->first && b.bar <= n.loop->second) box(b, 2, imgui_u32(current_palette().loop_box, 0.18f));
    }
  }
  if (n.highlighted_note >= 0 && static_cast<size_t>(n.highlighted_note) < image.notes.size()) {
    box(image.notes[static_cast<size_t>(n.highlighted_note)], 2, imgui_u32(current_palette().highlight_box, 0.43f));
  }
}

}  // namespace

void draw_notation(const Model& model, Ui& ui, const Layout& layout, int64_t tune_id, const TuneDetails& details) {
  if (details.settings.empty()) {
    ImGui::TextDisabled("This tune has no settings (no music) on thesession.org.");
    return;
  }
  const Notation& n = model.notation;
  const size_t chosen = model.chosen_setting(tune_id);
  if (layout.narrow) {
    // A phone: Play and the music first, on the first screen; the setting,
    // transposition and the player's options under the music.
    draw_play_row(model, ui, false);
    draw_music_image(model, ui, layout, tune_id, details);
    draw_setting_selector(layout, ui, tune_id, details, chosen);
    draw_transpose(n, ui, details.settings[chosen]);
    draw_player_options(model, ui, layout, false);
    return;
  }
  draw_setting_selector(layout, ui, tune_id, details, chosen);
  draw_transpose(n, ui, details.settings[chosen]);
  draw_play_row(model, ui, false);
  draw_player_options(model, ui, layout, false);
  draw_music_image(model, ui, layout, tune_id, details);
}

void draw_set_player(const Model& model, Ui& ui) { draw_play_row(model, ui, true); }

void draw_set_player_options(const Model& model, Ui& ui, const Layout& layout) {
  draw_player_options(model, ui, layout, true);
}

void draw_music_image(const Model& model, Ui& ui, const Layout& layout, int64_t tune_id, const TuneDetails& details) {
  const Notation& n = model.notation;
  if (details.settings.empty()) {
    ImGui::TextDisabled("This tune has no settings (no music) on thesession.org.");
    return;
  }
  const size_t chosen = model.chosen_setting(tune_id);
  // The width abcjs lays the staff out for; reported only when it changes.
  const int width_css = static_cast<int>(ImGui::GetContentRegionAvail().x / layout.scale);
  if (width_css > 0 && width_css != n.width_css) ui.emit(event::NotationWidth{tune_id, width_css});

  if (!n.image.error.empty()) {
    ImGui::TextColored(imgui_colour(current_palette().warning_text), "%s", n.image.error.c_str());
    ImGui::TextDisabled("The ABC as written:");
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(abc_document(details, chosen).c_str());
    ImGui::PopTextWrapPos();
    ui.remember("notation_error");
  } else if (n.image.texture != 0) {
    draw_image(n, ui, layout);
  } else {
    ImGui::TextDisabled("Drawing the notation...");
  }
}

}  // namespace tt::web
