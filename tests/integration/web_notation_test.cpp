// The tune page's music, natively: what is asked of abcjs and when (never
// per frame), the chosen setting kept in the store, stale renders and
// textures released, and the player's controls.
#include "tests/fake_thesession/synthetic_data.h"
#include "tests/integration/web_page.h"

namespace tt {
namespace {

using testing::WebPage;
namespace ev = web::event;
namespace fx = web::effect;

// A page showing tune `id` (added to the collection when `collect`), its
// details answered, the panel 500 px wide.
void open_tune(WebPage& page, int64_t id, bool collect) {
  page.open();
  if (collect) page.dispatch(ev::AddTune{{id, "Tune " + std::to_string(id), "reel", ""}});
  page.dispatch(ev::OpenTune{id});
  if (page.has_fetch("/api/thesession/tunes/" + std::to_string(id))) {
    page.answer("/api/thesession/tunes/" + std::to_string(id), WebPage::ok(fake::tune_json(id)));
  }
  page.dispatch(ev::NotationWidth{id, 500});
}

// Answers the render in flight as abcjs would, with texture `texture`.
fx::RenderNotation answer_render(WebPage& page, int texture, int bars = 16) {
  const auto renders = page.effects_of<fx::RenderNotation>();
  EXPECT_EQ(renders.size(), 1u);
  web::NotationImage image;
  image.texture = texture;
  image.width_css = 500;
  image.height_css = 400;
  image.bars = bars;
  for (int b = 1; b <= bars; ++b) image.notes.push_back({10.f * b, 20, 8, 8, b});
  page.dispatch(ev::NotationRendered{renders.at(0).request, image});
  return renders.at(0);
}


}  // namespace

TEST(WebNotation, RendersOnceForEachTuneSettingWidthAndTransposition) {
  WebPage page;
  const int64_t id = fake::fake_tune_with_settings(3);
  open_tune(page, id, true);
  const auto render = answer_render(page, 7);
  EXPECT_NE(render.abc.find("M: "), std::string::npos) << "the header the type implies";
  EXPECT_EQ(render.width_css, 500);
  // Frames come and go: nothing is asked again.
  for (int i = 0; i < 5; ++i) {
    page.dispatch(ev::Tick{});
    EXPECT_EQ(page.effects_of<fx::RenderNotation>().size(), 0u);
  }
  page.dispatch(ev::NotationWidth{id, 500});
  EXPECT_EQ(page.effects_of<fx::RenderNotation>().size(), 0u) << "the same width";
  page.dispatch(ev::NotationWidth{id, 360});
  EXPECT_EQ(page.effects_of<fx::RenderNotation>().size(), 1u) << "a new width";
  answer_render(page, 8);
  EXPECT_EQ(page.effects_of<fx::ReleaseTexture>().at(0).texture, 7) << "the old texture is freed";
  page.dispatch(ev::SetTranspose{2});
  EXPECT_EQ(page.effects_of<fx::RenderNotation>().at(0).transpose, 2);
  page.dispatch(ev::SetTranspose{40});
  EXPECT_EQ(page.model.notation.transpose, 12) << "at most an octave";
}

TEST(WebNotation, AStaleRenderIsDroppedAndItsTextureFreed) {
  WebPage page;
  const int64_t id = fake::fake_tune_with_settings(3);
  open_tune(page, id, true);
  const auto first = page.effects_of<fx::RenderNotation>().at(0);
  page.dispatch(ev::SetTranspose{1});  // asks again before the first answer
  const auto second = page.effects_of<fx::RenderNotation>().at(0);
  web::NotationImage late;
  late.texture = 5;
  page.dispatch(ev::NotationRendered{first.request, late});
  EXPECT_EQ(page.effects_of<fx::ReleaseTexture>().at(0).texture, 5);
  EXPECT_EQ(page.model.notation.image.texture, 0);
  web::NotationImage current;
  current.texture = 6;
  current.bars = 16;
  page.dispatch(ev::NotationRendered{second.request, current});
  EXPECT_EQ(page.model.notation.image.texture, 6);
  // Closing the tune frees it.
  page.dispatch(ev::CloseTune{});
  EXPECT_EQ(page.effects_of<fx::ReleaseTexture>().at(0).texture, 6);
}

TEST(WebNotation, TheChosenSettingIsKeptAndUsedForCopyAbc) {
  WebPage page;
  const int64_t id = fake::fake_tune_with_settings(4);
  open_tune(page, id, true);
  answer_render(page, 7);
  page.dispatch(ev::Saved{""});  // the add's save is done
  page.dispatch(ev::ChooseSetting{id, 2});
  EXPECT_EQ(page.model.chosen_setting(id), 2u);
  EXPECT_TRUE(page.effects_of<fx::Save>().size() == 1 || page.model.save_again) << "saved, now or next";
  const auto render = page.effects_of<fx::RenderNotation>();
  ASSERT_EQ(render.size(), 1u);
  const TuneDetails* d = page.model.tune_details(id);
  EXPECT_NE(render[0].abc.find(d->settings[2].abc.substr(0, 12)), std::string::npos);
  page.dispatch(ev::CopyAbc{id});
  EXPECT_EQ(page.effects_of<fx::CopyToClipboard>().at(0).text, render[0].abc);
  EXPECT_EQ(page.services.store->entry(id)->setting_id, std::optional<int64_t>(d->settings[2].id));
  page.dispatch(ev::ChooseSetting{id, 9});
  EXPECT_EQ(page.model.chosen_setting(id), 2u) << "no such setting: nothing changes";
}

TEST(WebNotation, ATuneOutsideTheCollectionStillSwitchesSettings) {
  WebPage page;
  const int64_t id = fake::fake_tune_with_settings(2);
  open_tune(page, id, false);
  answer_render(page, 7);
  page.dispatch(ev::ChooseSetting{id, 1});
  EXPECT_EQ(page.model.chosen_setting(id), 1u);
  EXPECT_EQ(page.effects_of<fx::Save>().size(), 0u);
}

TEST(WebNotation, PlayerControlsAndLoopPicking) {
  WebPage page;
  const int64_t id = fake::fake_tune_of_type("jig");
  open_tune(page, id, true);
  answer_render(page, 7, 16);
  page.dispatch(ev::SetTempo{10});
  EXPECT_EQ(page.model.notation.tempo_percent, 40) << "clamped";
  page.dispatch(ev::SetTempo{50});
  page.dispatch(ev::PickBar{3});
  page.dispatch(ev::PickBar{6});
  EXPECT_EQ(page.model.notation.loop, std::make_optional(std::make_pair(3, 6)));
  page.dispatch(ev::PickBar{9});
  EXPECT_EQ(page.model.notation.loop, std::make_optional(std::make_pair(9, 9))) << "a third click starts over";
  page.dispatch(ev::SetLoop{std::make_pair(5, 40)});
  EXPECT_EQ(page.model.notation.loop, std::make_optional(std::make_pair(5, 16))) << "within the tune";

  page.dispatch(ev::PlayPause{});
  ASSERT_TRUE(page.model.notation.playing);
  const auto play = page.effects_of<fx::StartPlayback>().at(0);
  EXPECT_EQ(play.loop_from, 5);
  EXPECT_EQ(play.loop_to, 16);
  EXPECT_EQ(play.beats_per_bar, 2) << "a jig counts two";
  EXPECT_EQ(play.count_in_beats, 2);
  EXPECT_NEAR(play.ms_per_bar, 2 * 3 * 60000.0 / 174, 1e-6) << "a jig bar at 50 %";
  page.dispatch(ev::PlaybackChanged{play.request, "note", 12, 5, 0, ""});
  EXPECT_EQ(page.model.notation.highlighted_note, 12);
  // A new tempo while playing: stop, and play on at the new one.
  page.dispatch(ev::SetTempo{100});
  EXPECT_EQ(page.effects_of<fx::StopPlayback>().size(), 1u);
  const auto again = page.effects_of<fx::StartPlayback>().at(0);
  EXPECT_NEAR(again.ms_per_bar, 3 * 60000.0 / 174, 1e-6);
  page.dispatch(ev::PlaybackChanged{play.request, "note", 30, 9, 0, ""});
  EXPECT_EQ(page.model.notation.highlighted_note, -1) << "the stopped player's report is dropped";
  // A new key while playing: the music is drawn in it first (its notes are
  // what plays), then it plays on, without a press of Play at each step.
  page.dispatch(ev::SetTranspose{3});
  EXPECT_FALSE(page.model.notation.playing);
  EXPECT_EQ(page.effects_of<fx::StopPlayback>().size(), 1u);
  answer_render(page, 9);
  EXPECT_TRUE(page.model.notation.playing) << "plays on in the new key";
  ASSERT_EQ(page.effects_of<fx::StartPlayback>().size(), 1u);
  page.dispatch(ev::SetTranspose{3});
  EXPECT_TRUE(page.model.notation.playing) << "the same key: nothing to draw, nothing stops";
  // Stop pressed while the new key is drawn: it stays stopped once drawn.
  page.dispatch(ev::SetTranspose{4});
  const auto redraw = page.effects_of<fx::RenderNotation>().at(0);
  page.dispatch(ev::PlayPause{});
  web::NotationImage image;
  image.texture = 10;
  image.bars = 16;
  page.dispatch(ev::NotationRendered{redraw.request, image});
  EXPECT_FALSE(page.model.notation.playing);
  EXPECT_EQ(page.effects_of<fx::StartPlayback>().size(), 0u);
  // Another tune: the player stops.
  page.dispatch(ev::OpenTune{fake::fake_tune_with_settings(1)});
  EXPECT_FALSE(page.model.notation.playing);
  EXPECT_EQ(page.model.notation.loop, std::nullopt);
}

TEST(WebNotation, PlayerPreferencesSurviveAReload) {
  WebPage page;
  const int64_t id = fake::fake_tune_with_settings(2);
  open_tune(page, id, true);
  page.dispatch(ev::SetTempo{75});
  page.dispatch(ev::ChooseInstrument{"flute"});
  page.dispatch(ev::SetCountIn{false});
  page.dispatch(ev::ChooseInstrument{"bagpipes"});
  EXPECT_EQ(page.model.notation.instrument, "fiddle") << "unknown instruments fall back to the fiddle";
  page.dispatch(ev::ChooseInstrument{"flute"});
  // The same database opened again, as after a reload.
  WebPage reloaded;
  reloaded.services.db_path = page.services.db_path;
  reloaded.open();
  EXPECT_EQ(reloaded.model.notation.tempo_percent, 75);
  EXPECT_EQ(reloaded.model.notation.instrument, "flute");
  EXPECT_FALSE(reloaded.model.notation.count_in);
}

TEST(WebNotation, ATuneWithoutSettingsAsksForNothing) {
  WebPage page;
  const int64_t id = fake::fake_tune_without_settings();
  open_tune(page, id, false);
  EXPECT_EQ(page.effects_of<fx::RenderNotation>().size(), 0u);
  page.dispatch(ev::PlayPause{});
  EXPECT_FALSE(page.model.notation.playing);
}

}  // namespace tt

namespace tt {

TEST(WebNotation, ANumberTypedIsTakenWhenTheFieldIsLeft) {
  WebPage page;
  const int64_t id = fake::fake_tune_with_settings(2);
  open_tune(page, id, true);
  page.dispatch(web::event::Saved{""});
  for (int typed : {1, 12, 120}) {
    page.dispatch(web::event::NumberEdited{"tempo", typed});
    EXPECT_EQ(page.model.notation.tempo_percent, 100) << "a draft while typing";
    EXPECT_TRUE(page.effects.empty()) << "nothing saved, nothing restarted";
  }
  EXPECT_EQ(page.model.number_shown("tempo", 100), 120);
  page.dispatch(web::event::NumberLeft{"tempo"});
  EXPECT_EQ(page.model.notation.tempo_percent, 120);
  EXPECT_EQ(page.model.number_shown("tempo", 120), 120);
  // Loop fields: one number loops that bar; both make a range.
  web::NotationImage image;
  image.texture = 3;
  image.bars = 16;
  page.dispatch(web::event::NotationRendered{page.model.notation.render_request, image});
  page.dispatch(web::event::NumberEdited{"loop_from", 3});
  page.dispatch(web::event::NumberLeft{"loop_from"});
  EXPECT_EQ(page.model.notation.loop, std::make_optional(std::make_pair(3, 3)));
  page.dispatch(web::event::NumberEdited{"loop_to", 6});
  page.dispatch(web::event::NumberLeft{"loop_to"});
  EXPECT_EQ(page.model.notation.loop, std::make_optional(std::make_pair(3, 6)));
  page.dispatch(web::event::NumberEdited{"loop_to", 0});
  page.dispatch(web::event::NumberLeft{"loop_to"});
  EXPECT_EQ(page.model.notation.loop, std::nullopt) << "a field emptied: no loop";
}

}  // namespace tt
