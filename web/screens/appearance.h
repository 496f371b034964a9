#pragma once
// How the page looks for this person on this device: light or dark (or what
// the system prefers), and how large the text is. Kept in the browser's
// localStorage, not in the collection: it belongs to the device, is known
// before the database loads, and a read-only second tab can change it too.
#include <optional>
#include <string>
#include <string_view>

namespace tt::web {

enum class ThemeChoice { System, Light, Dark };
enum class TextSize { Small, Normal, Large, Huge };

inline constexpr ThemeChoice kThemeChoices[] = {ThemeChoice::System, ThemeChoice::Light, ThemeChoice::Dark};
inline constexpr TextSize kTextSizes[] = {TextSize::Small, TextSize::Normal, TextSize::Large, TextSize::Huge};

std::string_view to_string(ThemeChoice t);   // "system", "light", "dark"
std::string_view to_string(TextSize s);      // "small", "normal", "large", "huge"
std::string_view label(ThemeChoice t);       // "System", "Light", "Dark"
std::string_view label(TextSize s);          // "Small", ...
std::optional<ThemeChoice> parse_theme_choice(std::string_view text);
std::optional<TextSize> parse_text_size(std::string_view text);

struct Appearance {
  ThemeChoice theme = ThemeChoice::System;
  TextSize text_size = TextSize::Normal;
  bool system_dark = false;  // prefers-color-scheme: dark

  bool dark() const { return theme == ThemeChoice::Dark || (theme == ThemeChoice::System && system_dark); }
  // The UI font's size relative to the normal 16 CSS px.
  float text_scale() const;
};

// localStorage keys.
inline constexpr const char* kThemePreference = "tunetrack.theme";
inline constexpr const char* kTextSizePreference = "tunetrack.text_size";

}  // namespace tt::web
