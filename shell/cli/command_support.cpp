#include "shell/cli/command_support.h"

#include <sys/stat.h>

#include "core/thesession_number.h"
#include "shell/sync_runner.h"

namespace tt::cli {
namespace {

bool file_exists(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0;
}

}  // namespace

std::string required(const Args& args, const std::string& name) {
  auto v = args.value(name);
  if (!v || v->empty()) throw UsageError("'" + args.command + "' needs --" + name);
  return *v;
}

int64_t parse_id(const std::string& text, const std::string& what, ThesessionThing thing) {
  const auto id = read_thesession_number(text, thing);
  if (!id) throw UsageError(what + ": " + id.error);
  return *id;
}

LearnStatus parse_status_arg(const std::string& text) {
  const auto status = parse_learn_status(text);
  if (!status) throw UsageError("unknown status '" + text + "' (use want-to-learn, learning or learned)");
  return *status;
}

Store open_existing(const std::string& path) {
  if (!file_exists(path)) throw std::runtime_error("no database at " + path + " (run 'tunetrack sync' or 'import' first)");
  return Store(path, system_now_ms);
}

}  // namespace tt::cli
