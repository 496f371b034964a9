#include "tests/fake_thesession/synthetic_data.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>

#include "core/text_fold.h"
#include "core/tune_type.h"

namespace tt::fake {
namespace {

using nlohmann::json;

const std::vector<std::string> kFirst = {
    "The",     "Paddy's",  "Máire’s", "Seán's",  "Ìle",       "Ó Briain’s", "Síle's",   "Tomás",
    "Kitty's", "Mrs. Ní",  "Òran",    "Dòmhnall", "Caitlín’s", "Father",     "Bríd's",   "Ceòl",
    "Annie's", "Eóghan's", "Nóra",    "Ruairí's"};
const std::vector<std::string> kMiddle = {
    "Green",  "Windy", "Lonesome", "Old",   "Merry",  "Crooked", "Fáinne", "Ballinasloe", "Gleann",
    "Stony",  "Dark",  "Banks of", "Rocky", "Sligo",  "Bàta",    "Clare",  "Hidden"};
const std::vector<std::string> kLast = {
    "Reel",   "Fancy",  "Delight", "Frolics", "Ramble", "Lament", "Fling",  "Road",
    "Cottage", "Harbour", "Meadow", "Lass",   "Bridge", "Wedding", "Hornpipe", "Ceilidh"};

// Small integer hash so data looks mixed but stays deterministic.
uint64_t mix(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

json tune_summary(int64_t id) {
  return {{"id", id}, {"name", tune_name(id)}, {"url", tune_url(id)}, {"type", tune_type(id)},
          {"date", "2024-01-01 12:00:00"}};
}

}  // namespace

bool member_exists(int64_t member_id) {
  return member_id >= kFirstMember && member_id <= kFirstMember + kMaxTunebook;
}

int tunebook_size(int64_t member_id) {
  return member_exists(member_id) ? static_cast<int>(member_id - kFirstMember) : 0;
}

std::string member_name(int64_t member_id) {
  return "Synthetic Fiddler " + std::to_string(member_id);
}

int64_t tunebook_tune_id(int64_t member_id, int index) {
  // 7919 is coprime with kTuneCount, so indices map to distinct ids.
  const int64_t offset = member_id % kTuneCount;
  return 1 + (offset + static_cast<int64_t>(index) * 7919) % kTuneCount;
}

std::string tune_name(int64_t id) {
  const uint64_t h = mix(static_cast<uint64_t>(id));
  std::string name = kFirst[h % kFirst.size()] + " " + kMiddle[(h >> 8) % kMiddle.size()] + " " +
                     kLast[(h >> 16) % kLast.size()];
  return name + " No. " + std::to_string(id);  // unique per id, like real tune pages
}

std::string tune_type(int64_t id) {
  const auto& types = known_tune_types();
  return types[static_cast<size_t>(mix(static_cast<uint64_t>(id) + 7) % types.size())];
}

std::string tune_url(int64_t id) { return "https://thesession.org/tunes/" + std::to_string(id); }

int tune_popularity(int64_t id) { return static_cast<int>(mix(static_cast<uint64_t>(id) + 11) % 5000); }

std::vector<std::string> tune_aliases(int64_t id) {
  std::vector<std::string> aliases;
  const int count = static_cast<int>(mix(static_cast<uint64_t>(id) + 13) % 3);
  for (int i = 0; i < count; ++i) aliases.push_back(tune_name(id + 1000 * (i + 1)).substr(0, 20) + " (alias)");
  return aliases;
}

namespace {

// ---- Keys --------------------------------------------------------------------

// The ladder of notes a setting may use: D (D4) .. b (B5); index 13 is d'.
constexpr const char* kLadder[] = {"D", "E", "F", "G", "A", "B", "c", "d", "e", "f", "g", "a", "b", "d'"};
constexpr int kTop = 12;  // b: the highest note of the walk

struct KeyInfo {
  const char* name;
  int tonic;   // ladder index of the lower tonic (0 .. 6)
  int sharps;  // in the key signature; negative: flats
  const char* chords[5];  // chords[0] is the tonic chord
};

const KeyInfo kKeys[] = {
    {"Dmajor", 0, 2, {"D", "G", "A", "Em", "Bm"}},      {"Gmajor", 3, 1, {"G", "C", "D", "Em", "Am"}},
    {"Amajor", 4, 3, {"A", "D", "E", "F#m", "Bm"}},     {"Cmajor", 6, 0, {"C", "F", "G", "Am", "Dm"}},
    {"Fmajor", 2, -1, {"F", "Bb", "C", "Dm", "Gm"}},    {"Edorian", 1, 2, {"Em", "D", "G", "A", "Bm"}},
    {"Adorian", 4, 1, {"Am", "G", "C", "D", "Em"}},     {"Ddorian", 0, 0, {"Dm", "C", "F", "G", "Am"}},
    {"Gdorian", 3, -1, {"Gm", "F", "Bb", "C", "Dm"}},   {"Amixolydian", 4, 2, {"A", "G", "D", "Em", "Bm"}},
    {"Dmixolydian", 0, 1, {"D", "C", "G", "Am", "Em"}}, {"Gmixolydian", 3, 0, {"G", "F", "C", "Dm", "Am"}},
    {"Eminor", 1, 1, {"Em", "D", "G", "Am", "B7"}},     {"Bminor", 5, 2, {"Bm", "A", "D", "G", "F#"}},
    {"Aminor", 4, 0, {"Am", "G", "C", "Dm", "E7"}},     {"Dminor", 0, -1, {"Dm", "C", "F", "Gm", "A7"}},
};
// Weighted: D and G major, the dorian and mixolydian modes come up most.
constexpr int kKeyPick[] = {0, 0, 0, 0, 1, 1, 1, 1, 5, 5, 6, 6, 12, 12, 9, 9, 13, 13,
                            2, 3, 4, 7, 8, 10, 11, 14, 15};

int key_index(int64_t id, int setting) {
  const int base = kKeyPick[mix(static_cast<uint64_t>(id) * 7 + 3) % std::size(kKeyPick)];
  if (setting == 0) return base;
  const uint64_t h = mix(static_cast<uint64_t>(id) * 7 + static_cast<uint64_t>(setting) + 1000003);
  if (h % 4 != 0) return base;  // most settings keep the tune's key
  // Else another mode on the same tonic when there is one ("Dmajor" -> "Dmixolydian").
  const int tonic = kKeys[base].tonic;
  int same[4];
  int n = 0;
  for (int k = 0; k < static_cast<int>(std::size(kKeys)); ++k) {
    if (k != base && kKeys[k].tonic == tonic && n < 4) same[n++] = k;
  }
  return n > 0 ? same[(h >> 8) % static_cast<uint64_t>(n)] : base;
}

// ---- Metres and bar patterns ---------------------------------------------------

// A bar pattern is a string of tokens, each one character (spaces only split
// beams): '1' '2' '3' '4' '6' a note of that many eighths; 't' a triplet "(3ABc"
// (2 eighths); '>' '<' a broken pair "A>B" (2); 'h' "A3/2B/2" (2); 'q' "A/2B/2"
// (1); 'r' a roll "~A3" (3); 'z' a rest (1); 'Z' "z2" (2).
struct Metre {
  const char* type;
  const char* metre;
  int units;
  std::vector<const char*> bars;
  std::vector<const char*> cadences;  // the last bar of a part: ends on the tonic
};

const std::vector<Metre>& metres() {
  static const std::vector<Metre> table = {
      {"reel", "4/4", 8,
       {"1111 1111", "2 11 1111", "t11 1111", "1111 t11", "r1 1111", "1111 r1", "2 11 2 11", "1111 2 11"},
       {"1111 2 2", "t11 4", "2 11 4", "r1 2 2"}},
      {"hornpipe", "4/4", 8,
       {">> >>", "t> >>", ">> t>", "t11 >>", "1111 >>", "2 > >>"},
       {">> 2 2", "t> 2 Z", "> 2 4"}},
      {"barndance", "4/4", 8,
       {">> >>", "2 > 2 >", ">> 11 2", "t> >>", "1111 >>"},
       {">> 2 2", "2 2 4", "> 2 2 Z"}},
      {"strathspey", "4/4", 8,
       {">< ><", "<> ><", "2 > ><", ">< 2 >", "<> <>"},
       {">< 4", "<> 2 2", "2 < 4"}},
      {"march", "4/4", 8,
       {"2 11 2 11", "h 11 h 11", "1111 2 2", "t11 2 2", "2 2 1111"},
       {"2 2 4", "1111 4", "h 11 4"}},
      {"jig", "6/8", 6,
       {"111 111", "2 1 111", "r 111", "111 r", "111 2 1", "3 111", "2 1 2 1"},
       {"111 3", "2 1 3", "r 3", "111 2 z"}},
      {"slip jig", "9/8", 9,
       {"111 111 111", "2 1 111 111", "r 111 111", "111 2 1 111", "111 111 r", "2 1 2 1 111"},
       {"111 111 3", "2 1 111 3", "2 1 2 1 3"}},
      {"slide", "12/8", 12,
       {"2 1 2 1 111 111", "3 111 3 111", "111 111 2 1 2 1", "2 1 111 2 1 111", "r 111 2 1 111"},
       {"2 1 111 3 3", "111 111 6", "2 1 2 1 6"}},
      {"polka", "2/4", 4,
       {"11 11", "1q 11", "2 11", "11 2", "q1 2", "t 11"},
       {"11 2", "2 2", "2 Z"}},
      {"waltz", "3/4", 6,
       {"2 2 2", "4 2", "2 11 2", "11 11 11", "3 1 2", "2 4"},
       {"6", "2 4", "4 Z"}},
      {"mazurka", "3/4", 6,
       {"11 2 2", "h 2 2", "t 2 2", "2 11 11", "h 11 2"},
       {"2 4", "6", "h 4"}},
      {"three-two", "3/2", 12,
       {"2 11 2 11 2 11", "1111 2 2 1111", ">> >> >>", "t11 1111 2 2", "2 11 2 11 1111"},
       {"1111 2 2 4", "2 11 4 4", ">> 2 2 4"}},
  };
  return table;
}

const Metre* metre_of(const std::string& type) {
  const std::string t = normalise_tune_type(type);
  for (const auto& m : metres()) {
    if (t == m.type) return &m;
  }
  return nullptr;
}

// ---- Random choices ------------------------------------------------------------

struct Rng {
  uint64_t state;
  uint64_t next() { return mix(state += 0x9e3779b97f4a7c15ULL); }
  int below(int n) { return static_cast<int>(next() % static_cast<uint64_t>(n)); }
};

uint64_t seed(int64_t id, int a, int b) {
  return mix(static_cast<uint64_t>(id) * 1000003ULL + static_cast<uint64_t>(a) * 4099ULL + static_cast<uint64_t>(b));
}

// ---- Writing one setting ---------------------------------------------------------

class AbcWriter {
 public:
  AbcWriter(int64_t id, int setting, const Metre& metre, const KeyInfo& key, const SettingShape& shape)
      : id_(id), setting_(setting), metre_(metre), key_(key), shape_(shape) {
    out_.reserve(static_cast<size_t>(metre.units) * 40 + 64);
  }

  std::string write() {
    const char* line_break = shape_.line_breaks == LineBreaks::Bang ? "! "
                             : shape_.line_breaks == LineBreaks::CrLf ? "\r\n" : "";
    for (int part = 0; part < 2; ++part) {
      if (part == 0 || !shape_.joined) out_ += "|:";
      const bool endings = shape_.endings[part];
      for (int bar = 0; bar < 8; ++bar) {
        if (bar == 7 && endings) {
          out_ += "|1 ";
          write_bar(part, 7, true, 1);
          out_ += ":|2 ";
          write_bar(part, 7, true, 2);
          // The end: "|]"; before the next part's "|:", a bar line only when a
          // line break comes between ("||:" would be ambiguous).
          if (part == 1) out_ += "|]";
          else if (*line_break) out_ += '|';
          break;
        }
        if (bar > 0) {
          out_ += '|';
          if (bar == 4) out_ += line_break;
        }
        write_bar(part, bar, bar == 7, 0);
        if (bar == 7) out_ += part == 0 && shape_.joined ? "::" : ":|";
      }
      if (part == 0) out_ += line_break;
    }
    return std::move(out_);
  }

 private:
  // `ending` 1 or 2 varies the last bar of a part with first and second endings.
  void write_bar(int part, int bar, bool cadence, int ending) {
    // The melody is shared by all settings of a tune (tune_rng); ornaments,
    // chords and the odd different bar come from the setting (set_rng).
    Rng tune_rng{seed(id_, part * 16 + bar, ending)};
    Rng set_rng{seed(id_ + 7777777, setting_ * 64 + part * 16 + bar, ending)};
    const auto& choices = cadence ? metre_.cadences : metre_.bars;
    const bool own = setting_ > 0 && set_rng.below(8) == 0;
    const char* pattern = choices[static_cast<size_t>((own ? set_rng : tune_rng).below(static_cast<int>(choices.size())))];
    // Where the walk starts: low for the first part, higher for the second.
    pitch_ = std::clamp(key_.tonic + (part == 0 ? 0 : 4) + tune_rng.below(5), 0, kTop);
    if (shape_.chords && (bar == 0 || cadence || set_rng.below(3) != 0)) {
      const char* chord = (bar == 0 || cadence) ? key_.chords[0] : key_.chords[set_rng.below(5)];
      out_ += '"';
      out_ += chord;
      out_ += '"';
    }
    // The last note of a cadence is the tonic.
    const char* last_note = nullptr;
    if (cadence) {
      for (const char* c = pattern; *c; ++c) {
        if (*c != ' ' && *c != 'z' && *c != 'Z') last_note = c;
      }
    }
    for (const char* c = pattern; *c; ++c) {
      const bool last = c == last_note;
      switch (*c) {
        case ' ': out_ += ' '; break;
        case '1': case '2': case '3': case '4': case '6':
          if (!last && set_rng.below(14) == 0) grace(set_rng);
          note(tune_rng, set_rng, last, true);
          if (*c != '1') out_ += *c;
          break;
        case 't': {
          out_ += "(3";
          const int dir = tune_rng.below(2) == 0 ? 1 : -1;
          for (int i = 0; i < 3; ++i) {
            if (i > 0) pitch_ = reflect(pitch_ + dir);
            else step(tune_rng);
            out_ += kLadder[pitch_];
          }
          break;
        }
        case '>': case '<':
          note(tune_rng, set_rng, false, false);
          out_ += *c;
          note(tune_rng, set_rng, last, false);
          break;
        case 'h':
          note(tune_rng, set_rng, false, false);
          out_ += "3/2";
          note(tune_rng, set_rng, last, false);
          out_ += "/2";
          break;
        case 'q':
          note(tune_rng, set_rng, false, false);
          out_ += "/2";
          note(tune_rng, set_rng, last, false);
          out_ += "/2";
          break;
        case 'r':
          out_ += '~';
          note(tune_rng, set_rng, last, false);
          out_ += '3';
          break;
        case 'z': out_ += 'z'; break;
        case 'Z': out_ += "z2"; break;
        default: break;
      }
    }
  }

  static int reflect(int p) { return p < 0 ? -p : p > kTop ? 2 * kTop - p : p; }

  void step(Rng& rng) {
    static constexpr int kSteps[] = {-2, -1, -1, -1, 1, 1, 1, 2, 2, -2, 3, -3, 0};
    pitch_ = reflect(pitch_ + kSteps[rng.below(static_cast<int>(std::size(kSteps)))]);
  }

  void note(Rng& tune_rng, Rng& set_rng, bool tonic, bool may_alter) {
    step(tune_rng);
    if (tonic) {
      // The tonic nearest to where the walk is.
      const int low = key_.tonic;
      const int high = key_.tonic + 7;
      pitch_ = (high <= kTop && std::abs(high - pitch_) < std::abs(low - pitch_)) ? high : low;
      out_ += kLadder[pitch_];
      return;
    }
    if (may_alter) {
      const int roll = set_rng.below(40);
      if (roll == 0 && pitch_ == kTop) {
        out_ += kLadder[13];  // d': the top of the range
        return;
      }
      const char letter = kLadder[pitch_][0];
      if (roll == 1 && (letter == 'F' || letter == 'f')) out_ += key_.sharps >= 1 ? '=' : '^';
      if (roll == 1 && letter == 'c') out_ += key_.sharps >= 2 ? '=' : '^';
    }
    out_ += kLadder[pitch_];
  }

  void grace(Rng& rng) {
    static constexpr const char* kGraces[] = {"{g}", "{a}", "{gAG}", "{ag}", "{d}", "{e}", "{A}"};
    out_ += kGraces[rng.below(static_cast<int>(std::size(kGraces)))];
  }

  int64_t id_;
  int setting_;
  const Metre& metre_;
  const KeyInfo& key_;
  const SettingShape& shape_;
  std::string out_;
  int pitch_ = 0;
};

// ---- Awkward tunes ----------------------------------------------------------------

bool named_tomas(int64_t id) { return kFirst[mix(static_cast<uint64_t>(id)) % kFirst.size()] == "Tomás"; }

// A line of binary-looking bytes, still valid UTF-8 (a JSON body must be) and without NUL.
const std::string kGarbageLine =
    "\x01\x02\x03\x7f\x1b[0m\xC3\xBF\xC3\xBE\xEF\xBF\xBD\xEF\xBF\xBDPK\x03\x04\x14\x08\xC2\x80\xC2\x9F"
    "\x0b\x0c\x10\x11\xE2\x80\xB0\xEF\xBF\xBE\x1f\xC3\x90\xC3\x8F\x7f\x7f";

std::string broken_abc(int64_t id, AbcFlaw flaw) {
  switch (flaw) {
    case AbcFlaw::EmptyAbc: return "";
    case AbcFlaw::NoNotes: return "|:\"D\" | \"G\" | \"A\" | \"D\" :|\r\n|:\"G\" | \"D\" | \"A\" | \"D\" :|";
    case AbcFlaw::UnbalancedChordQuote:
    case AbcFlaw::GarbageLine: {
      // A valid body spoilt in its third bar.
      const std::string type = tune_type(id);
      const Metre& metre = *metre_of(type);
      SettingShape shape = setting_shape(id, 0);
      shape.line_breaks = LineBreaks::CrLf;
      shape.chords = false;  // so the stray quote below is the only one
      std::string abc = AbcWriter(id, 0, metre, kKeys[key_index(id, 0)], shape).write();
      size_t at = 0;
      for (int bars = 0; bars < 3; ++bars) at = abc.find('|', at + 1);
      const std::string spoiler = flaw == AbcFlaw::GarbageLine ? "\r\n" + kGarbageLine + "\r\n" : "\"Am ";
      return abc.insert(at + 1, spoiler);
    }
    default: return "";
  }
}

int raw_setting_count(int64_t id) {
  // Most tunes have few settings, a few have many (as on thesession.org).
  static constexpr int kCounts[] = {1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 5, 5, 6, 6};
  return kCounts[mix(static_cast<uint64_t>(id) + 17) % std::size(kCounts)];
}

// ---- Examples ----------------------------------------------------------------------

struct Examples {
  int64_t with_settings[7] = {};
  int64_t broken = 0;
  std::map<AbcFlaw, int64_t> flaws;
  std::map<std::string, int64_t> types;
  int64_t bang = 0;
  int64_t crlf = 0;
  int64_t endings = 0;
};

const Examples& examples() {
  static const Examples ex = [] {
    Examples e;
    for (int64_t id = 1; id <= kTuneCount; ++id) {
      const AbcFlaw flaw = tune_abc_flaw(id);
      if (flaw != AbcFlaw::None) {
        if (!e.flaws.count(flaw)) e.flaws[flaw] = id;
        if (flaw != AbcFlaw::NoSettings && e.broken == 0) e.broken = id;
        continue;
      }
      const int count = tune_setting_count(id);
      if (e.with_settings[count] == 0) e.with_settings[count] = id;
      const std::string type = tune_type(id);
      if (!e.types.count(type)) e.types[type] = id;
      const SettingShape shape = setting_shape(id, 0);
      if (e.bang == 0 && shape.line_breaks == LineBreaks::Bang) e.bang = id;
      if (e.crlf == 0 && shape.line_breaks == LineBreaks::CrLf) e.crlf = id;
      if (e.endings == 0 && (shape.endings[0] || shape.endings[1])) e.endings = id;
    }
    return e;
  }();
  return ex;
}

}  // namespace

std::string tune_key(int64_t id, int setting) { return kKeys[key_index(id, setting)].name; }

std::string tune_metre(const std::string& type) {
  const Metre* m = metre_of(type);
  return m ? m->metre : "";
}

int tune_units_per_bar(const std::string& type) {
  const Metre* m = metre_of(type);
  return m ? m->units : 0;
}

SettingShape setting_shape(int64_t id, int setting) {
  Rng rng{seed(id, 999, setting)};
  SettingShape shape;
  const int breaks = rng.below(5);
  shape.line_breaks = breaks < 2 ? LineBreaks::Bang : breaks < 4 ? LineBreaks::CrLf : LineBreaks::None;
  shape.chords = rng.below(2) == 0;
  shape.endings[0] = rng.below(5) < 2;
  shape.endings[1] = rng.below(5) < 2;
  shape.joined = !shape.endings[0] && rng.below(3) == 0;
  return shape;
}

AbcFlaw tune_abc_flaw(int64_t id) {
  if (id < 1 || id > kTuneCount || id % 17 != 0 || !named_tomas(id)) return AbcFlaw::None;
  static constexpr AbcFlaw kKinds[] = {AbcFlaw::NoSettings, AbcFlaw::EmptyAbc, AbcFlaw::UnbalancedChordQuote,
                                       AbcFlaw::GarbageLine, AbcFlaw::NoNotes};
  return kKinds[(id / 17) % 5];
}

std::vector<int64_t> broken_abc_tune_ids() {
  std::vector<int64_t> ids;
  for (int64_t id = 17; id <= kTuneCount; id += 17) {
    const AbcFlaw flaw = tune_abc_flaw(id);
    if (flaw != AbcFlaw::None && flaw != AbcFlaw::NoSettings) ids.push_back(id);
  }
  return ids;
}

int tune_setting_count(int64_t id) {
  return tune_abc_flaw(id) == AbcFlaw::NoSettings ? 0 : raw_setting_count(id);
}

std::string tune_abc(int64_t id, int setting) {
  if (setting == 0) {
    const AbcFlaw flaw = tune_abc_flaw(id);
    if (flaw != AbcFlaw::None && flaw != AbcFlaw::NoSettings) return broken_abc(id, flaw);
  }
  const Metre* metre = metre_of(tune_type(id));
  if (!metre) return "";
  const SettingShape shape = setting_shape(id, setting);
  return AbcWriter(id, setting, *metre, kKeys[key_index(id, setting)], shape).write();
}

int64_t fake_tune_with_settings(int count) {
  return count >= 1 && count <= 6 ? examples().with_settings[count] : 0;
}

int64_t fake_tune_with_broken_abc() { return examples().broken; }

int64_t fake_tune_with_flaw(AbcFlaw flaw) {
  const auto& f = examples().flaws;
  const auto it = f.find(flaw);
  return it == f.end() ? 0 : it->second;
}

int64_t fake_tune_without_settings() { return fake_tune_with_flaw(AbcFlaw::NoSettings); }

int64_t fake_tune_of_type(const std::string& type) {
  const auto& t = examples().types;
  const auto it = t.find(normalise_tune_type(type));
  return it == t.end() ? 0 : it->second;
}

std::string examples_json() {
  static const std::string body = [] {
    const Examples& e = examples();
    json doc = json::object();
    for (int c = 1; c <= 6; ++c) doc["settings_" + std::to_string(c)] = e.with_settings[c];
    doc["broken_abc"] = e.broken;
    doc["no_settings"] = fake_tune_without_settings();
    doc["broken"] = {{"empty_abc", fake_tune_with_flaw(AbcFlaw::EmptyAbc)},
                     {"unbalanced_chord_quote", fake_tune_with_flaw(AbcFlaw::UnbalancedChordQuote)},
                     {"garbage_line", fake_tune_with_flaw(AbcFlaw::GarbageLine)},
                     {"no_notes", fake_tune_with_flaw(AbcFlaw::NoNotes)}};
    json types = json::object();
    for (const auto& type : known_tune_types()) types[type] = fake_tune_of_type(type);
    doc["types"] = std::move(types);
    doc["bang_line_breaks"] = e.bang;
    doc["crlf_line_breaks"] = e.crlf;
    doc["endings"] = e.endings;
    return doc.dump();
  }();
  return body;
}

std::string tunebook_page_json(int64_t member_id, int page, int per_page, int shift) {
  const int total = tunebook_size(member_id);
  const int pages = std::max(1, (total + per_page - 1) / per_page);
  json tunes = json::array();
  // `shift` moves the window, as when tunes are added while a client pages.
  const int first = (page - 1) * per_page - shift;
  for (int i = std::max(0, first); i < std::min(total, first + per_page); ++i) {
    tunes.push_back(tune_summary(tunebook_tune_id(member_id, i)));
  }
  const json doc = {{"format", "json"},
                    {"pages", pages},
                    {"page", page},
                    {"total", total},
                    {"member", {{"id", member_id}, {"name", member_name(member_id)},
                                {"url", "https://thesession.org/members/" + std::to_string(member_id)}}},
                    {"tunes", std::move(tunes)}};
  return doc.dump();
}

std::string member_json(int64_t member_id) {
  return json{{"id", member_id}, {"name", member_name(member_id)},
              {"url", "https://thesession.org/members/" + std::to_string(member_id)},
              {"format", "json"}}.dump();
}

std::string tune_json(int64_t id) {
  json settings = json::array();
  const int count = tune_setting_count(id);
  for (int s = 0; s < count; ++s) {
    const int64_t setting_id = id * 10 + s;
    const uint64_t h = mix(static_cast<uint64_t>(setting_id) + 23);
    const int64_t member = kFirstMember + static_cast<int64_t>(h % 2000);
    char date[32];
    std::snprintf(date, sizeof date, "%04d-%02d-%02d %02d:%02d:%02d", 2001 + static_cast<int>(h % 23),
                  1 + static_cast<int>((h >> 8) % 12), 1 + static_cast<int>((h >> 16) % 28),
                  static_cast<int>((h >> 24) % 24), static_cast<int>((h >> 32) % 60), static_cast<int>((h >> 40) % 60));
    settings.push_back({{"id", setting_id},
                        {"url", tune_url(id) + "#setting" + std::to_string(setting_id)},
                        {"key", tune_key(id, s)},
                        {"abc", tune_abc(id, s)},
                        {"date", date},
                        {"member", {{"id", member}, {"name", member_name(member)},
                                    {"url", "https://thesession.org/members/" + std::to_string(member)}}}});
  }
  json doc = tune_summary(id);
  doc["format"] = "json";
  doc["tunebooks"] = tune_popularity(id);
  doc["recordings"] = tune_popularity(id) / 10;
  doc["aliases"] = tune_aliases(id);
  doc["settings"] = std::move(settings);
  return doc.dump();
}

std::string search_json(const std::string& query, const std::string& type, int page, int per_page) {
  const std::string needle = fold_for_search(query);
  const std::string wanted_type = normalise_tune_type(type);
  std::vector<int64_t> hits;
  for (int64_t id = 1; id <= kTuneCount; ++id) {
    if (!wanted_type.empty() && tune_type(id) != wanted_type) continue;
    if (!needle.empty() && !folded_contains(fold_for_search(tune_name(id)), needle)) continue;
    hits.push_back(id);
  }
  const int total = static_cast<int>(hits.size());
  const int pages = std::max(1, (total + per_page - 1) / per_page);
  json tunes = json::array();
  for (int i = (page - 1) * per_page; i < std::min(total, page * per_page); ++i) {
    if (i >= 0) tunes.push_back(tune_summary(hits[static_cast<size_t>(i)]));
  }
  return json{{"format", "json"}, {"q", query}, {"total", total}, {"pages", pages}, {"page", page},
              {"tunes", std::move(tunes)}}.dump();
}

}  // namespace tt::fake
