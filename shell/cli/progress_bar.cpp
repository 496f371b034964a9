#include "shell/cli/progress_bar.h"

#include <cstdio>
#include <string>

namespace tt::cli {

void ProgressBar::show(const SyncProgress& p) {
  if (!enabled_) return;
  constexpr int kWidth = 30;
  const int filled = p.percent * kWidth / 100;
  std::string bar(static_cast<size_t>(filled), '#');
  bar.resize(kWidth, '.');
  if (p.kind == SyncKind::Sets) {
    std::fprintf(stderr, "\r[%s] %3d%% %-22s pages %d/%d, %d sets, tunes checked %d/%d ", bar.c_str(), p.percent,
                 std::string(to_string(p.stage)).c_str(), p.pages_done, p.pages_total, p.sets_fetched,
                 p.tunes_checked, p.tunes_to_check);
  } else {
    std::fprintf(stderr, "\r[%s] %3d%% %-22s pages %d/%d, %d tunes ", bar.c_str(), p.percent,
                 std::string(to_string(p.stage)).c_str(), p.pages_done, p.pages_total, p.tunes_fetched);
  }
  std::fflush(stderr);
  drawn_ = true;
}

void ProgressBar::finish() {
  if (drawn_) std::fputc('\n', stderr);
  drawn_ = false;
}

}  // namespace tt::cli
