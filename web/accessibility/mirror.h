#pragma once
// Keeps the accessibility mirror (web/page/mirror.js: real DOM with ARIA roles
// over the canvas) in step with what the last frame drew, and hands it what
// the aria-live region should announce. Only changes cross into JavaScript.
#include <cstdint>
#include <string>
#include <vector>

#include "web/accessibility/a11y_node.h"
#include "web/accessibility/announcer.h"

namespace tt::web {

class Mirror {
 public:
  // `list`: the collection's list, whose rows the mirror's table holds.
  void follow(const std::vector<A11yNode>& nodes, const Announcements& announcements, const CollectionView& list,
              double dpr);

 private:
  uint64_t rows_revision_ = 0;  // the list's revision last said to have changed
  std::string shown_;       // the JSON last sent
  uint64_t announced_ = 0;  // announcements sent so far
};

}  // namespace tt::web
