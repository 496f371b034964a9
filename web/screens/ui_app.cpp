// The page as an app, on screen: the question about a link's proxy (a modal:
// nothing is sent there before it is answered), "Reload to update", the
// offline notice and the export reminder under the banners; and the Data
// tab's part on where the collection is kept and which proxy is in use.
#include <imgui.h>

#include <algorithm>

#include "core/byte_size.h"
#include "core/time_format.h"
#include "web/screens/theme.h"
#include "web/screens/ui.h"

namespace tt::web {
namespace {

void draw_proxy_question(const Model& model, Ui& ui, const Layout& layout) {
  const ProxyChoice& p = model.proxy_choice;
  const bool asking = p.consent == ProxyConsent::Asking && model.ready;
  constexpr const char* kTitle = "Use another proxy?";
  if (asking && !ImGui::IsPopupOpen(kTitle)) ImGui::OpenPopup(kTitle);
  ImGui::SetNextWindowPos(ImVec2(layout.width / 2, layout.height / 3), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(std::min(layout.width * 0.92f, 560 * layout.scale), 0));
  if (!ImGui::BeginPopupModal(kTitle, nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize)) return;
  if (!asking) {
    ImGui::CloseCurrentPopup();
  } else {
    ImGui::TextWrapped("This link asks tunetrack to send its thesession.org requests through the proxy at %s "
                       "instead of this site's own. That server would see your searches and your member number. "
                       "Nothing has been sent to it.", p.other_origin.c_str());
    const std::string use_other = "Use " + p.other_host;
    if (ImGui::Button(use_other.c_str())) ui.emit(event::AnswerProxyQuestion{true});
    ui.remember("proxy_use_other");
    if (!layout.narrow) ImGui::SameLine();  // a phone stacks them: a long host name would not fit
    if (ImGui::Button("Use this site's proxy")) ui.emit(event::AnswerProxyQuestion{false});
    ui.remember("proxy_use_own");
  }
  ImGui::EndPopup();
}

void draw_update(const Model& model, Ui& ui) {
  const AppShell& app = model.app;
  if (!app.update_available && !app.replaced) return;
  // Wrapped, and full-size buttons: phones at the largest text size too.
  ImGui::TextWrapped("%s", app.replaced ? "tunetrack was updated in another tab." : "A new version of tunetrack is ready.");
  if (app.update_accepted) {
    ImGui::TextWrapped("%s", model.syncing ? "Reloading once the sync ends..." : "Saving, then reloading...");
    return;
  }
  if (ImGui::Button("Reload to update")) ui.emit(event::AcceptUpdate{});
  ui.remember("update_reload");
}

void draw_export_reminder(const Model& model, Ui& ui, const Layout& layout) {
  if (!model.keep.reminder) return;
  const bool never = !model.keep.history.last_export_ms;
  // The palette's colours: checked for contrast in both themes (web/screens/theme_palette.h).
  ImGui::PushStyleColor(ImGuiCol_Text, imgui_colour(current_palette().warning_text));
  ImGui::TextWrapped(never ? "Your collection lives only in this browser and has never been exported: download a "
                             "copy, so clearing the browser or losing this device cannot take it."
                           : "Your last export is over 30 days old and the collection has changed since: download "
                             "a fresh copy.");
  ImGui::PopStyleColor();
  ui.remember("export_reminder");
  if (ImGui::Button("Download JSON")) ui.emit(event::ExportCollection{true});
  ui.remember("export_reminder_download");
  if (!layout.narrow) ImGui::SameLine();
  if (ImGui::Button("Not now")) ui.emit(event::DismissExportReminder{});
  ui.remember("export_reminder_dismiss");
}

}  // namespace

void draw_app_notices(const Model& model, Ui& ui, const Layout& layout) {
  draw_proxy_question(model, ui, layout);
  draw_update(model, ui);
  if (model.app.offline) {
    ImGui::PushStyleColor(ImGuiCol_Text, imgui_colour(current_palette().warning_text));
    ImGui::TextWrapped("You are offline: your collection works as usual; sync, search and new tune details wait "
                       "for the network.");
    ImGui::PopStyleColor();
    ui.remember("offline_notice");
  }
  draw_export_reminder(model, ui, layout);
}

void draw_data_keeping(const Model& model, Ui& ui, const Layout&) {
  ImGui::Separator();
  ImGui::TextWrapped("Kept in this browser");
  const StorageState& s = model.storage;
  const char* persisted = !s.persisted ? "Storage: this browser does not say whether it may clear it."
                          : *s.persisted ? "Storage: persistent (the browser will not clear it to make room)."
                                         : "Storage: the browser may clear it when space runs short, so export now "
                                           "and then.";
  ImGui::TextWrapped("%s", persisted);
  ui.remember("storage_status");
  if (s.usage_bytes >= 0 && s.quota_bytes >= 0) {
    ImGui::TextWrapped("Space: %s used, %s available", format_bytes(s.usage_bytes).c_str(),
                format_bytes(std::max(0.0, s.quota_bytes - s.usage_bytes)).c_str());
  } else {
    ImGui::TextWrapped("Space: unknown in this browser");
  }
  ui.remember("storage_usage");
  if (s.database_bytes >= 0 && s.last_saved_at_ms > 0) {
    // Local time: "saved" answers "is my last change kept?"
    const std::string when = format_local_date_time(static_cast<int64_t>(s.last_saved_at_ms), model.utc_offset_minutes);
    if (s.last_save_bytes >= 0) {
      ImGui::TextWrapped("Your collection: %s on this device, last saved %s (that save wrote %s)",
                         format_bytes(s.database_bytes).c_str(), when.c_str(), format_bytes(s.last_save_bytes).c_str());
    } else {
      ImGui::TextWrapped("Your collection: %s on this device, last saved %s", format_bytes(s.database_bytes).c_str(),
                         when.c_str());
    }
  } else {
    ImGui::TextWrapped("Your collection: not saved on this device yet");
  }
  ui.remember("storage_saved");
  const auto& exported = model.keep.history.last_export_ms;
  ImGui::TextWrapped("Last export: %s", exported ? format_date_utc(*exported).c_str() : "never");
  const AppShell& app = model.app;
  if (app.offline_ready()) {
    ImGui::TextWrapped("Opens without a network (version %s)", app.build.substr(0, 12).c_str());
  } else if (app.worker == "unsupported") {
    ImGui::TextWrapped("This browser cannot keep tunetrack for use without a network.");
  } else if (app.worker == "failed") {
    ImGui::TextWrapped("Could not prepare tunetrack for use without a network: %s", app.error.c_str());
  } else {
    ImGui::TextWrapped("Preparing to open without a network...");
  }
  ui.remember("offline_status");

  ImGui::Separator();
  const ProxyChoice& p = model.proxy_choice;
  const char* why = p.consent == ProxyConsent::Accepted  ? "from the link you opened, as you agreed"
                    : p.consent == ProxyConsent::Refused ? "this site's own; the link's was refused"
                    : p.consent == ProxyConsent::Asking  ? "this site's own, until you answer"
                                                         : "this site's own";
  ImGui::TextWrapped("Proxy for thesession.org: %s (%s)", model.proxy.c_str(), why);
  ui.remember("proxy_in_use");
}

}  // namespace tt::web
