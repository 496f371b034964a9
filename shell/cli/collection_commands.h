#pragma once
// `tunetrack list`, `set-status`, `heard`, `notes`, `export` and `import`:
// the collection's commands, each a thin call of the same actions the page
// uses (shell/actions/). Each takes its parsed flags and returns the exit code.
#include "shell/cli/args.h"

namespace tt::cli {

int cmd_list(const Args& args);
int cmd_set_status(const Args& args);
int cmd_heard(const Args& args);
int cmd_notes(const Args& args);
int cmd_export(const Args& args);
int cmd_import(const Args& args);

}  // namespace tt::cli
