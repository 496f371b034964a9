#include "shell/cli/collection_commands.h"

#include <fstream>
#include <iostream>
#include <sstream>

#include "core/collection_io.h"
#include "core/collection_query.h"
#include "core/sets_io.h"
#include "core/summary_text.h"
#include "core/tune_type.h"
#include "core/json_text.h"
#include "shell/actions/tune_actions.h"
#include "shell/cli/command_support.h"
#include "shell/cli/practice_commands.h"
#include "shell/sync_runner.h"

namespace tt::cli {

int cmd_list(const Args& args) {
  Store store = open_existing(required(args, "db"));
  const std::vector<CollectionEntry> entries = store.list_collection();
  CollectionFilter filter;
  filter.search = args.value("search").value_or("");
  filter.type = args.value("type").value_or("");
  if (auto status = args.value("status")) filter.status = parse_status_arg(*status);
  const CollectionIndex index(entries);
  const std::vector<size_t> hits = index.query(filter, {});
  if (args.has("json")) {
    std::cout << "[";
    for (size_t i = 0; i < hits.size(); ++i) std::cout << (i ? ",\n" : "\n") << entry_to_json(entries[hits[i]]);
    std::cout << (hits.empty() ? "]\n" : "\n]\n");
    return kExitOk;
  }
  for (size_t i : hits) {
    const CollectionEntry& e = entries[i];
    std::cout << e.tune_id << "\t" << e.name << "\t" << e.type << "\t" << label(e.status);
    if (e.heard_count > 0) std::cout << "\theard " << e.heard_count << "x";
    std::cout << "\n";
  }
  std::cout << hits.size() << " of " << entries.size() << " tunes\n";
  return kExitOk;
}

int cmd_set_status(const Args& args) {
  Store store = open_existing(required(args, "db"));
  const int64_t tune = parse_id(required(args, "tune"), "--tune", ThesessionThing::Tune);
  const LearnStatus status = parse_status_arg(required(args, "status"));
  const int64_t now = system_now_ms();
  if (!actions::set_status(store, tune, status, now, local_utc_offset_minutes(now)).value) throw NotFound("Tune #" + std::to_string(tune) + " is not in the collection");
  const auto e = store.entry(tune);
  std::cout << e->name << ": " << label(e->status) << "\n";
  return kExitOk;
}

int cmd_heard(const Args& args) {
  Store store = open_existing(required(args, "db"));
  const int64_t tune = parse_id(required(args, "tune"), "--tune", ThesessionThing::Tune);
  if (!actions::heard(store, tune, args.has("undo")).value) throw NotFound("Tune #" + std::to_string(tune) + " is not in the collection");
  const auto e = store.entry(tune);
  std::cout << e->name << ": heard " << e->heard_count << (e->heard_count == 1 ? " time\n" : " times\n");
  return kExitOk;
}

int cmd_notes(const Args& args) {
  Store store = open_existing(required(args, "db"));
  const int64_t tune = parse_id(required(args, "tune"), "--tune", ThesessionThing::Tune);
  const auto text = args.value("text");
  if (!text) throw UsageError("'notes' needs --text (an empty one clears the notes)");
  if (!is_valid_utf8(*text)) throw UsageError("--text must be UTF-8 text (check the terminal's encoding)");
  if (!actions::set_notes(store, tune, *text).value) {
    throw PracticeInputError("Tune #" + std::to_string(tune) + " is not in your collection");
  }
  std::cout << store.entry(tune)->name << (text->empty() ? ": notes cleared\n" : ": notes saved\n");
  return kExitOk;
}

int cmd_export(const Args& args) {
  Store store = open_existing(required(args, "db"));
  const std::string format = required(args, "format");
  if (format != "json" && format != "csv" && format != "sets") throw UsageError("--format must be json, csv or sets");
  const auto entries = store.list_collection();
  const std::string text = format == "json"  ? export_json(entries, store.practice_data(), store.list_sets())
                           : format == "csv" ? export_csv(entries, store.practice_cards())
                                             : export_sets_csv(store.list_sets());
  if (auto out = args.value("out")) {
    // Write beside the target, then rename: a failed write never leaves half a file.
    const std::string temp = *out + ".partial";
    {
      std::ofstream file(temp, std::ios::binary);
      file << text;
      if (!file.flush()) throw std::runtime_error("cannot write " + *out);
    }
    if (std::rename(temp.c_str(), out->c_str()) != 0) throw std::runtime_error("cannot write " + *out);
    if (format == "sets") {
      std::cerr << "Exported the sets to " << *out << "\n";
    } else {
      std::cerr << "Exported " << entries.size() << " tunes to " << *out << "\n";
    }
  } else {
    std::cout << text;
  }
  return kExitOk;
}

int cmd_import(const Args& args) {
  const std::string db_path = required(args, "db");
  if (args.positional.empty()) throw UsageError("'import' needs an INPUT file");
  std::ifstream file(args.positional[0], std::ios::binary);
  if (!file) throw std::runtime_error("cannot read " + args.positional[0]);
  std::stringstream text;
  text << file.rdbuf();
  const ImportParse parsed = parse_import_json(text.str());
  if (!parsed.fatal.empty()) throw std::runtime_error(args.positional[0] + ": " + parsed.fatal);
  Store store(db_path, system_now_ms);
  const ImportSummary summary = actions::import_export(store, parsed).value;
  std::cout << "Imported " << args.positional[0] << ": " << import_headline(summary, parsed.errors.size()) << "\n";
  for (const auto& line : import_details(summary, parsed.errors)) std::cout << "  " << line << "\n";
  return parsed.errors.empty() ? kExitOk : 2;
}
}  // namespace tt::cli
