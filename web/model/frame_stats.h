#pragma once
// Time of recent frames, for the benchmarks (tt_frame_stats): kept over a
// sliding window, summarised as "count p50 p95 max".
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

namespace tt::web {

class FrameTimes {
 public:
  void add(double ms) {
    if (ms_.size() < kWindow) ms_.push_back(ms); else ms_[next_] = ms;
    next_ = (next_ + 1) % kWindow;
  }
  void clear() { ms_.clear(); next_ = 0; }
  std::string summary() const {
    std::vector<double> sorted = ms_;
    std::sort(sorted.begin(), sorted.end());
    const auto at = [&](double p) {
      return sorted.empty() ? 0.0 : sorted[std::min(sorted.size() - 1, static_cast<size_t>(p * sorted.size()))];
    };
    char buf[128];
    std::snprintf(buf, sizeof buf, "%zu %.3f %.3f %.3f", sorted.size(), at(0.5), at(0.95),
                  sorted.empty() ? 0.0 : sorted.back());
    return buf;
  }

 private:
  static constexpr size_t kWindow = 240;
  std::vector<double> ms_;
  size_t next_ = 0;
};

}  // namespace tt::web
