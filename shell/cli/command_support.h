#pragma once
// What every `tunetrack` command shares: its exit codes, the errors that
// choose them, reading the flags every command reads, and opening a database
// that must already exist.
#include <cstdint>
#include <stdexcept>
#include <string>

#include "core/learn_status.h"
#include "core/thesession_number.h"
#include "shell/cli/args.h"
#include "shell/store.h"

namespace tt::cli {

constexpr int kExitOk = 0, kExitFailure = 1, kExitBadPracticeInput = 2, kExitNotFound = 3;

// A command typed wrongly: the message, then the usage (exit 1).
class UsageError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

// What was asked for is not there (exit 3).
class NotFound : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The flag's value; UsageError when it is missing or empty.
std::string required(const Args& args, const std::string& name);
// A thesession.org number, or the address of its page (read_thesession_number);
// UsageError naming `what` otherwise.
int64_t parse_id(const std::string& text, const std::string& what, ThesessionThing thing);
LearnStatus parse_status_arg(const std::string& text);
// Commands that read or change a collection must not create an empty database by accident.
Store open_existing(const std::string& path);

}  // namespace tt::cli
