#include "core/device_merge.h"

#include <algorithm>
#include <type_traits>

#include "core/change_record.h"
#include "core/time_format.h"

namespace tt {
namespace {

// Applies one change, in stamp order, to the collection so far.
class Fold {
 public:
  Fold(MergedCollection& out, const std::map<std::string, std::string>& names) : out_(out), names_(names) {}

  void operator()(const DeviceStamp&, const TuneFieldChange& c) { touch(c.tune_id).fields[c.field] = c.value; }
  void operator()(const DeviceStamp&, const HeardChange& c) { touch(c.tune_id).heard += c.delta; }
  void operator()(const DeviceStamp& at, const NotesChange& c) {
    MergedTune& tune = touch(c.tune_id);
    const bool saw_them = c.seen == tune.notes;
    if (!saw_them && c.text != tune.notes && !tune.notes.empty()) {
      // Written at once on two devices: neither text is lost.
      const int64_t kept_at = tune.notes_at.hlc.wall_ms;
      out_.conflicts.push_back({c.tune_id, tune.notes, tune.notes_at.device, kept_at, at});
      const std::string kept = kept_notes_heading(name_of(tune.notes_at.device), kept_at) + "\n" + tune.notes;
      tune.notes = c.text.empty() ? kept : c.text + "\n\n" + kept;
    } else {
      tune.notes = c.text;
    }
    tune.notes_at = at;
  }
  void operator()(const DeviceStamp&, const TuneRemoved& c) { out_.tunes[c.tune_id].removed = true; }
  void operator()(const DeviceStamp&, const RatingGiven& c) {
    touch(c.tune_id);
    if (!undone_.count(c.uid)) out_.ratings[c.uid] = c;
  }
  void operator()(const DeviceStamp&, const RatingUndone& c) {
    undone_.insert(c.uid);
    out_.ratings.erase(c.uid);
  }
  void operator()(const DeviceStamp&, const SetFieldChange& c) { touch_set(c.set_uid).fields[c.field] = c.value; }
  void operator()(const DeviceStamp&, const SetEntriesChange& c) { touch_set(c.set_uid).entries = c.entries; }
  void operator()(const DeviceStamp&, const SetRemoved& c) { out_.sets[c.set_uid].removed = true; }
  void operator()(const DeviceStamp&, const SettingChange& c) {
    if (!is_device_setting(c.key)) out_.settings[c.key] = c.value;
  }

 private:
  // A change to a tune or set after its removal brings it back: the later wins.
  MergedTune& touch(int64_t tune_id) {
    MergedTune& tune = out_.tunes[tune_id];
    tune.removed = false;
    return tune;
  }
  MergedSet& touch_set(const std::string& set_uid) {
    MergedSet& set = out_.sets[set_uid];
    set.removed = false;
    return set;
  }
  std::string name_of(const std::string& device) const {
    const auto it = names_.find(device);
    return it == names_.end() || it->second.empty() ? device : it->second;
  }

  MergedCollection& out_;
  const std::map<std::string, std::string>& names_;
  std::set<std::string> undone_;  // an undo seen before its rating (stamps from a wrong clock) still holds
};

}  // namespace

std::string kept_notes_heading(const std::string& device_name, int64_t at_ms) {
  return "--- also written on " + device_name + " at " + format_iso8601_utc(at_ms) + " ---";
}

size_t DeviceMerge::add(const std::vector<DeviceChange>& changes) {
  size_t added = 0;
  for (const DeviceChange& change : changes) added += changes_.insert(change).second ? 1 : 0;
  return added;
}

MergedCollection DeviceMerge::collection(const std::map<std::string, std::string>& device_names) const {
  MergedCollection out;
  Fold fold(out, device_names);
  for (const DeviceChange& change : changes_) {
    std::visit([&](const auto& body) { fold(change.at, body); }, change.body);
  }
  return out;
}

std::vector<DeviceChange> DeviceMerge::compacted() const {
  // What a later change of the same key replaces (the key names the kind,
  // the tune or set, and the field): only the latest is kept.
  std::map<std::string, const DeviceChange*> latest;
  std::map<int64_t, std::pair<const DeviceChange*, int64_t>> heard;  // tune -> (latest press, total)
  std::vector<const DeviceChange*> kept;
  const auto keep_latest = [&](std::string key, const DeviceChange& change) { latest[std::move(key)] = &change; };
  for (const DeviceChange& change : changes_) {  // in stamp order: a later one overwrites
    std::visit(
        [&](const auto& body) {
          using T = std::decay_t<decltype(body)>;
          if constexpr (std::is_same_v<T, TuneFieldChange>) keep_latest("f" + std::to_string(body.tune_id) + " " + body.field, change);
          else if constexpr (std::is_same_v<T, TuneRemoved>) keep_latest("r" + std::to_string(body.tune_id), change);
          else if constexpr (std::is_same_v<T, SetFieldChange>) keep_latest("sf" + body.set_uid + " " + body.field, change);
          else if constexpr (std::is_same_v<T, SetEntriesChange>) keep_latest("se" + body.set_uid, change);
          else if constexpr (std::is_same_v<T, SetRemoved>) keep_latest("sr" + body.set_uid, change);
          else if constexpr (std::is_same_v<T, SettingChange>) keep_latest("k" + body.key, change);
          else if constexpr (std::is_same_v<T, HeardChange>) {
            auto& [last, total] = heard[body.tune_id];
            last = &change;
            total += body.delta;
          } else {
            kept.push_back(&change);  // notes, ratings, undos
          }
        },
        change.body);
  }
  for (const auto& [key, change] : latest) kept.push_back(change);
  std::vector<DeviceChange> out;
  out.reserve(kept.size() + heard.size());
  for (const DeviceChange* change : kept) out.push_back(*change);
  for (const auto& [tune_id, press] : heard) {
    out.push_back({press.first->at, HeardChange{tune_id, static_cast<int>(press.second)}});
  }
  std::sort(out.begin(), out.end(), [](const DeviceChange& a, const DeviceChange& b) { return a.at < b.at; });
  return out;
}

std::map<int64_t, CardMemory> replay_cards(const MergedCollection& merged, const FsrsParameters& parameters) {
  std::map<int64_t, std::vector<const RatingGiven*>> by_tune;
  for (const auto& [uid, rating] : merged.ratings) {
    const auto tune = merged.tunes.find(rating.tune_id);
    if (tune != merged.tunes.end() && !tune->second.removed) by_tune[rating.tune_id].push_back(&rating);
  }
  std::map<int64_t, CardMemory> cards;
  for (auto& [tune_id, ratings] : by_tune) {
    std::sort(ratings.begin(), ratings.end(), [](const RatingGiven* a, const RatingGiven* b) {
      return a->at_ms != b->at_ms ? a->at_ms < b->at_ms : a->uid < b->uid;
    });
    CardMemory card = new_card(ratings.front()->at_ms);
    for (const RatingGiven* r : ratings) card = review(parameters, card, r->rating, r->at_ms);
    cards[tune_id] = card;
  }
  return cards;
}

}  // namespace tt
