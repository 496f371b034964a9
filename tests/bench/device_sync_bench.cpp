// The device sync, natively, against a real WebDAV server on loopback
// (`rclone serve webdav`): a new device receiving a collection of 10,000
// tunes with 100,000 ratings, against a plain local import of the same
// collection in the same run (the goal: at most 2x), with the bytes
// each moves; then one rating made on one device and received on the other.
// Prints figures; never fails on time.
#include <cstdio>
#include <filesystem>

#include "shell/device_sync.h"
#include "shell/native_http.h"
#include "tests/bench/bench_support.h"
#include "tests/bench/practice_fixture.h"
#include "tests/devices/webdav_servers.h"

using namespace tt;
using namespace tt::bench;

namespace {

DeviceSyncReport sync_through(Store& store, const testing::WebDavServer& server, const std::string& name, int64_t now) {
  std::string error;
  auto folder = WebDavFolder::open({server.folder_url(), server.user(), server.password()}, error, native_http());
  if (!folder) {
    std::fprintf(stderr, "device_sync_bench: %s\n", error.c_str());
    std::exit(1);
  }
  DeviceSyncOptions options;
  options.device_name = name;
  options.now_ms = now;
  options.nonce = "be4c";
  DeviceSyncReport report = run_now(sync_devices(store, *folder, options));
  if (report.error.failure != WebDavFailure::None) {
    std::fprintf(stderr, "device_sync_bench: %s\n", report.error.message.c_str());
    std::exit(1);
  }
  for (const auto& refused : report.refused) std::fprintf(stderr, "device_sync_bench: refused %s\n", refused.c_str());
  return report;
}

void print(const char* what, double ms, const DeviceSyncReport& r) {
  std::printf("%s: %.0f ms, %lld requests, %.1f KB sent, %.1f KB received\n", what, ms,
              static_cast<long long>(r.traffic.requests), r.traffic.bytes_sent / 1024.0, r.traffic.bytes_received / 1024.0);
}

}  // namespace

int main() {
  std::string why_not;
  const auto server = testing::WebDavServer::start(testing::WebDavServerKind::Rclone, why_not);
  if (!server) {
    std::printf("== device sync: skipped (%s)\n", why_not.c_str());
    return 0;
  }
  const auto dir = std::filesystem::temp_directory_path() / "tunetrack-device-sync-bench";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  int64_t clock = kNow;
  const auto tick = [&] { return clock += 1; };

  // The baseline: the same collection imported into a new database.
  double t = now_ms();
  {
    Store imported((dir / "imported.db").string(), tick);
    fill(imported);
  }
  const double import_ms = now_ms() - t;
  std::printf("== device sync: %d tunes, %d ratings, through rclone serve webdav on loopback\n", kTunes,
              kTunes * kRatingsPerTune);
  std::printf("baseline, a plain local import of the collection: %.0f ms\n", import_ms);

  Store laptop((dir / "laptop.db").string(), tick);
  fill(laptop);
  t = now_ms();
  const auto sent = sync_through(laptop, *server, "laptop", clock);
  print("the laptop's first sync (sends everything)", now_ms() - t, sent);

  Store phone((dir / "phone.db").string(), tick);
  t = now_ms();
  const auto received = sync_through(phone, *server, "phone", clock);
  const double new_device_ms = now_ms() - t;
  print("a new phone receives it all", new_device_ms, received);
  std::printf("new device / local import: %.2fx (goal: at most 2x); %zu tunes here\n", new_device_ms / import_ms,
              phone.list_collection().size());

  laptop.rate(1, Rating::Good, laptop.practice_parameters(), clock += 86400000);
  t = now_ms();
  const auto one = sync_through(laptop, *server, "laptop", clock);
  print("one rating sent", now_ms() - t, one);
  t = now_ms();
  const auto got = sync_through(phone, *server, "phone", clock);
  print("one rating received", now_ms() - t, got);
  t = now_ms();
  const auto nothing = sync_through(phone, *server, "phone", clock);
  print("nothing new", now_ms() - t, nothing);
  std::filesystem::remove_all(dir);
  return 0;
}
