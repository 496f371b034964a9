// Light or dark, and the text size: this device's choices, kept in
// localStorage (web/screens/appearance.h says why not in the collection).
#include "web/update/update_context.h"

namespace tt::web {

void handle_appearance(Context& c, const Event& event) {
  Appearance& a = c.model.appearance;
  if (const auto* e = std::get_if<event::PreferencesLoaded>(&event)) {
    a.theme = parse_theme_choice(e->theme).value_or(ThemeChoice::System);
    a.text_size = parse_text_size(e->text_size).value_or(TextSize::Normal);
    a.system_dark = e->system_dark;
  } else if (const auto* e = std::get_if<event::SystemThemeChanged>(&event)) {
    a.system_dark = e->dark;
  } else if (const auto* e = std::get_if<event::SetTheme>(&event)) {
    a.theme = e->theme;
    c.out.push_back(effect::StorePreference{kThemePreference, std::string(to_string(e->theme))});
  } else if (const auto* e = std::get_if<event::SetTextSize>(&event)) {
    a.text_size = e->size;
    c.out.push_back(effect::StorePreference{kTextSizePreference, std::string(to_string(e->size))});
  }
}

}  // namespace tt::web
