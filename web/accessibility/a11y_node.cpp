#include "web/accessibility/a11y_node.h"

#include <nlohmann/json.hpp>

#include "web/model/collection_rows.h"

namespace tt::web {

bool is_interactive(const std::string& role) {
  return role == "button" || role == "checkbox" || role == "radio" || role == "tab" || role == "textbox" ||
         role == "searchbox" || role == "spinbutton" || role == "combobox" || role == "option" || role == "row";
}

std::string mirror_json(const std::vector<A11yNode>& nodes, double dpr) {
  using nlohmann::json;
  json out = json::array();
  for (const A11yNode& n : nodes) {
    json node = {{"role", n.role}, {"name", n.name},
                 {"rect", {n.rect[0] / dpr, n.rect[1] / dpr, n.rect[2] / dpr, n.rect[3] / dpr}}};
    if (n.id) node["id"] = n.id;
    if (!n.key.empty()) node["key"] = n.key;
    if (n.role == "searchbox" || n.role == "textbox" || n.role == "spinbutton" || n.role == "combobox") {
      node["value"] = n.value;
    }
    if (n.multiline) node["multiline"] = true;
    if (n.digits) node["digits"] = true;
    if (n.secret) node["secret"] = true;
    if (n.role == "spinbutton") node["range"] = n.range;
    if (n.role == "combobox") {
      node["options"] = n.options;
      node["selected"] = n.selected;
      node["expanded"] = n.expanded;
    }
    if (!n.cells.empty()) node["cells"] = n.cells;
    if (!n.description.empty()) node["description"] = n.description;
    if (n.tune) node["tune"] = n.tune;
    if (n.role == "row" && n.index >= 0) node["index"] = n.index;
    if (n.role == "table") node["rows"] = n.rows;
    if (n.level) node["level"] = n.level;
    if (!n.action.empty()) node["action"] = n.action;
    if (n.checkable) node["checked"] = n.checked;
    if (n.disabled) node["disabled"] = true;
    out.push_back(std::move(node));
  }
  // Invalid UTF-8 in a tune name must not throw: replace it.
  return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string mirror_rows_json(const CollectionView& view, size_t up_to) {
  using nlohmann::json;
  const auto& visible = view.visible();
  json rows = json::array();
  if (visible.size() <= up_to) {
    for (size_t i : visible) {
      const CollectionEntry& e = view.entries()[i];
      rows.push_back({{"tune", e.tune_id}, {"name", collection_row_name(e)}, {"cells", collection_row_cells(e)}});
    }
  }
  return json{{"total", visible.size()}, {"rows", rows}}.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace tt::web
