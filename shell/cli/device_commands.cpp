#include "shell/cli/device_commands.h"

#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "core/byte_size.h"
#include "core/time_format.h"
#include "shell/cli/command_support.h"
#include "shell/device_sync.h"
#include "shell/native_http.h"

namespace tt::cli {
namespace {

constexpr int kExitRefusedFile = 2, kExitCredentialsOrFolder = 3, kExitUnavailable = 4;

// The first line of the file (an app password), without its line end.
std::string read_password(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw UsageError("--password-file: cannot read " + path);
  std::string line;
  std::getline(in, line);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

int exit_status(const DeviceSyncReport& report) {
  switch (report.error.failure) {
    case WebDavFailure::None: return report.refused.empty() ? kExitOk : kExitRefusedFile;
    case WebDavFailure::Credentials:
    case WebDavFailure::Missing: return kExitCredentialsOrFolder;
    case WebDavFailure::Unavailable: return kExitUnavailable;
    default: return kExitFailure;
  }
}

nlohmann::json report_json(const DeviceSyncReport& r) {
  nlohmann::json conflicts = nlohmann::json::array();
  for (const auto& c : r.conflicts) {
    conflicts.push_back({{"tune", c.tune_id}, {"kept_from", c.kept_device}, {"kept_written_at", format_iso8601_utc(c.kept_at_ms)}});
  }
  nlohmann::json out = {{"status", r.error.failure == WebDavFailure::None ? "done" : "failed"},
                        {"changes_sent", r.changes_sent}, {"files_fetched", r.files_fetched},
                        {"changes_received", r.changes_received}, {"changed_here", r.wrote_here},
                        {"refused", r.refused}, {"devices", r.devices}, {"notes_conflicts", conflicts},
                        {"requests", r.traffic.requests}, {"bytes_sent", r.traffic.bytes_sent},
                        {"bytes_received", r.traffic.bytes_received}, {"files_removed", r.files_removed}};
  out["snapshots_taken"] = r.snapshots_taken;
  if (!r.snapshot_written.empty()) out["snapshot_written"] = r.snapshot_written;
  if (r.error.failure != WebDavFailure::None) out["error"] = r.error.message;
  return out;
}

void print_report(const DeviceSyncReport& r, const std::string& me, std::ostream& out) {
  out << "Synced devices: sent " << r.changes_sent << (r.changes_sent == 1 ? " change" : " changes") << ", fetched "
      << r.files_fetched << (r.files_fetched == 1 ? " file" : " files") << " (" << r.changes_received << " changes); "
      << (r.wrote_here ? "the collection here changed" : "nothing changed here") << "\n";
  out << "  devices:";
  for (const auto& [id, name] : r.devices) out << " " << name << " (" << id.substr(0, 8) << (id == me ? ", this one" : "") << ")";
  out << "\n";
  for (const auto& c : r.conflicts) {
    out << "  notes of tune #" << c.tune_id << " were written on two devices at once: both texts are kept\n";
  }
  for (const auto& refused : r.refused) out << "  refused: " << refused << "\n";
  for (const auto& taken : r.snapshots_taken) out << "  started from the snapshot " << taken << "\n";
  if (!r.snapshot_written.empty()) {
    out << "  wrote the snapshot " << r.snapshot_written << " and removed " << r.files_removed
        << (r.files_removed == 1 ? " old file" : " old files") << " every device has\n";
  }
  out << "  transferred: " << r.traffic.requests << " requests, " << format_bytes(static_cast<double>(r.traffic.bytes_sent))
      << " sent, " << format_bytes(static_cast<double>(r.traffic.bytes_received)) << " received\n";
}

}  // namespace

int sync_devices_command(const Args& args, const RetryPolicy& retry, const HttpClientOptions& http, int64_t now_ms) {
  const std::string db_path = required(args, "db");
  WebDavAccount account{required(args, "remote"), args.value("user").value_or(""), ""};
  if (auto file = args.value("password-file")) account.password = read_password(*file);
  std::string error;
  auto folder = WebDavFolder::open(account, error, native_http(http), retry);
  if (!folder) throw UsageError("--remote: " + error);
  Store store = open_existing(db_path);
  DeviceSyncOptions options;
  options.device_name = args.value("device").value_or("");
  options.now_ms = now_ms;
  options.nonce = random_nonce();
  const DeviceSyncReport report = run_now(sync_devices(store, *folder, options));
  if (args.has("json")) {
    std::cout << report_json(report).dump() << "\n";
  } else if (report.error.failure == WebDavFailure::None) {
    print_report(report, store.device_id(), std::cout);
  }
  if (report.error.failure != WebDavFailure::None) std::cerr << "tunetrack: " << report.error.message << "\n";
  for (const auto& refused : report.refused) std::cerr << "tunetrack: refused " << refused << "\n";
  return exit_status(report);
}

}  // namespace tt::cli
