#pragma once
// `tunetrack sets`: the sets kept in a database, over the same store calls as
// the page's Sets tab. main.cpp parses the flags and opens the store.
#include <ostream>

#include "shell/store.h"

namespace tt::cli {

// One line per set (id, name, the key chain, the thesession set it came
// from), then its tunes indented (position, tune id, name, type, key, and
// "not in collection" for a tune removed since); then a count. Or with
// `json` one JSON list of sets, each with its entries and "keys".
void print_sets(Store& store, bool json, std::ostream& out);

}  // namespace tt::cli
