#include "core/text_fold.h"

#include <cstdint>

namespace tt {
namespace {

// Base letters for U+00C0..U+00FF, lower case; '?' marks the code points
// handled specially below (ligatures, thorn, sharp s, × and ÷).
constexpr std::string_view kLatin1 =
    "aaaaaa?ceeeeiiii"
    "dnooooo?ouuuuy??"
    "aaaaaa?ceeeeiiii"
    "dnooooo?ouuuuy?y";

// Base letters for U+0100..U+017F (Latin Extended-A), lower case.
constexpr std::string_view kLatinExtA =
    "aaaaaaccccccccdd"
    "ddeeeeeeeeeegggg"
    "gggghhhhiiiiiiii"
    "ii??jjkkklllllll"
    "lllnnnnnnnnnoooo"
    "oo??rrrrrrssssss"
    "ssttttttuuuuuuuu"
    "uuuuwwyyyzzzzzzs";

// Marks a byte that is not valid UTF-8: above any real code point, so it is
// copied through unchanged instead of being read as Latin-1.
constexpr uint32_t kInvalidByte = 0x110000;

// Decodes one UTF-8 sequence at text[i]; returns the code point and advances i.
// An invalid byte advances one and returns kInvalidByte.
uint32_t decode_utf8(std::string_view text, size_t& i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  int extra = 0;
  uint32_t cp = lead;
  if (lead >= 0xC0 && lead < 0xE0) { extra = 1; cp = lead & 0x1F; }
  else if (lead >= 0xE0 && lead < 0xF0) { extra = 2; cp = lead & 0x0F; }
  else if (lead >= 0xF0 && lead < 0xF8) { extra = 3; cp = lead & 0x07; }
  if (extra == 0 && lead >= 0x80) {
    ++i;
    return kInvalidByte;
  }
  if (extra == 0) {
    ++i;
    return lead;
  }
  if (i + extra >= text.size()) {
    ++i;
    return kInvalidByte;
  }
  for (int k = 1; k <= extra; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) { ++i; return kInvalidByte; }
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  i += extra + 1;
  return cp;
}

void append_folded(uint32_t cp, std::string_view original, std::string& out) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
    return;
  }
  switch (cp) {
    case 0xC6: case 0xE6: out += "ae"; return;
    case 0xDE: case 0xFE: out += "th"; return;
    case 0xDF: out += "ss"; return;
    case 0x132: case 0x133: out += "ij"; return;
    case 0x152: case 0x153: out += "oe"; return;
    case 0x2018: case 0x2019: case 0x201B: case 0x2032: out.push_back('\''); return;
    case 0x201C: case 0x201D: case 0x201F: case 0x2033: out.push_back('"'); return;
    case 0x2013: case 0x2014: out.push_back('-'); return;
    default: break;
  }
  if (cp >= 0xC0 && cp <= 0xFF && kLatin1[cp - 0xC0] != '?') {
    out.push_back(kLatin1[cp - 0xC0]);
  } else if (cp >= 0x100 && cp <= 0x17F && kLatinExtA[cp - 0x100] != '?') {
    out.push_back(kLatinExtA[cp - 0x100]);
  } else {
    out.append(original);
  }
}

}  // namespace

std::string fold_for_search(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    const size_t start = i;
    const uint32_t cp = decode_utf8(text, i);
    append_folded(cp, text.substr(start, i - start), out);
  }
  return out;
}

}  // namespace tt
