// The collection: search and filters (kept in the URL), "N of M tunes", and a
// clipped, sortable table that stays smooth with 10,000 rows.
#include <imgui.h>

#include <algorithm>
#include <misc/cpp/imgui_stdlib.h>

#include "core/music_key.h"
#include "core/time_format.h"
#include "core/words.h"
#include "web/accessibility/mirror_input.h"
#include "web/model/collection_rows.h"
#include "web/screens/theme.h"
#include "web/screens/ui.h"

namespace tt::web {
namespace {

const char* status_label(LearnStatus s) { return label(s).data(); }  // core's labels are literals

void draw_filters(const Model& model, Ui& ui, const Layout& layout) {
  ViewState view = model.view;
  bool changed = false;
  const float search_width = layout.narrow ? -1.0f : layout.width * 0.3f;
  ImGui::SetNextItemWidth(search_width);
  const bool typed = text_field(ui, {"##search", "Search names", "Search names", "search", "searchbox"}, view.filter.search).edited;
  if (!layout.narrow) ImGui::SameLine();

  // "All types", then each type the collection has (an unknown type is nothing to filter by).
  ComboField types{"##type", "type_filter", {"type_option_all"}, "Type"};
  std::vector<std::string> type_labels{"All types"};
  int type_shown = 0;
  for (const auto& [type, count] : model.collection.type_counts()) {
    if (type.empty()) continue;
    if (view.filter.type == type) type_shown = static_cast<int>(type_labels.size());
    type_labels.push_back(type);
    types.option_keys.push_back("type_option_" + type);
  }
  // A type filtered by that no tune has (a link from another device, the
  // last tune of it deleted) is still the filter: shown, not "All types".
  if (!view.filter.type.empty() && type_shown == 0) {
    type_shown = static_cast<int>(type_labels.size());
    type_labels.push_back(view.filter.type);
    types.option_keys.push_back("type_option_" + view.filter.type);
  }
  ComboField statuses{"##status", "status_filter", {"status_option_any"}, "Status"};
  std::vector<std::string> status_labels{"Any status"};
  int status_shown = 0;
  for (LearnStatus s : kAllLearnStatuses) {
    if (view.filter.status == s) status_shown = static_cast<int>(status_labels.size());
    status_labels.emplace_back(status_label(s));
    statuses.option_keys.push_back("status_option_" + std::string(to_string(s)));
  }
  // Each list as wide as its longest choice, so none is cut; on a phone side
  // by side when both fit, else one under the other (huge text).
  const float type_width = std::max(150 * layout.scale, combo_width(type_labels));
  const float status_width = std::max(150 * layout.scale, combo_width(status_labels));
  const bool stacked = layout.narrow && type_width + status_width + ImGui::GetStyle().ItemSpacing.x >
                                            ImGui::GetContentRegionAvail().x;
  ImGui::SetNextItemWidth(stacked ? -1.0f : type_width);  // beside it, the status list takes the rest on a phone
  if (const int chosen = combo_field(ui, layout, types, type_labels, type_shown); chosen >= 0) {
    view.filter.type = chosen == 0 ? std::string() : type_labels[chosen];
    changed = true;
  }
  if (!stacked) ImGui::SameLine();
  ImGui::SetNextItemWidth(layout.narrow ? -1.0f : status_width);
  if (const int chosen = combo_field(ui, layout, statuses, status_labels, status_shown); chosen >= 0) {
    if (chosen == 0) view.filter.status.reset(); else view.filter.status = kAllLearnStatuses[chosen - 1];
    changed = true;
  }
  // Typing replaces the history entry; picking a filter makes a new one.
  if (typed || changed) ui.emit(event::ViewChanged{view, !typed});
}

bool incipits_shown(const Model& model, const Layout& layout) {
  return model.incipits.enabled.value_or(!layout.narrow);  // off by default on phones
}

void draw_table(const Model& model, Ui& ui, const Layout& layout) {
  const auto& entries = model.collection.entries();
  const auto& visible = model.collection.visible();
  const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
  const bool incipits = incipits_shown(model, layout);
  // Fixed columns as wide as their longest content: nothing in them is cut.
  const auto fits = [](const char* widest) { return ImGui::CalcTextSize(widest).x; };
  constexpr auto kFixed = ImGuiTableColumnFlags_WidthFixed;
  const float incipit_height = 40 * layout.scale, incipit_width = incipit_height * 220 / 50;
  const float cell = ImGui::GetStyle().CellPadding.x * 2;
  const float wide_columns = fits("strathspey") + fits("want to learn") + fits("A mixolydian") + fits("2026-12-31") +
                             (incipits ? incipit_width + cell : 0) + cell * 5 + ImGui::GetStyle().ScrollbarSize;
  // A wide list has a column for each detail; a narrow one (a phone, a tune
  // open beside it, huge text) shows name and status, with type and key on a
  // second line: whichever leaves the names at least 14 letters' room.
  const bool compact = ImGui::GetContentRegionAvail().x - wide_columns < ImGui::GetFontSize() * 7;
  const int columns = (compact ? 2 : 5) + (incipits ? 1 : 0);
  if (!ImGui::BeginTable("collection", columns, flags)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("Name", ImGuiTableColumnFlags_DefaultSort, 4.0f, 0);
  if (incipits) {
    ImGui::TableSetupColumn("Opening bars", ImGuiTableColumnFlags_NoSort | kFixed, incipit_width, 5);
  }
  if (!compact) ImGui::TableSetupColumn("Type", kFixed, fits("strathspey"), 1);
  ImGui::TableSetupColumn("Status", kFixed, fits("want to learn"), 2);
  if (!compact) {
    ImGui::TableSetupColumn("Key", ImGuiTableColumnFlags_NoSort | kFixed, fits("A mixolydian"), 4);
    ImGui::TableSetupColumn("Added", ImGuiTableColumnFlags_PreferSortDescending | kFixed, fits("2026-12-31"), 3);
  }
  // TableHeadersRow, a cell at a time: the Name column's own header is
  // remembered too (tests measure the room the names get).
  ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
  for (int column = 0; column < columns; ++column) {
    if (!ImGui::TableSetColumnIndex(column)) continue;
    ImGui::TableHeader(ImGui::TableGetColumnName(column));
    if (column == 0) ui.remember("name_header");
  }
  ui.remember("table_header");
  ui.table("Your tunes", visible.size());

  if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsDirty) {
    if (specs->SpecsCount > 0) {
      static const SortKey keys[] = {SortKey::Name, SortKey::Type, SortKey::Status, SortKey::DateAdded};
      const auto& spec = specs->Specs[0];
      ui.emit(event::SortChanged{{keys[spec.ColumnUserID], spec.SortDirection == ImGuiSortDirection_Ascending}});
    }
    specs->SpecsDirty = false;
  }

  // Every row the same height, so the clipper can skip the ones off screen;
  // on a touch screen at least a finger high.
  const float line = ImGui::GetTextLineHeight();
  float row_height = incipits ? incipit_height : 0;
  if (compact) row_height = std::max(row_height, line * 2 + ImGui::GetStyle().ItemSpacing.y);
  if (layout.touch) row_height = std::max(row_height, kMinTargetCssPixels * layout.scale);
  std::vector<int64_t> on_screen;
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(visible.size()), row_height > 0 ? row_height + ImGui::GetStyle().CellPadding.y * 2 : -1);
  // A row off screen the mirror's keyboard focus is on: drawn, and scrolled to.
  auto to_show = take_mirror_row_to_show();
  if (to_show && *to_show >= static_cast<int>(visible.size())) to_show.reset();
  if (to_show) clipper.ForceDisplayRangeByIndices(*to_show, *to_show + 1);
  while (clipper.Step()) {
    for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
      const CollectionEntry& e = entries[visible[static_cast<size_t>(row)]];
      ImGui::TableNextRow(0, row_height);
      ImGui::TableNextColumn();
      ImGui::PushID(static_cast<int>(e.tune_id));
      const bool selected = model.view.open_tune == e.tune_id || model.highlighted == e.tune_id;
      const std::string name = collection_row_name(e);
      const ImVec2 name_cell = ImGui::GetCursorScreenPos();
      const float name_width = ImGui::GetContentRegionAvail().x;
      // The row's words are drawn over it, each line ending in "..." where
      // the Name column cuts it (never mid-letter, never into Status).
      if (ImGui::Selectable("##row", selected, ImGuiSelectableFlags_SpanAllColumns, ImVec2(0, row_height))) {
        ui.emit(event::OpenTune{e.tune_id});
      }
      if (to_show && row == *to_show) ImGui::SetScrollHereY(0.5f);
      if (row < 12) ui.remember("row_" + std::to_string(row));
      std::vector<std::string> cells = collection_row_cells(e);
      ui.tune_row(name, cells, e.tune_id, row);
      if (compact) {
        const float top = name_cell.y + (row_height - line * 2 - ImGui::GetStyle().ItemSpacing.y) / 2;
        ImGui::SetCursorScreenPos(ImVec2(name_cell.x, top));
        ImGui::TextUnformatted(fit_text(name, name_width).c_str());
        // The key is known once the tune's details were fetched.
        const std::string type_key = e.key.empty() ? cells[0] : cells[0] + " · " + cells[1];
        ImGui::TextDisabled("%s", fit_text(type_key, name_width).c_str());
      } else {
        ImGui::SetCursorScreenPos(name_cell);
        ImGui::TextUnformatted(fit_text(name, name_width).c_str());
      }
      if (incipits) {
        ImGui::TableNextColumn();
        draw_incipit(model, e.tune_id, row_height);
        on_screen.push_back(e.tune_id);
      }
      if (!compact) {
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(e.type.c_str());
      }
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(status_label(e.status));
      if (!compact) {
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(cells[1].c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(format_date_utc(e.created_at_ms).c_str());
      }
      ImGui::PopID();
    }
  }
  ImGui::EndTable();
  // Only a change is reported: the page draws incipits for these rows.
  if (on_screen != model.incipits.on_screen) ui.emit(event::IncipitRows{std::move(on_screen)});
}

}  // namespace

void draw_collection(const Model& model, Ui& ui, const Layout& layout) {
  if (!model.ready) {
    ImGui::TextUnformatted("Opening your collection...");
    return;
  }
  draw_filters(model, ui, layout);
  const std::string count = std::to_string(model.collection.visible().size()) + " of " +
                            counted(static_cast<int64_t>(model.collection.entries().size()), "tune", "tunes");
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(count.c_str());
  ui.remember("count");
  ui.text(count);
  same_line_if_fits(ImGui::GetFrameHeight() + ImGui::CalcTextSize("Opening bars").x + ImGui::GetStyle().ItemInnerSpacing.x);
  bool incipits = incipits_shown(model, layout);
  if (ImGui::Checkbox("Opening bars", &incipits)) ui.emit(event::SetIncipits{incipits});
  ui.remember("incipits_toggle");
  if (model.collection.entries().empty()) {
    ImGui::Spacing();
    ImGui::TextWrapped("Your collection is empty. Sync your thesession.org tunebook (Sync tab) or add tunes one by one (Add tune tab).");
    return;
  }
  if (model.collection.visible().empty()) {
    ImGui::Spacing();
    ImGui::TextWrapped("No tunes match these filters.");
    if (ImGui::Button("Clear filters")) {
      ViewState v = model.view;
      v.filter = {};
      ui.emit(event::ViewChanged{v, true});
    }
    ui.remember("clear_filters");
    return;
  }
  draw_table(model, ui, layout);
}

}  // namespace tt::web
