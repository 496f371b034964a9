#pragma once
// Synthetic, deterministic sets for fake-thesession's /members/{id}/sets,
// shaped like thesession.org's (the outer fields are the tunebook page's).
// Every value is a pure function of the member id and the set's index.
//
// Member kFirstMember + n has n / 4 sets (a member with 2,000 tunes has
// 500). Set i holds 3 tunes, or 2 when i % 5 == 3 (so 500 sets hold 1,400
// entries), taken from the member's tunebook; set i with i % 100 == 50 ends
// with a tune that is not in the tunebook. Each entry names a setting of its
// tune by URL (".../tunes/12#setting120") with the tune's name and type and
// the setting's key; a tune without settings is named without "#setting".
//
// Members whose number ends in 7 (n % 10 == 7, e.g. 100047 with 11 sets)
// have awkward sets on top: set 1 is empty; set 2 names its second tune by a
// URL without "#setting"; set 3's second tune is gone from thesession.org
// (gone_tune_id: its tune page answers 404); and every set i with i % 4 == 0
// ends with a tune not in the tunebook.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tt::fake {

struct SyntheticSetEntry {
  int64_t tune_id = 0;
  std::optional<int64_t> setting_id;
  std::string name, type, key;
};

int member_set_count(int64_t member_id);
bool awkward_sets_member(int64_t member_id);
// thesession's id of the member's set `index` (0-based): unique across members.
int64_t member_set_id(int64_t member_id, int index);
std::string member_set_name(int64_t member_id, int index);
std::vector<SyntheticSetEntry> member_set_entries(int64_t member_id, int index);
// Tune ids from kGoneTuneBase up to the merged range have no page (404).
inline constexpr int64_t kGoneTuneBase = 40000;
int64_t gone_tune_id(int64_t member_id);

// The JSON body of a page of sets, as the fake serves it; `shift` moves the
// window as when sets are added while a client pages.
std::string sets_page_json(int64_t member_id, int page, int per_page, int shift = 0);

}  // namespace tt::fake
