// Export and import, and the damaged-database copy when there is one.
#include <imgui.h>

#include "core/time_format.h"
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

// One of Your devices' fields: typed into, and left (the account is kept then).
void devices_field(const Model& model, Ui& ui, const Layout& layout, const TextField& field, const char* name,
                   const std::string& value) {
  ImGui::TextUnformatted(field.name.c_str());
  ImGui::SetNextItemWidth(layout.narrow ? -1.0f : 480 * layout.scale);
  std::string text = value;
  ImGui::BeginDisabled(model.read_only());
  const FieldInput input = text_field(ui, field, text);
  ImGui::EndDisabled();
  if (input.edited) ui.emit(event::DevicesFieldEdited{name, text});
  if (input.left || ImGui::IsItemDeactivated()) ui.emit(event::DevicesFieldLeft{});
}

std::string device_sync_line(const Model& model) {
  const DevicesState& d = model.devices;
  if (d.syncing) {
    return d.files_fetched > 0 ? "Syncing devices: " + counted(d.files_fetched, "file", "files") + " received..."
                               : std::string("Syncing devices...");
  }
  if (!d.last.failure.empty()) return d.last.message;
  if (d.last_at_ms == 0) return d.configured() ? "Not synced yet on this device." : "";
  std::string line = "Last synced " + format_local_date_time(static_cast<int64_t>(d.last_at_ms), model.utc_offset_minutes) + ".";
  if (d.syncs > 0) {
    line += " Sent " + counted(d.last.changes_sent, "change", "changes") + ", received " +
            counted(d.last.changes_received, "change", "changes") + ".";
  }
  return line;
}

// Your devices: the musician's WebDAV folder (the same collection on each
// device, no server of ours), "Sync devices now" and how it went.
void draw_devices(const Model& model, Ui& ui, const Layout& layout) {
  const DevicesState& d = model.devices;
  ImGui::TextUnformatted("Your devices");
  ui.heading(2, "Your devices");
  hint_text(ui,
            "The same collection, practice and sets on your phone and your laptop, through your own WebDAV storage "
            "(Nextcloud, a NAS, a web host). The address, user name and app password are kept in this browser on "
            "this device only, and sent only to that server (https, or this computer).",
            "devices_hint");
  devices_field(model, ui, layout, {"##devices_folder", "https://cloud.example.org/dav/tunetrack/", "WebDAV folder address",
                                    "devices_folder_url"}, "folder_url", d.folder_url);
  devices_field(model, ui, layout, {"##devices_user", "", "User name", "devices_user"}, "user", d.user);
  TextField password{"##devices_password", "", "App password", "devices_password"};
  password.secret = true;
  devices_field(model, ui, layout, password, "password", d.password);
  devices_field(model, ui, layout, {"##devices_name", "tunetrack", "This device's name", "devices_name"}, "device_name",
                d.device_name);
  ImGui::BeginDisabled(model.read_only() || d.syncing);
  if (ImGui::Button("Sync devices now")) ui.emit(event::SyncDevicesNow{});
  ImGui::EndDisabled();
  ui.remember("sync_devices");
  const std::string status = device_sync_line(model);
  if (!status.empty()) wrapped_text(ui, status, "devices_status");
  for (const std::string& refused : d.last.refused) wrapped_text(ui, "Left out: " + refused, "devices_refused");
  if (!d.last.devices.empty()) {
    std::string names;
    for (const std::string& name : d.last.devices) names += (names.empty() ? "" : ", ") + name;
    wrapped_text(ui, "Devices: " + names + " (this one first).", "devices_seen");
  }
  if (!d.conflicts.empty()) {
    wrapped_text(ui, "Notes changed on two devices at once (both texts are kept in the notes, the other device's "
                     "under a line naming it):", "devices_conflicts");
    for (const DeviceConflict& c : d.conflicts) {
      wrapped_text(ui, "  " + c.tune_name + " (from " + c.kept_from + ")", "devices_conflict");
    }
    ImGui::BeginDisabled(model.read_only());
    if (ImGui::Button("Clear this list")) ui.emit(event::ClearDeviceConflicts{});
    ImGui::EndDisabled();
    ui.remember("devices_clear_conflicts");
  }
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
  draw_devices(model, ui, layout);
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
