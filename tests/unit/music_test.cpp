// Keys, tempi and ABC as the tune page shows and plays them.
#include <gtest/gtest.h>

#include "core/abc_text.h"
#include "core/music_key.h"
#include "core/tune_tempo.h"
#include "core/tune_text.h"

namespace tt {
namespace {

TEST(MusicKey, ReadsThesessionAndAbcSpellings) {
  EXPECT_EQ(key_label("Gmajor"), "G major");
  EXPECT_EQ(key_label("Edorian"), "E dorian");
  EXPECT_EQ(key_label("Amixolydian"), "A mixolydian");
  EXPECT_EQ(key_label("Bminor"), "B minor");
  EXPECT_EQ(key_label("Ador"), "A dorian");
  EXPECT_EQ(key_label("Bm"), "B minor");
  EXPECT_EQ(key_label("F#minor"), "F# minor");
  EXPECT_EQ(key_label("Bbmajor"), "Bb major");
  EXPECT_EQ(key_label("G"), "G major");
  EXPECT_EQ(key_label("Aaeolian"), "A minor");
  EXPECT_EQ(key_label("Hmajor"), "Hmajor") << "unreadable keys are shown as they came";
  EXPECT_EQ(key_label("Gfoo"), "Gfoo");
  EXPECT_EQ(key_label(""), "");
}

TEST(MusicKey, WritesTheAbcKeyField) {
  EXPECT_EQ(key_for_abc(*parse_music_key("Gmajor")), "Gmaj");
  EXPECT_EQ(key_for_abc(*parse_music_key("Edorian")), "Edor");
  EXPECT_EQ(key_for_abc(*parse_music_key("F#minor")), "F#min");
  EXPECT_EQ(key_for_thesession(*parse_music_key("Amix")), "Amixolydian");
}

TEST(MusicKey, TransposesToTheSimplerSpelling) {
  EXPECT_EQ(key_label("Gmajor", 2), "A major");
  EXPECT_EQ(key_label("Dmajor", -2), "C major");
  EXPECT_EQ(key_label("Dmajor", 1), "Eb major") << "3 flats rather than D# major's 9 sharps";
  EXPECT_EQ(key_label("Edorian", 2), "F# dorian");
  EXPECT_EQ(key_label("Adorian", 1), "Bb dorian");
  EXPECT_EQ(key_label("Amixolydian", 5), "D mixolydian");
  EXPECT_EQ(key_label("Bminor", 1), "C minor");
  EXPECT_EQ(key_label("Cmajor", 6), "F# major") << "a tie goes to sharps";
  EXPECT_EQ(key_label("Gmajor", 12), "G major");
  EXPECT_EQ(key_label("Gmajor", -12), "G major");
  EXPECT_EQ(key_label("Flocrian", 12), "F locrian") << "an octave keeps the spelling (the fuzzer found E# locrian)";
}

TEST(TuneTempo, FollowsTheType) {
  EXPECT_EQ(rhythm_for_type("jig").meter, "6/8");
  EXPECT_EQ(rhythm_for_type("Slip Jig").meter, "9/8");
  EXPECT_EQ(rhythm_for_type("slide").meter, "12/8");
  EXPECT_EQ(rhythm_for_type("three-two").meter, "3/2");
  EXPECT_EQ(rhythm_for_type("polka").meter, "2/4");
  EXPECT_EQ(rhythm_for_type("no such type").meter, "4/4");
  EXPECT_GT(practice_qpm("reel", 100), practice_qpm("waltz", 100)) << "reels go faster than waltzes";
  EXPECT_GT(practice_qpm("hornpipe", 100), practice_qpm("mazurka", 100));
  EXPECT_DOUBLE_EQ(practice_qpm("reel", 50), practice_qpm("reel", 100) / 2);
  EXPECT_DOUBLE_EQ(practice_qpm("reel", 10), practice_qpm("reel", kMinTempoPercent)) << "clamped at 40 %";
  EXPECT_DOUBLE_EQ(practice_qpm("reel", 900), practice_qpm("reel", kMaxTempoPercent));
  EXPECT_DOUBLE_EQ(bar_ms("reel", 100), 4 * 60000.0 / 200);
  EXPECT_DOUBLE_EQ(bar_ms("jig", 100), 3 * 60000.0 / 174);
  EXPECT_DOUBLE_EQ(bar_ms("jig", 50), 2 * bar_ms("jig", 100));
}

TEST(AbcText, TurnsThesessionLineBreaksIntoLines) {
  EXPECT_EQ(thesession_abc_body("|:GAB c2A|BAG E3! d2e f2g:|"), "|:GAB c2A|BAG E3\nd2e f2g:|");
  EXPECT_EQ(thesession_abc_body("ABc!trill!d ef|! g2a|"), "ABc!trill!d ef|\ng2a|") << "decorations stay";
  EXPECT_EQ(thesession_abc_body("AB|\r\ncd|  \r\n"), "AB|\ncd|");
  EXPECT_EQ(thesession_abc_body("AB|!"), "AB|") << "a final break adds no empty line";
}

TEST(AbcText, OpeningBarsSkipRepeatsAndKeepAPickup) {
  EXPECT_EQ(abc_opening_bars("|:GAB c2A|BAG E3|d2e f2g:|", 2), "GAB c2A | BAG E3 |");
  EXPECT_EQ(abc_opening_bars("D|:\"G\"G2B {c}BAG|(3ABc d2 e>d|fed cBA:|", 2), "D | \"G\"G2B {c}BAG | (3ABc d2 e>d |")
      << "the pickup D comes on top; chords, grace notes, triplets and broken rhythm are kept";
  EXPECT_EQ(abc_opening_bars("|1 ABc:|2 cBA||", 1), "ABc |") << "ending numbers are not notes";
  EXPECT_EQ(abc_opening_bars("ABC", 2), "ABC |");
  EXPECT_EQ(abc_opening_bars("| | ||", 2), "");
  EXPECT_EQ(abc_opening_bars("[K:Ador] ABc|def|", 1), "[K:Ador] ABc |") << "inline fields are kept";
}

TuneDetails two_settings() {
  TuneDetails tune;
  tune.id = 1;
  tune.name = "The Test Jig";
  tune.type = "jig";
  tune.settings = {{11, "Gmajor", "|:GAB c2A|BAG E3|! d2e f2g:|"}, {12, "Edorian", "EFG ABc|"}};
  return tune;
}

TEST(TuneText, AbcDocumentHasTheHeaderTheTypeImplies) {
  EXPECT_EQ(abc_document(two_settings(), 0),
            "X: 1\nT: The Test Jig\nR: jig\nM: 6/8\nL: 1/8\nK: Gmaj\n|:GAB c2A|BAG E3|\nd2e f2g:|\n");
  EXPECT_NE(abc_document(two_settings(), 1).find("K: Edor\nEFG ABc|"), std::string::npos);
  EXPECT_EQ(abc_document(two_settings(), 2), "");
  auto tune = two_settings();
  tune.name = "Two\nLines";
  EXPECT_NE(abc_document(tune, 0).find("T: Two Lines\nR:"), std::string::npos);
}

TEST(TuneText, IncipitAndSettingLabel) {
  EXPECT_EQ(abc_incipit(two_settings(), 0), "X: 1\nT: The Test Jig\nR: jig\nM: 6/8\nL: 1/8\nK: Gmaj\nGAB c2A | BAG E3 |\n");
  EXPECT_EQ(abc_incipit(two_settings(), 5), "");
  auto chords = two_settings();
  chords.settings[0].abc = "|:\"G\"GAB \"C\"c2A|BAG E3|";
  EXPECT_NE(abc_incipit(chords, 0).find("\nGAB c2A | BAG E3 |\n"), std::string::npos) << "no chord names";
  EXPECT_EQ(setting_label(two_settings(), 1), "Setting 2 of 2 \xC2\xB7 E dorian");
  EXPECT_EQ(setting_index(two_settings(), 12), 1u);
  EXPECT_EQ(setting_index(two_settings(), std::nullopt), 0u);
  EXPECT_EQ(setting_index(two_settings(), 99), 0u) << "a setting gone from thesession.org falls back to the first";
}

}  // namespace
}  // namespace tt
