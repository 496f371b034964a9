#pragma once
// A one-line progress bar on stderr, drawn only on a terminal.
#include "core/sync_result.h"

namespace tt::cli {

class ProgressBar {
 public:
  explicit ProgressBar(bool enabled) : enabled_(enabled) {}
  void show(const SyncProgress& progress);
  void finish();

 private:
  bool enabled_;
  bool drawn_ = false;
};

}  // namespace tt::cli
