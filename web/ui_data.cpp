// Export and import, and the damaged-database copy when there is one.
#include <imgui.h>

#include "web/ui.h"

namespace tt::web {

void draw_data(App& app, const Layout&) {
  const StatusCounts& counts = app.status_counts();
  ImGui::Text("%d tunes: %d want to learn, %d learning, %d learned", counts.total(), counts.want_to_learn,
              counts.learning, counts.learned);
  std::string by_type;
  for (const auto& [type, n] : app.type_counts()) {
    by_type += (by_type.empty() ? "" : ", ") + std::to_string(n) + " " + (type.empty() ? "of unknown type" : type);
  }
  if (!by_type.empty()) ImGui::TextWrapped("%s", by_type.c_str());
  if (ImGui::Button("Download JSON")) app.export_collection(true);
  remember_rect(app, "export_json");
  ImGui::SameLine();
  if (ImGui::Button("Download CSV")) app.export_collection(false);
  remember_rect(app, "export_csv");
  ImGui::Separator();
  ImGui::TextWrapped("Import a tunetrack JSON export: tunes you have are kept as they are, new ones are added.");
  ImGui::BeginDisabled(app.read_only());
  if (ImGui::Button("Import JSON...")) app.pick_import_file();
  ImGui::EndDisabled();
  remember_rect(app, "import");
  if (!app.import_summary.empty()) ImGui::TextWrapped("%s", app.import_summary.c_str());
  if (app.has_damaged_copy()) {
    ImGui::Separator();
    ImGui::TextWrapped("A damaged database was set aside when this page opened.");
    if (ImGui::Button("Download the damaged database")) app.download_damaged_copy();
    remember_rect(app, "download_damaged");
  }
}

}  // namespace tt::web
