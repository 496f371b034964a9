#include "web/screens/appearance.h"

namespace tt::web {

std::string_view to_string(ThemeChoice t) {
  switch (t) {
    case ThemeChoice::Light: return "light";
    case ThemeChoice::Dark: return "dark";
    case ThemeChoice::System: break;
  }
  return "system";
}

std::string_view to_string(TextSize s) {
  switch (s) {
    case TextSize::Small: return "small";
    case TextSize::Large: return "large";
    case TextSize::Huge: return "huge";
    case TextSize::Normal: break;
  }
  return "normal";
}

std::string_view label(ThemeChoice t) {
  switch (t) {
    case ThemeChoice::Light: return "Light";
    case ThemeChoice::Dark: return "Dark";
    case ThemeChoice::System: break;
  }
  return "As the system";
}

std::string_view label(TextSize s) {
  switch (s) {
    case TextSize::Small: return "Small";
    case TextSize::Large: return "Large";
    case TextSize::Huge: return "Huge";
    case TextSize::Normal: break;
  }
  return "Normal";
}

std::optional<ThemeChoice> parse_theme_choice(std::string_view text) {
  for (ThemeChoice t : kThemeChoices) {
    if (to_string(t) == text) return t;
  }
  return std::nullopt;
}

std::optional<TextSize> parse_text_size(std::string_view text) {
  for (TextSize s : kTextSizes) {
    if (to_string(s) == text) return s;
  }
  return std::nullopt;
}

float Appearance::text_scale() const {
  switch (text_size) {
    case TextSize::Small: return 0.875f;
    case TextSize::Large: return 1.25f;
    case TextSize::Huge: return 1.5f;
    case TextSize::Normal: break;
  }
  return 1.0f;
}

}  // namespace tt::web
