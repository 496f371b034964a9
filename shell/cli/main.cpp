// `tunetrack`: the native command-line tool over the same core and store as
// the web app. See usage() for the forms; exit codes are documented there.
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <stdexcept>

#include "core/parse_number.h"
#include "core/summary_text.h"
#include "core/url.h"
#include "core/version.h"
#include "core/words.h"
#include "shell/actions/settings_actions.h"
#include "shell/cli/args.h"
#include "shell/cli/collection_commands.h"
#include "shell/cli/command_support.h"
#include "shell/cli/device_commands.h"
#include "shell/cli/log_commands.h"
#include "shell/cli/practice_commands.h"
#include "shell/cli/progress_bar.h"
#include "shell/cli/sets_commands.h"
#include "shell/http_client.h"
#include "shell/store.h"
#include "shell/sync_runner.h"

namespace tt::cli {
namespace {

const char* kUsage =
    "usage:\n"
    "  tunetrack sync --member ID --db FILE [--upstream URL] [--proxy URL] [--status STATUS] [--no-retry] [--json]\n"
    "  tunetrack sync-sets --member ID --db FILE [--upstream URL] [--proxy URL] [--status STATUS] [--no-retry] [--json]\n"
    "  tunetrack list --db FILE [--search TEXT] [--type TYPE] [--status STATUS] [--json]\n"
    "  tunetrack set-status --db FILE --tune ID --status STATUS\n"
    "  tunetrack heard --db FILE --tune ID [--undo]\n"
    "  tunetrack notes --db FILE --tune ID --text TEXT\n"
    "  tunetrack export --db FILE --format json|csv|sets [--out FILE]\n"
    "  tunetrack import --db FILE INPUT\n"
    "  tunetrack sets --db FILE [--json]\n"
    "  tunetrack practice --db FILE [--json]\n"
    "  tunetrack rate --db FILE --tune ID --rating again|hard|good|easy [--at ISO-TIME] [--json]\n"
    "  tunetrack log --db FILE [--json]\n"
    "  tunetrack rebuild --from-log FILE --db NEW\n"
    "  tunetrack sync-devices --db FILE --remote URL [--user NAME] [--password-file FILE] [--device NAME] [--json]\n"
    "  tunetrack --version | --help\n"
    "\n"
    "STATUS is one of: want-to-learn, learning, learned.\n"
    "--upstream is a thesession.org-style base URL (default https://thesession.org);\n"
    "--proxy sends the calls through a tunetrack-proxy instead.\n"
    "sync-sets brings in the member's sets from thesession.org: a set already brought in is left as it is,\n"
    "tunes a set needs are added to the collection (--status, default want-to-learn), and an entry whose\n"
    "tune is gone from thesession.org is skipped with the reason. sets lists the sets kept in FILE.\n"
    "export: json is everything (tunes, practice, sets), csv the tunes, sets one row per tune of each set.\n"
    "practice prints today's queue (due, then lapsed, then new; made once a day, in local time);\n"
    "rate records how a tune went (--at like 2025-01-06T09:00:00Z, default now) and prints when it is due next.\n"
    "log prints every change made to FILE, oldest first (what was done, when, on which device);\n"
    "rebuild makes NEW (a new file) from the change log of FILE alone.\n"
    "sync-devices makes FILE and the musician's other devices hold the same collection through a WebDAV folder\n"
    "(https, or http to this machine; the password file's first line is the app password, sent only there):\n"
    "it sends this device's new changes, fetches the others', merges them and writes what differs here.\n"
    "             sync-devices exits 0 done, 2 done but a remote file was refused (named, with the reason),\n"
    "             3 the credentials refused or the folder missing, 4 the server unavailable, 1 anything else.\n"
    "Exit status: 0 done, 2 sync, sync-sets or import completed with errors, or an unknown tune, rating or time for 'rate',\n"
    "             or a tune not in the collection for 'notes',\n"
    "             3 not found, 4 thesession.org unavailable, 1 anything else.\n"
    "Environment: TUNETRACK_RETRY_ATTEMPTS (3), TUNETRACK_RETRY_DELAY_MS (2000), TUNETRACK_RETRY_MULTIPLIER (2),\n"
    "             TUNETRACK_TIMEOUT_MS (20000), TUNETRACK_CONCURRENCY (4).\n";

// Numbers from the environment, bounded to what they can mean; anything else
// stops with a message naming the variable (never a silent truncation).
template <typename T, typename Parse>
T env_number(const char* name, T fallback, Parse parse) {
  const char* v = std::getenv(name);
  if (!v || !*v) return fallback;
  const auto parsed = parse(v);
  if (!parsed) throw UsageError(std::string(name) + ": " + parsed.error);
  return parsed.value;
}

int64_t env_int(const char* name, int64_t fallback, int64_t min, int64_t max) {
  return env_number(name, fallback, [&](const char* v) { return parse_int(v, min, max); });
}

double env_decimal(const char* name, double fallback, double min, double max) {
  return env_number(name, fallback, [&](const char* v) { return parse_decimal(v, min, max); });
}

std::atomic<bool> g_cancel{false};

int cmd_sync(const Args& args, SyncKind what) {
  const int64_t member = parse_id(required(args, "member"), "--member", ThesessionThing::Member);
  const std::string db_path = required(args, "db");
  if (args.value("upstream") && args.value("proxy")) throw UsageError("give --upstream or --proxy, not both");

  SyncOptions options;
  options.what = what;
  options.member_id = member;
  if (auto proxy = args.value("proxy")) {
    options.endpoint = {normalise_base_url(*proxy), true};
  } else {
    options.endpoint = {normalise_base_url(args.value("upstream").value_or("https://thesession.org")), false};
  }
  // The base is the parsed address printed back (host in lower case, IPv6 in
  // its usual form): requests go exactly where the check said.
  const auto base = parse_url(options.endpoint.base_url + "/");
  const std::string flag = options.endpoint.via_proxy ? "--proxy" : "--upstream";
  if (!base) throw UsageError(flag + ": " + base.error);
  if (base->target.find('?') != std::string::npos) throw UsageError(flag + ": a base address has no query");
  options.endpoint.base_url = normalise_base_url(base->origin() + base->path());
  if (auto status = args.value("status")) options.default_status = parse_status_arg(*status);
  options.retry.enabled = !args.has("no-retry");
  options.retry.max_attempts = static_cast<int>(env_int("TUNETRACK_RETRY_ATTEMPTS", options.retry.max_attempts, 1, 10));
  options.retry.initial_delay_ms = env_int("TUNETRACK_RETRY_DELAY_MS", options.retry.initial_delay_ms, 0, 600000);
  options.retry.multiplier = env_decimal("TUNETRACK_RETRY_MULTIPLIER", options.retry.multiplier, 1, 10);
  options.concurrency = static_cast<int>(env_int("TUNETRACK_CONCURRENCY", options.concurrency, 1, 16));
  HttpClientOptions http;
  http.read_timeout_ms = static_cast<int>(env_int("TUNETRACK_TIMEOUT_MS", http.read_timeout_ms, 1, 600000));

  Store store(db_path, system_now_ms);
  actions::remember_sync_form(store, member, std::nullopt);  // --status is for this run only

  const bool json = args.has("json");
  ProgressBar bar(!json && ::isatty(STDERR_FILENO));
  SyncRunnerHooks hooks;
  hooks.get = [http](const std::string& url) { return http_get(url, http); };
  hooks.on_progress = [&](const SyncProgress& p) { bar.show(p); };
  hooks.cancel_requested = &g_cancel;
  std::signal(SIGINT, [](int) { g_cancel = true; });
  const SyncResult result = run_sync(store, options, hooks);
  std::signal(SIGINT, SIG_DFL);
  bar.finish();

  if (json) {
    std::cout << to_json(result) << "\n";
  } else if (result.status == SyncStage::Completed || result.status == SyncStage::CompletedWithErrors) {
    if (what == SyncKind::Sets) {
      std::cout << "Brought in the sets of member #" << member << ": " << counted(result.sets_fetched, "set", "sets") << " fetched from "
                << counted(result.pages, "page", "pages") << " in " << result.duration_ms << " ms\n";
    } else {
      std::cout << "Synced member #" << member << ": " << counted(result.tunes_fetched, "tune", "tunes") << " fetched from "
                << counted(result.pages, "page", "pages") << " in " << result.duration_ms << " ms\n";
    }
    for (const auto& [label, count] : sync_summary_counts(result, true)) {
      std::cout << "  " << label << ": " << count << "\n";
    }
    for (const auto& e : result.errors) std::cout << "  error: " << e << "\n";
  }
  if (!result.message.empty()) std::cerr << "tunetrack: " << result.message << "\n";
  return exit_code_for(result);
}

int cmd_sets(const Args& args) {
  Store store = open_existing(required(args, "db"));
  print_sets(store, args.has("json"), std::cout);
  return kExitOk;
}

int cmd_practice(const Args& args) {
  Store store = open_existing(required(args, "db"));
  const int64_t now = system_now_ms();
  print_practice(store, now, local_utc_offset_minutes(now), args.has("json"), std::cout);
  return kExitOk;
}

int cmd_rate(const Args& args) {
  const std::string db_path = required(args, "db");
  const RateRequest request = parse_rate_request(required(args, "tune"), required(args, "rating"), args.value("at"));
  Store store = open_existing(db_path);
  const int64_t now = system_now_ms();
  rate_and_print(store, request, now, local_utc_offset_minutes(request.at_ms.value_or(now)), args.has("json"), db_path,
                 std::cout);
  return kExitOk;
}

int dispatch(const std::vector<std::string>& words) {
  if (words.empty()) throw UsageError("no command given");
  const std::string& command = words[0];
  if (command == "--help" || command == "-h" || command == "help") {
    std::cout << kUsage;
    return kExitOk;
  }
  if (command == "--version") {
    std::cout << "tunetrack " << kAppVersion << " (SQLite " << Store::sqlite_version() << ")\n";
    return kExitOk;
  }
  const std::vector<std::string> rest(words.begin() + 1, words.end());
  if (command == "sync" || command == "sync-sets") {
    return cmd_sync(parse_args(rest, command, {{"member", "db", "upstream", "proxy", "status"}, {"no-retry", "json"}}),
                    command == "sync" ? SyncKind::Tunebook : SyncKind::Sets);
  }
  if (command == "sets") return cmd_sets(parse_args(rest, command, {{"db"}, {"json"}}));
  if (command == "list") {
    return cmd_list(parse_args(rest, command, {{"db", "search", "type", "status"}, {"json"}}));
  }
  if (command == "set-status") return cmd_set_status(parse_args(rest, command, {{"db", "tune", "status"}, {}}));
  if (command == "heard") return cmd_heard(parse_args(rest, command, {{"db", "tune"}, {"undo"}}));
  if (command == "notes") return cmd_notes(parse_args(rest, command, {{"db", "tune", "text"}, {}}));
  if (command == "log") {
    const Args args = parse_args(rest, command, {{"db"}, {"json"}});
    print_change_log(required(args, "db"), args.has("json"), std::cout);
    return kExitOk;
  }
  if (command == "rebuild") {
    const Args args = parse_args(rest, command, {{"from-log", "db"}, {}});
    rebuild_from_log(required(args, "from-log"), required(args, "db"), std::cout);
    return kExitOk;
  }
  if (command == "sync-devices") {
    const Args args = parse_args(rest, command, {{"db", "remote", "user", "password-file", "device"}, {"json"}});
    RetryPolicy retry;
    retry.max_attempts = static_cast<int>(env_int("TUNETRACK_RETRY_ATTEMPTS", retry.max_attempts, 1, 10));
    retry.initial_delay_ms = env_int("TUNETRACK_RETRY_DELAY_MS", retry.initial_delay_ms, 0, 600000);
    retry.multiplier = env_decimal("TUNETRACK_RETRY_MULTIPLIER", retry.multiplier, 1, 10);
    HttpClientOptions http;
    http.read_timeout_ms = static_cast<int>(env_int("TUNETRACK_TIMEOUT_MS", http.read_timeout_ms, 1, 600000));
    return sync_devices_command(args, retry, http, system_now_ms());
  }
  if (command == "export") return cmd_export(parse_args(rest, command, {{"db", "format", "out"}, {}}));
  if (command == "import") return cmd_import(parse_args(rest, command, {{"db"}, {}, 1}));
  if (command == "practice") return cmd_practice(parse_args(rest, command, {{"db"}, {"json"}}));
  if (command == "rate") return cmd_rate(parse_args(rest, command, {{"db", "tune", "rating", "at"}, {"json"}}));
  throw UsageError("unknown command '" + command + "'");
}

}  // namespace
}  // namespace tt::cli

int main(int argc, char** argv) {
  using namespace tt::cli;
  const std::vector<std::string> words(argv + 1, argv + argc);
  try {
    return dispatch(words);
  } catch (const UsageError& e) {
    std::cerr << "tunetrack: " << e.what() << "\n\n" << kUsage;
    return kExitFailure;
  } catch (const std::invalid_argument& e) {  // from parse_args
    std::cerr << "tunetrack: " << e.what() << "\n\n" << kUsage;
    return kExitFailure;
  } catch (const PracticeInputError& e) {
    std::cerr << "tunetrack: " << e.what() << "\n";
    return kExitBadPracticeInput;
  } catch (const NotFound& e) {
    std::cerr << "tunetrack: " << e.what() << "\n";
    return kExitNotFound;
  } catch (const std::exception& e) {
    std::cerr << "tunetrack: " << e.what() << "\n";
    return kExitFailure;
  }
}
