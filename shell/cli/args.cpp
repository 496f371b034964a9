#include "shell/cli/args.h"

#include <stdexcept>

namespace tt::cli {

std::optional<std::string> Args::value(const std::string& name) const {
  const auto it = values.find(name);
  if (it == values.end()) return std::nullopt;
  return it->second;
}

Args parse_args(const std::vector<std::string>& argv, const std::string& command, const ArgSpec& spec) {
  Args args;
  args.command = command;
  for (size_t i = 0; i < argv.size(); ++i) {
    std::string word = argv[i];
    if (word.rfind("--", 0) != 0 || word == "--") {
      if (args.positional.size() >= spec.max_positional) {
        throw std::invalid_argument("unexpected argument '" + word + "'");
      }
      args.positional.push_back(word);
      continue;
    }
    std::string name = word.substr(2);
    std::optional<std::string> inline_value;
    if (const auto eq = name.find('='); eq != std::string::npos) {
      inline_value = name.substr(eq + 1);
      name = name.substr(0, eq);
    }
    if (spec.switches.count(name)) {
      if (inline_value) throw std::invalid_argument("--" + name + " takes no value");
      args.switches.insert(name);
    } else if (spec.valued.count(name)) {
      if (args.values.count(name)) throw std::invalid_argument("--" + name + " given twice");
      if (inline_value) {
        args.values[name] = *inline_value;
      } else {
        if (i + 1 >= argv.size()) throw std::invalid_argument("--" + name + " needs a value");
        args.values[name] = argv[++i];
      }
    } else {
      throw std::invalid_argument("unknown option --" + name + " for '" + command + "'");
    }
  }
  return args;
}

}  // namespace tt::cli
