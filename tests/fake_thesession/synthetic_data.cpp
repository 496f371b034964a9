#include "tests/fake_thesession/synthetic_data.h"

#include <nlohmann/json.hpp>

#include "core/text_fold.h"
#include "core/tune_type.h"

namespace tt::fake {
namespace {

using nlohmann::json;

const std::vector<std::string> kFirst = {
    "The",     "Paddy's",  "Máire’s", "Seán's",  "Ìle",       "Ó Briain’s", "Síle's",   "Tomás",
    "Kitty's", "Mrs. Ní",  "Òran",    "Dòmhnall", "Caitlín’s", "Father",     "Bríd's",   "Ceòl",
    "Annie's", "Eóghan's", "Nóra",    "Ruairí's"};
const std::vector<std::string> kMiddle = {
    "Green",  "Windy", "Lonesome", "Old",   "Merry",  "Crooked", "Fáinne", "Ballinasloe", "Gleann",
    "Stony",  "Dark",  "Banks of", "Rocky", "Sligo",  "Bàta",    "Clare",  "Hidden"};
const std::vector<std::string> kLast = {
    "Reel",   "Fancy",  "Delight", "Frolics", "Ramble", "Lament", "Fling",  "Road",
    "Cottage", "Harbour", "Meadow", "Lass",   "Bridge", "Wedding", "Hornpipe", "Ceilidh"};

// Small integer hash so data looks mixed but stays deterministic.
uint64_t mix(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

json tune_summary(int64_t id) {
  return {{"id", id}, {"name", tune_name(id)}, {"url", tune_url(id)}, {"type", tune_type(id)},
          {"date", "2024-01-01 12:00:00"}};
}

}  // namespace

bool member_exists(int64_t member_id) {
  return member_id >= kFirstMember && member_id <= kFirstMember + kMaxTunebook;
}

int tunebook_size(int64_t member_id) {
  return member_exists(member_id) ? static_cast<int>(member_id - kFirstMember) : 0;
}

std::string member_name(int64_t member_id) {
  return "Synthetic Fiddler " + std::to_string(member_id);
}

int64_t tunebook_tune_id(int64_t member_id, int index) {
  // 7919 is coprime with kTuneCount, so indices map to distinct ids.
  const int64_t offset = member_id % kTuneCount;
  return 1 + (offset + static_cast<int64_t>(index) * 7919) % kTuneCount;
}

std::string tune_name(int64_t id) {
  const uint64_t h = mix(static_cast<uint64_t>(id));
  std::string name = kFirst[h % kFirst.size()] + " " + kMiddle[(h >> 8) % kMiddle.size()] + " " +
                     kLast[(h >> 16) % kLast.size()];
  return name + " No. " + std::to_string(id);  // unique per id, like real tune pages
}

std::string tune_type(int64_t id) {
  const auto& types = known_tune_types();
  return types[static_cast<size_t>(mix(static_cast<uint64_t>(id) + 7) % types.size())];
}

std::string tune_url(int64_t id) { return "https://thesession.org/tunes/" + std::to_string(id); }

int tune_popularity(int64_t id) { return static_cast<int>(mix(static_cast<uint64_t>(id) + 11) % 5000); }

std::vector<std::string> tune_aliases(int64_t id) {
  std::vector<std::string> aliases;
  const int count = static_cast<int>(mix(static_cast<uint64_t>(id) + 13) % 3);
  for (int i = 0; i < count; ++i) aliases.push_back(tune_name(id + 1000 * (i + 1)).substr(0, 20) + " (alias)");
  return aliases;
}

std::string tune_key(int64_t id, int setting) {
  static const std::vector<std::string> keys = {"Dmajor", "Gmajor", "Adorian", "Eminor", "Amixolydian", "Cmajor"};
  return keys[static_cast<size_t>(mix(static_cast<uint64_t>(id * 7 + setting)) % keys.size())];
}

std::string tune_abc(int64_t id, int setting) {
  static const std::vector<std::string> bars = {"|:DFA dAF|GBd gfe|", "fed cBA|BAG FED|", "A2F AFD|E2D EFG|",
                                                "dBB ABB|dBB ABd|", "cAA BGG|AFD D3:|"};
  std::string abc;
  for (int i = 0; i < 4; ++i) abc += bars[static_cast<size_t>(mix(static_cast<uint64_t>(id + setting * 31 + i)) % bars.size())];
  return abc;
}

std::string tunebook_page_json(int64_t member_id, int page, int per_page, int shift) {
  const int total = tunebook_size(member_id);
  const int pages = std::max(1, (total + per_page - 1) / per_page);
  json tunes = json::array();
  // `shift` moves the window, as when tunes are added while a client pages.
  const int first = (page - 1) * per_page - shift;
  for (int i = std::max(0, first); i < std::min(total, first + per_page); ++i) {
    tunes.push_back(tune_summary(tunebook_tune_id(member_id, i)));
  }
  const json doc = {{"format", "json"},
                    {"pages", pages},
                    {"page", page},
                    {"total", total},
                    {"member", {{"id", member_id}, {"name", member_name(member_id)},
                                {"url", "https://thesession.org/members/" + std::to_string(member_id)}}},
                    {"tunes", std::move(tunes)}};
  return doc.dump();
}

std::string member_json(int64_t member_id) {
  return json{{"id", member_id}, {"name", member_name(member_id)},
              {"url", "https://thesession.org/members/" + std::to_string(member_id)},
              {"format", "json"}}.dump();
}

std::string tune_json(int64_t id) {
  json settings = json::array();
  const int count = 1 + static_cast<int>(mix(static_cast<uint64_t>(id) + 17) % 3);
  for (int s = 0; s < count; ++s) {
    settings.push_back({{"id", id * 10 + s}, {"key", tune_key(id, s)}, {"abc", tune_abc(id, s)},
                        {"member", {{"id", kFirstMember + s}, {"name", member_name(kFirstMember + s)}}}});
  }
  json doc = tune_summary(id);
  doc["format"] = "json";
  doc["tunebooks"] = tune_popularity(id);
  doc["recordings"] = tune_popularity(id) / 10;
  doc["aliases"] = tune_aliases(id);
  doc["settings"] = std::move(settings);
  return doc.dump();
}

std::string search_json(const std::string& query, const std::string& type, int page, int per_page) {
  const std::string needle = fold_for_search(query);
  const std::string wanted_type = normalise_tune_type(type);
  std::vector<int64_t> hits;
  for (int64_t id = 1; id <= kTuneCount; ++id) {
    if (!wanted_type.empty() && tune_type(id) != wanted_type) continue;
    if (!needle.empty() && !folded_contains(fold_for_search(tune_name(id)), needle)) continue;
    hits.push_back(id);
  }
  const int total = static_cast<int>(hits.size());
  const int pages = std::max(1, (total + per_page - 1) / per_page);
  json tunes = json::array();
  for (int i = (page - 1) * per_page; i < std::min(total, page * per_page); ++i) {
    if (i >= 0) tunes.push_back(tune_summary(hits[static_cast<size_t>(i)]));
  }
  return json{{"format", "json"}, {"q", query}, {"total", total}, {"pages", pages}, {"page", page},
              {"tunes", std::move(tunes)}}.dump();
}

}  // namespace tt::fake
