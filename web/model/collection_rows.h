#pragma once
// What one row of the collection's list says, in words: the canvas's list
// (web/screens/ui_collection.cpp) and the accessibility mirror's table
// (web/accessibility/a11y_node.h) read the same.
#include <string>
#include <vector>

#include "core/collection_query.h"

namespace tt::web {

// The name, with how often it was heard when it was.
std::string collection_row_name(const CollectionEntry& e);
// The other columns: type, key, status, "added <date>".
std::vector<std::string> collection_row_cells(const CollectionEntry& e);

}  // namespace tt::web
