#include "shell/cli/sets_commands.h"

#include <nlohmann/json.hpp>

#include "core/music_key.h"
#include "core/sets_io.h"

namespace tt::cli {

void print_sets(Store& store, bool json, std::ostream& out) {
  const std::vector<TuneSet> sets = store.list_sets();
  if (json) {
    nlohmann::json doc = sets_to_json(sets);
    for (size_t i = 0; i < sets.size(); ++i) {
      doc[i]["id"] = sets[i].id;
      doc[i]["keys"] = set_key_chain(sets[i].entries);
      for (size_t j = 0; j < sets[i].entries.size(); ++j) {
        doc[i]["entries"][j]["in_collection"] = sets[i].entries[j].in_collection;
      }
    }
    out << doc.dump(2) << "\n";
    return;
  }
  size_t entries = 0;
  for (const TuneSet& set : sets) {
    out << set.id << "\t" << set.name;
    if (!set.entries.empty()) out << "\t" << set_key_chain(set.entries);
    if (set.thesession_id) out << "\t(thesession set #" << *set.thesession_id << ")";
    out << "\n";
    for (size_t i = 0; i < set.entries.size(); ++i) {
      const SetEntry& e = set.entries[i];
      out << "  " << i + 1 << ". " << e.tune_id << "\t" << e.name << "\t" << e.type << "\t" << key_label(e.key);
      if (e.setting_id) out << "\tsetting " << *e.setting_id;
      if (!e.in_collection) out << "\tnot in collection";
      out << "\n";
    }
    entries += set.entries.size();
  }
  out << sets.size() << (sets.size() == 1 ? " set, " : " sets, ") << entries
      << (entries == 1 ? " tune\n" : " tunes\n");
}

}  // namespace tt::cli
