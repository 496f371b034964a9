#include "core/abc_text.h"

#include <vector>

namespace tt {
namespace {

bool is_decoration_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '(' || c == ')' ||
         c == '.' || c == '<' || c == '>' || c == '+' || c == '-' || c == '^' || c == '/';
}

// Where the decoration starting at `open` ("!trill!") ends, or npos.
size_t decoration_end(std::string_view abc, size_t open) {
  size_t i = open + 1;
  while (i < abc.size() && is_decoration_char(abc[i])) ++i;
  return i < abc.size() && abc[i] == '!' && i > open + 1 ? i : std::string_view::npos;
}

void trim_line_end(std::string& out) {
  while (!out.empty() && (out.back() == ' ' || out.back() == '\t')) out.pop_back();
}

bool is_note_letter(char c) { return (c >= 'A' && c <= 'G') || (c >= 'a' && c <= 'g'); }
bool is_rest(char c) { return c == 'z' || c == 'x' || c == 'Z'; }

}  // namespace

std::string thesession_abc_body(std::string_view abc) {
  std::string out;
  out.reserve(abc.size());
  for (size_t i = 0; i < abc.size(); ++i) {
    const char c = abc[i];
    if (c == '!') {
      const size_t end = decoration_end(abc, i);
      if (end != std::string_view::npos) {
        out.append(abc.substr(i, end - i + 1));
        i = end;
        continue;
      }
      trim_line_end(out);
      out.push_back('\n');
      while (i + 1 < abc.size() && abc[i + 1] == ' ') ++i;  // the space after "!"
      continue;
    }
    if (c == '\r') continue;
    if (c == '\n') trim_line_end(out);
    out.push_back(c);
  }
  trim_line_end(out);
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

namespace {

// One bar's text and its length in units of the default note length.
struct Bar {
  std::string text;
  double units = 0;
  bool has_music = false;
};

// Splits a body into bars, dropping bar lines, repeats and ending numbers.
std::vector<Bar> split_bars(std::string_view body, size_t max_bars) {
  std::vector<Bar> bars;
  Bar bar;
  double tuplet_factor = 1;
  int tuplet_notes_left = 0;
  size_t i = 0;
  auto skip_to = [&](char close) {  // copies through the closing char
    const size_t end = body.find(close, i + 1);
    const size_t stop = end == std::string_view::npos ? body.size() : end + 1;
    bar.text.append(body.substr(i, stop - i));
    i = stop;
  };
  while (i < body.size() && bars.size() < max_bars) {
    const char c = body[i];
    if (c == '"') { skip_to('"'); continue; }
    if (c == '{') { skip_to('}'); continue; }
    if (c == '!' || c == '+') { skip_to(c); continue; }
    if (c == '[' && i + 2 < body.size() && body[i + 2] == ':' && body[i + 1] != '|') { skip_to(']'); continue; }
    const bool bar_line = c == '|' || c == ':' || (c == '[' && i + 1 < body.size() && (body[i + 1] == '|' ||
                                                                                    (body[i + 1] >= '0' && body[i + 1] <= '9')));
    if (bar_line) {
      while (i < body.size() && (body[i] == '|' || body[i] == ':' || body[i] == '[' || body[i] == ']')) ++i;
      while (i < body.size() && ((body[i] >= '0' && body[i] <= '9') || body[i] == ',' || body[i] == '-')) ++i;
      if (bar.has_music) bars.push_back(std::move(bar));
      bar = Bar{};
      continue;
    }
    if (c == '\n' || c == '\r') { ++i; bar.text.push_back(' '); continue; }
    if (c == '(' && i + 1 < body.size() && body[i + 1] >= '2' && body[i + 1] <= '9') {
      const int p = body[i + 1] - '0';
      tuplet_notes_left = p;
      tuplet_factor = p == 3 ? 2.0 / 3 : p == 2 ? 1.5 : p == 4 ? 0.75 : 2.0 / p;
      bar.text.append(body.substr(i, 2));
      i += 2;
      continue;
    }
    if (is_note_letter(c) || is_rest(c)) {
      const size_t start = i++;
      while (i < body.size() && (body[i] == ',' || body[i] == '\'')) ++i;
      double num = 0, den = 1;
      bool has_num = false;
      while (i < body.size() && body[i] >= '0' && body[i] <= '9') { num = num * 10 + (body[i++] - '0'); has_num = true; }
      if (!has_num) num = 1;
      while (i < body.size() && body[i] == '/') {
        ++i;
        double d = 0;
        bool has_d = false;
        while (i < body.size() && body[i] >= '0' && body[i] <= '9') { d = d * 10 + (body[i++] - '0'); has_d = true; }
        den *= has_d ? d : 2;
      }
      double units = num / den;
      if (tuplet_notes_left > 0) {
        units *= tuplet_factor;
        --tuplet_notes_left;
      }
      bar.units += units;
      bar.has_music = true;
      bar.text.append(body.substr(start, i - start));
      continue;
    }
    bar.text.push_back(c);
    ++i;
  }
  if (bar.has_music && bars.size() < max_bars) bars.push_back(std::move(bar));
  return bars;
}

std::string trimmed(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return std::string(s);
}

}  // namespace

std::string abc_opening_bars(std::string_view body, int bars) {
  if (bars <= 0) return "";
  const auto found = split_bars(body, static_cast<size_t>(bars) + 1);
  size_t take = static_cast<size_t>(bars);
  if (found.size() >= 2 && found[0].units < found[1].units) ++take;  // a pickup
  std::string out;
  for (size_t b = 0; b < found.size() && b < take; ++b) out += trimmed(found[b].text) + " | ";
  if (!out.empty()) out.erase(out.size() - 1);  // "... |"
  // One line: a chord name or grace group left open runs across line ends.
  for (char& c : out) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return out;
}

}  // namespace tt
