#include "web/accessibility/mirror.h"


#include "web/interop/js_interop.h"

namespace tt::web {

void Mirror::follow(const std::vector<A11yNode>& nodes, const Announcements& announcements, const CollectionView& list,
                    double dpr) {
  if (!js_mirror_wanted()) return;
  // Only a word that the rows changed: building them (and the table) in the
  // frame would slow typing in a long list; the mirror asks for them once
  // the list stays still (tt_mirror_rows).
  if (list.revision() != rows_revision_) {
    js_mirror_rows_changed();
    rows_revision_ = list.revision();
  }
  std::string json = mirror_json(nodes, dpr);
  if (json != shown_) {
    js_mirror_update(json.c_str());
    shown_ = std::move(json);
  }
  if (announcements.count == announced_) return;
  // Only the lines not yet said; if more came than are kept, the kept ones.
  const uint64_t fresh = announcements.count - announced_;
  const size_t skip = fresh >= announcements.lines.size() ? 0 : announcements.lines.size() - static_cast<size_t>(fresh);
  std::string text;
  for (size_t i = skip; i < announcements.lines.size(); ++i) text += (text.empty() ? "" : " ") + announcements.lines[i];
  js_mirror_announce(text.c_str());
  announced_ = announcements.count;
}

}  // namespace tt::web
