#include "tests/fake_thesession/synthetic_sets.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "tests/fake_thesession/synthetic_data.h"

namespace tt::fake {
namespace {

using nlohmann::json;

const char* const kOwners[] = {"Máire’s", "Seán's", "Síle's", "Dòmhnall's", "Bríd's", "Tomás's", "Kitty's", "Nóra's"};

std::string setting_url(int64_t tune_id, std::optional<int64_t> setting_id) {
  std::string url = tune_url(tune_id);
  if (setting_id) url += "#setting" + std::to_string(*setting_id);
  return url;
}

SyntheticSetEntry entry_for(int64_t tune_id, int set_index) {
  SyntheticSetEntry e;
  e.tune_id = tune_id;
  e.name = tune_name(tune_id);
  e.type = tune_type(tune_id);
  const int count = tune_setting_count(tune_id);
  if (count > 0) {
    const int s = static_cast<int>((tune_id + set_index) % count);
    e.setting_id = tune_id * 10 + s;
    e.key = tune_key(tune_id, s);
  }
  return e;
}

}  // namespace

int member_set_count(int64_t member_id) { return tunebook_size(member_id) / 4; }

bool awkward_sets_member(int64_t member_id) {
  return member_exists(member_id) && (member_id - kFirstMember) % 10 == 7;
}

int64_t member_set_id(int64_t member_id, int index) { return (member_id - kFirstMember) * 10000 + index + 1; }

int64_t gone_tune_id(int64_t member_id) { return kGoneTuneBase + member_id % 10000; }

std::string member_set_name(int64_t member_id, int index) {
  const auto entries = member_set_entries(member_id, index);
  const std::string type = entries.empty() ? std::string("tune") : entries.front().type;
  return std::string(kOwners[static_cast<size_t>(member_id + index) % std::size(kOwners)]) + " " + type + "s (" +
         std::to_string(index + 1) + ")";
}

std::vector<SyntheticSetEntry> member_set_entries(int64_t member_id, int index) {
  const bool awkward = awkward_sets_member(member_id);
  if (awkward && index == 1) return {};
  const int size = tunebook_size(member_id);
  const int count = index % 5 == 3 ? 2 : 3;
  std::vector<SyntheticSetEntry> out;
  for (int j = 0; j < count; ++j) {
    out.push_back(entry_for(tunebook_tune_id(member_id, (index * 3 + j) % std::max(1, size)), index));
  }
  // A tune outside the tunebook: an index past its end maps to another tune.
  if (index % 100 == 50 || (awkward && index % 4 == 0)) {
    out.back() = entry_for(tunebook_tune_id(member_id, size + index), index);
  }
  if (awkward && index == 2) out[1].setting_id.reset();
  if (awkward && index == 3) {
    SyntheticSetEntry& gone = out[1];
    gone.tune_id = gone_tune_id(member_id);
    gone.name = "Lost Reel No. " + std::to_string(gone.tune_id);
    gone.type = "reel";
    gone.key = "Dmajor";
    gone.setting_id = gone.tune_id * 10;
  }
  return out;
}

std::string sets_page_json(int64_t member_id, int page, int per_page, int shift) {
  const int total = member_set_count(member_id);
  const int pages = std::max(1, (total + per_page - 1) / per_page);
  json sets = json::array();
  const int first = (page - 1) * per_page - shift;
  for (int i = std::max(0, first); i < std::min(total, first + per_page); ++i) {
    json settings = json::array();
    for (const auto& e : member_set_entries(member_id, i)) {
      settings.push_back({{"id", e.setting_id ? *e.setting_id : e.tune_id * 10},
                          {"url", setting_url(e.tune_id, e.setting_id)},
                          {"name", e.name},
                          {"type", e.type},
                          {"key", e.key}});
    }
    const int64_t id = member_set_id(member_id, i);
    sets.push_back({{"id", id},
                    {"name", member_set_name(member_id, i)},
                    {"url", "https://thesession.org/members/" + std::to_string(member_id) + "/sets/" + std::to_string(id)},
                    {"date", "2024-0" + std::to_string(1 + i % 9) + "-1" + std::to_string(i % 10) + " 20:00:00"},
                    {"settings", std::move(settings)}});
  }
  const json doc = {{"format", "json"},
                    {"pages", pages},
                    {"page", page},
                    {"perpage", per_page},
                    {"total", total},
                    {"member", {{"id", member_id}, {"name", member_name(member_id)},
                                {"url", "https://thesession.org/members/" + std::to_string(member_id)}}},
                    {"sets", std::move(sets)}};
  return doc.dump();
}

}  // namespace tt::fake
