#pragma once
// Small helpers for the benchmarks: wall time, peak memory, printing.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>

namespace tt::bench {

inline double now_ms() {
  using namespace std::chrono;
  return duration_cast<duration<double, std::milli>>(steady_clock::now().time_since_epoch()).count();
}

// Resets the kernel's peak-RSS mark for this process (Linux >= 4.0).
inline void reset_peak_rss() { std::ofstream("/proc/self/clear_refs") << "5"; }

// Peak resident set size since the last reset, in MiB.
inline double peak_rss_mib() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;
  }
  return 0;
}

}  // namespace tt::bench
