#include "web/model/collection_rows.h"

#include "core/music_key.h"
#include "core/time_format.h"

namespace tt::web {

std::string collection_row_name(const CollectionEntry& e) {
  return e.heard_count > 0 ? e.name + "  (heard " + std::to_string(e.heard_count) + ")" : e.name;
}

std::vector<std::string> collection_row_cells(const CollectionEntry& e) {
  return {e.type.empty() ? "type unknown" : e.type, key_label(e.key), std::string(label(e.status)),
          "added " + format_date_utc(e.created_at_ms)};
}

}  // namespace tt::web
