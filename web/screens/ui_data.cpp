// Export and import, and the damaged-database copy when there is one.
#include <imgui.h>

#include "core/version.h"
#include "core/words.h"
#include "web/screens/ui.h"

namespace tt::web {
namespace {

// How much of the collection's music is kept for offline, and why it waits.
void draw_offline_music(const Model& model, Ui& ui) {
  const OfflineMusic& music = model.offline_music;
  bool keep = music.enabled;
  ImGui::BeginDisabled(model.read_only());
  if (ImGui::Checkbox("Keep music for offline", &keep)) ui.emit(event::SetOfflineMusic{keep});
  ImGui::EndDisabled();
  ui.remember("offline_music_toggle");
  if (music.total == 0) return;
  std::string line = "Music kept for offline: " + std::to_string(music.kept) + " of " + counted(music.total, "tune", "tunes");
  if (music.kept < music.total) {
    if (!music.paused.empty()) {
      line += " (waiting: " + music.paused + ")";
    } else if (!music.asking.empty()) {
      line += " (fetching in the background)";
    } else if (!music.not_kept.empty()) {
      line += " (" + std::to_string(music.not_kept.size()) + " not on thesession.org)";
    }
  }
  ImGui::TextWrapped("%s", line.c_str());
  ui.remember("offline_music");
  ui.text(line);
}

// The versions, for a bug report: this page's, its SQLite's, and what the
// proxy says of itself and of thesession.org.
void draw_about(const Model& model, Ui& ui) {
  const std::string line =
      "tunetrack " + std::string(kAppVersion) + " · SQLite " + model.sqlite_version + " · " + model.healthz;
  hint_text(ui, line, "about");
}

}  // namespace

void draw_data(const Model& model, Ui& ui, const Layout& layout) {
  // First: someone who needs larger text should not have to scroll to it.
  draw_appearance(model, ui, layout);
  ImGui::Separator();
  const StatusCounts& counts = model.collection.status_counts();
  ImGui::TextWrapped("%s: %d want to learn, %d learning, %d learned", counted(counts.total(), "tune", "tunes").c_str(),
                     counts.want_to_learn, counts.learning, counts.learned);
  std::string by_type;
  for (const auto& [type, n] : model.collection.type_counts()) {
    by_type += (by_type.empty() ? "" : ", ") + std::to_string(n) + " " + (type.empty() ? "of unknown type" : type);
  }
  if (!by_type.empty()) ImGui::TextWrapped("%s", by_type.c_str());
  ImGui::TextUnformatted(counted(static_cast<int64_t>(model.sets.all.size()), "set", "sets").c_str());
  draw_offline_music(model, ui);
  if (ImGui::Button("Download JSON")) ui.emit(event::ExportCollection{true});
  ui.remember("export_json");
  same_line_if_fits(button_width("Download CSV"));
  if (ImGui::Button("Download CSV")) ui.emit(event::ExportCollection{false});
  ui.remember("export_csv");
  same_line_if_fits(button_width("Download sets CSV"));
  if (ImGui::Button("Download sets CSV")) ui.emit(event::ExportSetsCsv{});
  ui.remember("export_sets_csv");
  ImGui::Separator();
  ImGui::TextWrapped("Import a tunetrack JSON export: tunes and sets you have are kept as they are, new ones are added.");
  ImGui::BeginDisabled(model.read_only());
  if (ImGui::Button("Import JSON...")) ui.emit(event::PickImportFile{});
  ImGui::EndDisabled();
  ui.remember("import");
  if (!model.import_summary.empty()) ImGui::TextWrapped("%s", model.import_summary.c_str());
  if (!model.damaged_copy.empty()) {
    ImGui::Separator();
    ImGui::TextWrapped("A damaged database was set aside when this page opened.");
    if (ImGui::Button("Download the damaged database")) ui.emit(event::DownloadDamagedCopy{});
    ui.remember("download_damaged");
  }
  draw_data_keeping(model, ui, layout);
  ImGui::Separator();
  draw_about(model, ui);
}

void draw_appearance(const Model& model, Ui& ui, const Layout&) {
  ImGui::TextUnformatted("Display");
  ui.heading(2, "Display");
  const Appearance& a = model.appearance;
  std::vector<std::string> labels, keys;
  int selected = 0;
  for (ThemeChoice t : kThemeChoices) {
    if (t == a.theme) selected = static_cast<int>(labels.size());
    labels.emplace_back(label(t));
    keys.emplace_back(to_string(t));
  }
  ImGui::TextUnformatted("Colours");
  const int theme = choice_buttons(ui, "theme", labels, selected, "theme_", keys);
  if (theme >= 0) ui.emit(event::SetTheme{kThemeChoices[theme]});
  labels.clear();
  keys.clear();
  for (TextSize t : kTextSizes) {
    if (t == a.text_size) selected = static_cast<int>(labels.size());
    labels.emplace_back(label(t));
    keys.emplace_back(to_string(t));
  }
  ImGui::TextUnformatted("Text size");
  const int size = choice_buttons(ui, "text_size", labels, selected, "text_size_", keys);
  if (size >= 0) ui.emit(event::SetTextSize{kTextSizes[size]});
}

}  // namespace tt::web
