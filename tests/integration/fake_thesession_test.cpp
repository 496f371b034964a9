// The fake thesession.org's tune settings: counts, keys, ABC that fits the
// metre of the tune's type, the deliberately broken tunes, and the
// /_control/examples endpoint browser tests use to find them.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <numeric>
#include <regex>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/thesession_api.h"
#include "core/tune_type.h"
#include "tests/fake_thesession/fake_server.h"
#include "tests/fake_thesession/synthetic_data.h"
#include "tests/integration/test_support.h"

namespace tt {
namespace {

using nlohmann::json;

// ---- A tiny bar-length checker ----------------------------------------------
// Counts eighth-note units (L:1/8) per bar in the ABC the fake writes: notes
// A-G a-g with , and ' octave marks and ^ _ = accidentals; rests z x; lengths
// 2 3 /2 3/2 / // (any n/m); broken rhythm > < (the first note gains half its
// length, the second loses half, or the other way round); triplets (3 (three
// notes in the time of two); grace notes {...} and chord symbols "..." (no
// length); rolls ~; bar lines | |: :| :: || |] [| and endings |1 :|2 [1;
// line breaks "! ", "\r\n" and spaces. Anything else is an error.

struct Fraction {
  int64_t n = 0;
  int64_t d = 1;
  Fraction() = default;
  Fraction(int64_t num, int64_t den = 1) : n(num), d(den) { reduce(); }
  void reduce() {
    const int64_t g = std::gcd(n < 0 ? -n : n, d);
    if (g > 1) n /= g, d /= g;
  }
  Fraction operator+(Fraction o) const { return {n * o.d + o.n * d, d * o.d}; }
  Fraction operator-(Fraction o) const { return {n * o.d - o.n * d, d * o.d}; }
  Fraction operator*(Fraction o) const { return {n * o.n, d * o.d}; }
  bool operator==(Fraction o) const { return n == o.n && d == o.d; }
  bool operator!=(Fraction o) const { return !(*this == o); }
};

std::string to_string(Fraction f) { return f.d == 1 ? std::to_string(f.n) : std::to_string(f.n) + "/" + std::to_string(f.d); }

struct BarCheck {
  std::vector<Fraction> bars;  // units in each bar that holds anything
  int notes = 0;               // notes (not rests, not grace notes)
  int lowest = 1000;           // pitches: C4 = 28, one step per letter, 7 per octave
  int highest = -1000;
  std::string error;           // empty when the ABC could be read
};

BarCheck check_bars(std::string_view abc) {
  BarCheck r;
  Fraction bar;
  bool bar_used = false;
  int tuplet_left = 0;
  Fraction next_factor{1};         // from a broken rhythm sign, for the next note
  Fraction last_length{0};         // the last note's length as counted
  bool note_before = false;        // a note (or rest) came last in this bar
  auto fail = [&](const std::string& what, size_t at) {
    r.error = what + " at " + std::to_string(at);
    return r;
  };
  size_t i = 0;
  while (i < abc.size()) {
    const char c = abc[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      ++i;
      continue;
    }
    if (c == '!') {  // a line break in thesession's old style: "!" then a space or the end
      if (i + 1 < abc.size() && abc[i + 1] != ' ' && abc[i + 1] != '\r' && abc[i + 1] != '\n') {
        return fail("a '!' that is not a line break", i);
      }
      ++i;
      continue;
    }
    if (c == '"' || c == '{') {  // chord symbol, grace notes: no length
      const size_t close = abc.find(c == '"' ? '"' : '}', i + 1);
      if (close == std::string_view::npos) return fail(c == '"' ? "unbalanced chord quote" : "unclosed grace notes", i);
      i = close + 1;
      continue;
    }
    if (c == '~') {
      ++i;
      continue;
    }
    if (c == '(') {
      if (i + 1 >= abc.size() || abc[i + 1] != '3') return fail("a tuplet other than (3", i);
      if (tuplet_left > 0) return fail("a triplet inside a triplet", i);
      tuplet_left = 3;
      i += 2;
      continue;
    }
    if (c == '|' || c == ':' || c == '[' || c == ']') {
      const size_t from = i;
      while (i < abc.size() && (abc[i] == '|' || abc[i] == ':' || abc[i] == '[' || abc[i] == ']')) ++i;
      const std::string_view run = abc.substr(from, i - from);
      if (run.find('|') == std::string_view::npos && run != "::" && run != "[") return fail("a stray '" + std::string(run) + "'", from);
      while (i < abc.size() && abc[i] >= '1' && abc[i] <= '9') ++i;  // |1 :|2 [1
      if (tuplet_left > 0) return fail("a triplet across a bar line", from);
      if (next_factor != Fraction{1}) return fail("a broken rhythm across a bar line", from);
      if (bar_used) r.bars.push_back(bar);
      bar = Fraction{0};
      bar_used = false;
      note_before = false;
      continue;
    }
    if (c == '>' || c == '<') {
      if (!note_before) return fail("a broken rhythm without a note before it", i);
      if (i + 1 < abc.size() && (abc[i + 1] == '>' || abc[i + 1] == '<')) return fail("a double broken rhythm", i);
      const Fraction half = last_length * Fraction{1, 2};
      bar = c == '>' ? bar + half : bar - half;
      next_factor = c == '>' ? Fraction{1, 2} : Fraction{3, 2};
      note_before = false;
      ++i;
      continue;
    }
    size_t at = i;
    bool accidental = false;
    while (at < abc.size() && (abc[at] == '^' || abc[at] == '_' || abc[at] == '=')) ++at, accidental = true;
    if (at >= abc.size()) return fail("an accidental without a note", i);
    const char letter = abc[at];
    const bool upper = letter >= 'A' && letter <= 'G';
    const bool lower = letter >= 'a' && letter <= 'g';
    const bool rest = letter == 'z' || letter == 'x';
    if (!upper && !lower && !rest) return fail(std::string("an unexpected character (byte ") +
                                                   std::to_string(static_cast<unsigned char>(letter)) + ")",
                                               at);
    if (rest && accidental) return fail("an accidental on a rest", i);
    i = at + 1;
    int pitch = 0;
    if (!rest) {
      static const std::string_view kLetters = "CDEFGAB";
      pitch = 28 + static_cast<int>(kLetters.find(static_cast<char>(upper ? letter : letter - 32))) + (lower ? 7 : 0);
    }
    while (i < abc.size() && (abc[i] == '\'' || abc[i] == ',')) {
      if (rest) return fail("an octave mark on a rest", i);
      pitch += abc[i] == '\'' ? 7 : -7;
      ++i;
    }
    int64_t num = 0;
    bool has_num = false;
    while (i < abc.size() && abc[i] >= '0' && abc[i] <= '9') num = num * 10 + (abc[i++] - '0'), has_num = true;
    Fraction length{has_num ? num : 1};
    while (i < abc.size() && abc[i] == '/') {
      ++i;
      int64_t den = 0;
      bool has_den = false;
      while (i < abc.size() && abc[i] >= '0' && abc[i] <= '9') den = den * 10 + (abc[i++] - '0'), has_den = true;
      length = length * Fraction{1, has_den ? den : 2};
    }
    if (length.n <= 0) return fail("a zero length", at);
    if (tuplet_left > 0) {
      length = length * Fraction{2, 3};
      --tuplet_left;
    }
    length = length * next_factor;
    next_factor = Fraction{1};
    bar = bar + length;
    last_length = length;
    note_before = true;
    bar_used = true;
    if (!rest) {
      ++r.notes;
      r.lowest = std::min(r.lowest, pitch);
      r.highest = std::max(r.highest, pitch);
    }
  }
  if (tuplet_left > 0) return fail("an unfinished triplet", abc.size());
  if (next_factor != Fraction{1}) return fail("a broken rhythm at the end", abc.size());
  if (bar_used) r.bars.push_back(bar);
  return r;
}

constexpr int kD4 = 29;
constexpr int kB5 = 41;
constexpr int kD6 = 43;

// What a valid setting must be; "" when it is.
std::string setting_problem(const std::string& type, const std::string& abc) {
  const BarCheck r = check_bars(abc);
  if (!r.error.empty()) return r.error;
  if (r.notes == 0) return "no notes";
  const Fraction units{fake::tune_units_per_bar(type)};
  for (size_t b = 0; b < r.bars.size(); ++b) {
    if (r.bars[b] != units) return "bar " + std::to_string(b + 1) + " has " + to_string(r.bars[b]) + " units, not " + to_string(units);
  }
  if (r.bars.size() < 16 || r.bars.size() > 18) return std::to_string(r.bars.size()) + " bars";
  if (r.lowest < kD4 || r.highest > kD6) return "a note out of range";
  return "";
}

// ---- The checker itself ---------------------------------------------------------

TEST(FakeAbcChecker, CountsTheConstructsTheFakeWrites) {
  auto units = [](std::string_view abc) {
    const BarCheck r = check_bars(abc);
    EXPECT_EQ(r.error, "") << abc;
    std::string out;
    for (auto b : r.bars) out += (out.empty() ? "" : " ") + to_string(b);
    return out;
  };
  EXPECT_EQ(units("|:DFA dAF|~G3 {g}B2d::\"Em\"e>f g<a|(3ABc d2|1 A/2B/2c3/2d/2:|2 z2 d'|]"), "6 6 4 4 3 3");
  EXPECT_EQ(units("|:A,B,C ^c_d=e|! fga b2c'|\r\nz4 x2|"), "6 6 6");
  EXPECT_EQ(units("A//B//c/ d3/2e/ (3d2e2f2|"), "7");  // a triplet of quarters: 4
  EXPECT_NE(check_bars("|\"G ABc|").error, "");
  EXPECT_NE(check_bars("|AB\x01 c|").error, "");
  EXPECT_NE(check_bars("|(3AB|c").error, "");
  EXPECT_NE(check_bars("|A>|B").error, "");
  EXPECT_EQ(check_bars("|:\"D\" | \"G\":|").notes, 0);
}

// ---- Settings -------------------------------------------------------------------

TEST(FakeSettings, EveryCountFromOneToSixIsReachableAmongLowIds) {
  std::set<int64_t> seen;
  for (int count = 1; count <= 6; ++count) {
    const int64_t id = fake::fake_tune_with_settings(count);
    ASSERT_GT(id, 0) << count;
    EXPECT_LE(id, 200) << count;
    EXPECT_TRUE(seen.insert(id).second);
    EXPECT_EQ(fake::tune_setting_count(id), count);
    EXPECT_EQ(fake::tune_abc_flaw(id), fake::AbcFlaw::None);
    const auto parsed = parse_tune_details(fake::tune_json(id));
    ASSERT_TRUE(parsed.tune) << parsed.error;
    ASSERT_EQ(parsed.tune->settings.size(), static_cast<size_t>(count));
    for (const auto& s : parsed.tune->settings) EXPECT_EQ(setting_problem(parsed.tune->type, s.abc), "") << id;
  }
  EXPECT_EQ(fake::fake_tune_with_settings(0), 0);
  EXPECT_EQ(fake::fake_tune_with_settings(7), 0);
}

TEST(FakeSettings, SettingsAreShapedLikeThePublicApi) {
  const std::regex key_shape("[A-G](major|minor|dorian|mixolydian)");
  const std::regex date_shape("20[0-2][0-9]-[01][0-9]-[0-3][0-9] [0-2][0-9]:[0-5][0-9]:[0-5][0-9]");
  std::set<std::string> keys;
  for (int64_t id = 1; id <= 400; ++id) {
    const json doc = json::parse(fake::tune_json(id));
    ASSERT_TRUE(doc.at("settings").is_array());
    EXPECT_EQ(doc.at("settings").size(), static_cast<size_t>(fake::tune_setting_count(id)));
    int index = 0;
    for (const auto& s : doc.at("settings")) {
      const int64_t setting_id = s.at("id").get<int64_t>();
      EXPECT_EQ(setting_id, id * 10 + index);
      EXPECT_EQ(s.at("url"), "https://thesession.org/tunes/" + std::to_string(id) + "#setting" + std::to_string(setting_id));
      const std::string key = s.at("key");
      EXPECT_TRUE(std::regex_match(key, key_shape)) << key;
      EXPECT_EQ(key, fake::tune_key(id, index));
      keys.insert(key);
      EXPECT_EQ(s.at("abc"), fake::tune_abc(id, index));
      EXPECT_TRUE(std::regex_match(s.at("date").get<std::string>(), date_shape)) << s.at("date");
      EXPECT_TRUE(fake::member_exists(s.at("member").at("id").get<int64_t>()));
      EXPECT_EQ(s.at("member").at("url"), "https://thesession.org/members/" + std::to_string(s.at("member").at("id").get<int64_t>()));
      ++index;
    }
    EXPECT_EQ(fake::tune_json(id), fake::tune_json(id));  // deterministic
  }
  for (const char* key : {"Dmajor", "Gmajor", "Edorian", "Adorian", "Amixolydian", "Dmixolydian", "Eminor",
                          "Bminor", "Aminor", "Cmajor", "Fmajor", "Gdorian"}) {
    EXPECT_TRUE(keys.count(key)) << key;
  }
}

TEST(FakeSettings, EveryValidSettingFitsTheMetreOfItsType) {
  std::set<std::string> types;
  int settings = 0;
  for (int64_t id = 1; id <= fake::kTuneCount; ++id) {
    const std::string type = fake::tune_type(id);
    const bool broken_first = fake::tune_abc_flaw(id) != fake::AbcFlaw::None;
    for (int s = broken_first ? 1 : 0; s < fake::tune_setting_count(id); ++s) {
      const std::string abc = fake::tune_abc(id, s);
      ASSERT_EQ(setting_problem(type, abc), "") << "tune " << id << " (" << type << ") setting " << s << ": " << abc;
      for (size_t at = abc.find("||:"); at != std::string::npos; at = abc.find("||:", at + 1)) {
        ASSERT_TRUE(at > 0 && abc[at - 1] == ':') << abc;  // ":||:" is a repeat; "x||:" is not
      }
      ++settings;
    }
    types.insert(type);
  }
  EXPECT_EQ(types.size(), known_tune_types().size());
  EXPECT_GT(settings, 60000);
  EXPECT_EQ(fake::tune_metre("reel"), "4/4");
  EXPECT_EQ(fake::tune_metre("slipjig"), "9/8");
  EXPECT_EQ(fake::tune_metre("three-two"), "3/2");
  EXPECT_EQ(fake::tune_units_per_bar("slide"), 12);
  EXPECT_EQ(fake::tune_units_per_bar("polka"), 4);
  EXPECT_EQ(fake::tune_units_per_bar("mazurka"), 6);
  EXPECT_EQ(fake::tune_units_per_bar("schottische"), 0);
}

TEST(FakeSettings, LowIdsShowEveryConstructAndBothLineBreakStyles) {
  const std::vector<std::string> constructs = {"! ", "\r\n", "|:", ":|", "::", "|1 ", ":|2 ", "(3", "{", "\"",
                                               ">", "<", "~", "3/2", "/2", "d'", "z", "^", "="};
  std::set<std::string> seen;
  bool single_line = false;
  for (int64_t id = 1; id <= 300; ++id) {
    if (fake::tune_abc_flaw(id) != fake::AbcFlaw::None) continue;
    for (int s = 0; s < fake::tune_setting_count(id); ++s) {
      const std::string abc = fake::tune_abc(id, s);
      for (const auto& c : constructs) {
        if (abc.find(c) != std::string::npos) seen.insert(c);
      }
      single_line |= abc.find("! ") == std::string::npos && abc.find('\n') == std::string::npos;
    }
  }
  for (const auto& c : constructs) EXPECT_TRUE(seen.count(c)) << "never seen: " << json(c).dump();
  EXPECT_TRUE(single_line);
}

// ---- Broken tunes -----------------------------------------------------------------

TEST(FakeBrokenTunes, BrokenIdsReallyAreBrokenAndTheirOtherSettingsAreNot) {
  const auto ids = fake::broken_abc_tune_ids();
  ASSERT_GE(ids.size(), 8u);
  EXPECT_LT(ids.size(), 300u);  // a few, not many
  std::set<fake::AbcFlaw> kinds;
  for (int64_t id : ids) {
    const fake::AbcFlaw flaw = fake::tune_abc_flaw(id);
    kinds.insert(flaw);
    EXPECT_EQ(fake::tune_name(id).rfind("Tomás", 0), 0u) << id;  // never the first row by name
    const std::string abc = fake::tune_abc(id, 0);
    const BarCheck r = check_bars(abc);
    EXPECT_NE(setting_problem(fake::tune_type(id), abc), "") << id;
    switch (flaw) {
      case fake::AbcFlaw::EmptyAbc: EXPECT_EQ(abc, ""); break;
      case fake::AbcFlaw::NoNotes: EXPECT_EQ(r.error, ""); EXPECT_EQ(r.notes, 0); break;
      case fake::AbcFlaw::UnbalancedChordQuote: EXPECT_NE(r.error.find("unbalanced chord quote"), std::string::npos) << r.error; break;
      case fake::AbcFlaw::GarbageLine: EXPECT_NE(r.error.find("unexpected character"), std::string::npos) << r.error; break;
      default: ADD_FAILURE() << "tune " << id << " is listed as broken";
    }
    const auto parsed = parse_tune_details(fake::tune_json(id));  // still valid JSON the page reads
    ASSERT_TRUE(parsed.tune) << parsed.error;
    ASSERT_EQ(parsed.tune->settings.size(), static_cast<size_t>(fake::tune_setting_count(id)));
    EXPECT_EQ(parsed.tune->settings[0].abc, abc);
    EXPECT_FALSE(parsed.tune->settings[0].key.empty());
    for (size_t s = 1; s < parsed.tune->settings.size(); ++s) {
      EXPECT_EQ(setting_problem(parsed.tune->type, parsed.tune->settings[s].abc), "") << id << " setting " << s;
    }
  }
  EXPECT_EQ(kinds.size(), 4u);
  EXPECT_EQ(fake::fake_tune_with_broken_abc(), ids.front());
}

TEST(FakeBrokenTunes, SomeTunesHaveNoSettingsAtAll) {
  const int64_t id = fake::fake_tune_without_settings();
  ASSERT_GT(id, 0);
  EXPECT_EQ(fake::tune_abc_flaw(id), fake::AbcFlaw::NoSettings);
  EXPECT_EQ(fake::tune_setting_count(id), 0);
  const json doc = json::parse(fake::tune_json(id));
  EXPECT_TRUE(doc.at("settings").is_array());
  EXPECT_TRUE(doc.at("settings").empty());
  EXPECT_EQ(doc.at("name"), fake::tune_name(id));  // the rest of the tune is as always
  EXPECT_EQ(doc.at("type"), fake::tune_type(id));
  const auto parsed = parse_tune_details(fake::tune_json(id));
  ASSERT_TRUE(parsed.tune) << parsed.error;
  EXPECT_TRUE(parsed.tune->settings.empty());
}

// ---- Examples ----------------------------------------------------------------------

TEST(FakeExamples, EveryTypeHasAFlawlessExample) {
  for (const auto& type : known_tune_types()) {
    const int64_t id = fake::fake_tune_of_type(type);
    ASSERT_GT(id, 0) << type;
    EXPECT_EQ(fake::tune_type(id), type);
    EXPECT_EQ(fake::tune_abc_flaw(id), fake::AbcFlaw::None);
    EXPECT_EQ(setting_problem(type, fake::tune_abc(id, 0)), "") << type;
  }
  EXPECT_EQ(fake::fake_tune_of_type("Slip-Jig"), fake::fake_tune_of_type("slip jig"));
  EXPECT_EQ(fake::fake_tune_of_type("schottische"), 0);
}

TEST(FakeExamples, TheControlEndpointListsThem) {
  fake::FakeThesession server;
  const int port = server.start();
  const auto r = testing::raw_get(port, "/_control/examples");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.header("Content-Type").find("application/json"), std::string::npos);
  const json doc = json::parse(r.body);
  EXPECT_EQ(r.body, fake::examples_json());
  for (int count = 1; count <= 6; ++count) {
    EXPECT_EQ(doc.at("settings_" + std::to_string(count)), fake::fake_tune_with_settings(count));
  }
  EXPECT_EQ(doc.at("broken_abc"), fake::fake_tune_with_broken_abc());
  EXPECT_EQ(doc.at("no_settings"), fake::fake_tune_without_settings());
  EXPECT_EQ(doc.at("broken").at("empty_abc"), fake::fake_tune_with_flaw(fake::AbcFlaw::EmptyAbc));
  EXPECT_EQ(doc.at("broken").at("unbalanced_chord_quote"), fake::fake_tune_with_flaw(fake::AbcFlaw::UnbalancedChordQuote));
  EXPECT_EQ(doc.at("broken").at("garbage_line"), fake::fake_tune_with_flaw(fake::AbcFlaw::GarbageLine));
  EXPECT_EQ(doc.at("broken").at("no_notes"), fake::fake_tune_with_flaw(fake::AbcFlaw::NoNotes));
  ASSERT_EQ(doc.at("types").size(), known_tune_types().size());
  for (const auto& type : known_tune_types()) EXPECT_EQ(doc.at("types").at(type), fake::fake_tune_of_type(type));
  const int64_t bang = doc.at("bang_line_breaks");
  const int64_t crlf = doc.at("crlf_line_breaks");
  const int64_t endings = doc.at("endings");
  EXPECT_NE(fake::tune_abc(bang, 0).find("! "), std::string::npos);
  EXPECT_NE(fake::tune_abc(crlf, 0).find("\r\n"), std::string::npos);
  EXPECT_NE(fake::tune_abc(endings, 0).find(":|2 "), std::string::npos);
  EXPECT_EQ(server.request_count(), 0);  // a control call, not an API request

  // The ids it names are served as such.
  const auto six = testing::raw_get(port, "/tunes/" + std::to_string(fake::fake_tune_with_settings(6)) + "?format=json");
  ASSERT_EQ(six.status, 200);
  EXPECT_EQ(json::parse(six.body).at("settings").size(), 6u);
  const auto none = testing::raw_get(port, "/tunes/" + std::to_string(fake::fake_tune_without_settings()) + "?format=json");
  ASSERT_EQ(none.status, 200);
  EXPECT_TRUE(json::parse(none.body).at("settings").empty());
}

}  // namespace
}  // namespace tt
