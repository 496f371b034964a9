#include "core/tune_text.h"

namespace tt {

std::string thesession_tune_page(int64_t tune_id) {
  return "https://thesession.org/tunes/" + std::to_string(tune_id);
}

std::string abc_document(const TuneDetails& tune, size_t setting_index) {
  if (setting_index >= tune.settings.size()) return "";
  const auto& s = tune.settings[setting_index];
  return "X: 1\nT: " + tune.name + "\nR: " + tune.type + "\nK: " + s.key + "\n" + s.abc + "\n";
}

}  // namespace tt
