#pragma once
// Command-line parsing for `tunetrack`: a subcommand, --flags with values,
// boolean switches and positional arguments. Unknown or repeated flags are
// errors, reported as one line, so a typo never runs the wrong thing.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace tt::cli {

struct Args {
  std::string command;
  std::map<std::string, std::string> values;  // --name VALUE
  std::set<std::string> switches;             // --name
  std::vector<std::string> positional;

  std::optional<std::string> value(const std::string& name) const;
  bool has(const std::string& name) const { return switches.count(name) > 0; }
};

struct ArgSpec {
  std::set<std::string> valued;    // flags that take a value
  std::set<std::string> switches;  // flags without a value
  size_t max_positional = 0;
};

// Throws std::invalid_argument with a one-line message on bad input.
Args parse_args(const std::vector<std::string>& argv_after_command, const std::string& command, const ArgSpec& spec);

}  // namespace tt::cli
