#pragma once
// What the web page is showing, as a value that round-trips through the URL
// fragment ("#q=kesh&type=jig&status=learning&tune=1",
// "#tab=sets&set=4"), so a pasted link
// reopens the same view and Back/Forward move between views.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/collection_query.h"

namespace tt {

struct ViewState {
  CollectionFilter filter;
  int64_t open_tune = 0;  // 0: none
  int64_t open_set = 0;   // the store's set id ("set=ID"); 0: none
  std::string tab = "collection";  // "collection", "practice", "sets", "add", "sync", "data"
  bool operator==(const ViewState& other) const;
};

std::string to_fragment(const ViewState& view);  // without the leading '#'
ViewState parse_fragment(std::string_view fragment);  // tolerant: bad parts are ignored

}  // namespace tt
