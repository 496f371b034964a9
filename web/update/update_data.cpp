// The Data tab: export (JSON with practice and sets, CSV, the sets' CSV),
// import (merge, never duplicate or overwrite), and the damaged database set
// aside at start-up.
#include "core/collection_io.h"
#include "core/sets_io.h"
#include "core/summary_text.h"
#include "shell/actions/tune_actions.h"
#include "web/update/update_context.h"

namespace tt::web {
namespace {

void on_file_picked(Context& c, const event::FilePicked& e) {
  if (!e.error.empty()) {
    c.model.import_summary = e.error;
    return;
  }
  if (!c.writable()) return;
  const ImportParse parsed = parse_import_json(e.text);
  if (!parsed.fatal.empty()) {
    c.model.import_summary = "Nothing imported: " + parsed.fatal;
    return;
  }
  actions::Done<ImportSummary> imported;
  try {
    imported = actions::import_export(*c.services.store, parsed);
  } catch (const std::exception& ex) {
    c.model.import_summary = std::string("Nothing imported: ") + ex.what();
    return;
  }
  std::string text = import_headline(imported.value, parsed.errors.size());
  for (const auto& line : import_details(imported.value, parsed.errors)) text += "\n" + line;
  c.model.import_summary = text;
  c.apply(imported.changed);
}

}  // namespace

void handle_data(Context& c, const Event& event) {
  if (const auto* e = std::get_if<event::ExportCollection>(&event)) {
    commit_notes(c);  // what is typed belongs in the export
    const auto& entries = c.model.collection.entries();
    if (!c.services.store) return;
    // With the practice cards and log, and the sets: an export loses nothing.
    if (e->json) {
      c.out.push_back(effect::DownloadText{"tunetrack-collection.json", "application/json",
                                           export_json(entries, c.services.store->practice_data(),
                                                       c.services.store->list_sets())});
    } else {
      c.out.push_back(effect::DownloadText{"tunetrack-collection.csv", "text/csv",
                                           export_csv(entries, c.services.store->practice_cards())});
    }
  } else if (std::holds_alternative<event::ExportSetsCsv>(event)) {
    if (!c.services.store) return;
    c.out.push_back(effect::DownloadText{"tunetrack-sets.csv", "text/csv", export_sets_csv(c.services.store->list_sets())});
  } else if (std::holds_alternative<event::PickImportFile>(event)) {
    if (c.writable()) c.out.push_back(effect::PickTextFile{});
  } else if (const auto* e = std::get_if<event::FilePicked>(&event)) {
    on_file_picked(c, *e);
  } else if (std::holds_alternative<event::DownloadDamagedCopy>(event)) {
    if (!c.model.damaged_copy.empty()) c.out.push_back(effect::DownloadFile{"tunetrack-damaged.db", c.model.damaged_copy});
  }
}

}  // namespace tt::web
