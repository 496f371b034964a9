// This device's changes for the device sync, derived from its change log
// (core/device_outbox.h): each action a musician takes becomes only what it
// changed, in the form the merge needs, and what the sync itself brought in
// is never sent back.
#include "core/device_outbox.h"

#include <gtest/gtest.h>

#include "core/device_file.h"

namespace tt {
namespace {

using nlohmann::json;

const std::string kPhone = "11111111111111111111111111111111";
constexpr int64_t kT = 1764410400000;  // 2025-11-29 10:00 UTC

class Outbox {
 public:
  // The changes of one record made on the phone at kT + seq seconds.
  std::vector<DeviceChange> record(const std::string& action, json changes) {
    ChangeRecord r;
    r.seq = ++seq_;
    r.hlc = {kT + seq_ * 1000, 0};
    r.device = kPhone;
    r.action = action;
    r.changes = std::move(changes);
    auto out = device_changes_of(r, memory_, uids_);
    all_.insert(all_.end(), out.begin(), out.end());
    return out;
  }
  const std::vector<DeviceChange>& all() const { return all_; }
  DeviceUids uids_{kPhone, {}, {}};

 private:
  int64_t seq_ = 0;
  OutboxMemory memory_;
  std::vector<DeviceChange> all_;
};

json entry(int64_t tune, const std::string& status, int64_t heard, const std::string& notes, json learned_at = nullptr) {
  return {{"tune_id", tune}, {"learn_status", status}, {"heard_count", heard}, {"notes", notes},
          {"learned_at", learned_at}, {"setting_id", nullptr}, {"created_at", kT}, {"updated_at", kT},
          {"source", "manual"}, {"in_tunebook", 0}};
}
json puts(const char* kind, json object) { return {{kind, {{"put", json::array({std::move(object)})}}}}; }
json removes(const char* kind, json key) { return {{kind, {{"removed", json::array({std::move(key)})}}}}; }

template <typename T>
const T& body(const DeviceChange& c) {
  return std::get<T>(c.body);
}

TEST(DeviceOutbox, ATuneAddedSendsEverythingAMusicianSetsOnIt) {
  Outbox box;
  json tune = {{"id", 5}, {"name", "The Kesh"}, {"type", "jig"}, {"key", "Gmajor"}, {"url", "https://thesession.org/tunes/5"},
               {"tunebooks", 900}, {"aliases", "[\"Kesh Jig\"]"}, {"settings", "[]"}, {"details_fetched_at", nullptr}};
  json changes = puts("tunes", tune);
  changes["collection"] = {{"put", json::array({entry(5, "learning", 2, "from Mary")})}};
  const auto out = box.record("add_tune", changes);
  std::map<std::string, json> fields;
  int64_t heard = 0;
  std::string notes;
  for (const auto& c : out) {
    if (auto* f = std::get_if<TuneFieldChange>(&c.body)) fields[f->field] = f->value;
    if (auto* h = std::get_if<HeardChange>(&c.body)) heard += h->delta;
    if (auto* n = std::get_if<NotesChange>(&c.body)) notes = n->text;
  }
  EXPECT_EQ(fields.at("name"), "The Kesh");
  EXPECT_EQ(fields.at("aliases"), json::array({"Kesh Jig"})) << "aliases travel as a list";
  EXPECT_EQ(fields.at("tunebooks"), 900);
  EXPECT_EQ(fields.at("learn_status"), "learning");
  EXPECT_TRUE(fields.at("learned_at").is_null());
  EXPECT_EQ(fields.count("settings"), 0u) << "the ABC is fetched by each device, not sent";
  EXPECT_EQ(heard, 2);
  EXPECT_EQ(notes, "from Mary");
  for (size_t i = 0; i < out.size(); ++i) {
    EXPECT_EQ(out[i].at.device, kPhone);
    EXPECT_EQ(out[i].at.hlc, (HlcStamp{kT + 1000, 0}));
    EXPECT_EQ(out[i].at.index, static_cast<int>(i)) << "one order for the changes of one action";
  }
}

TEST(DeviceOutbox, AStatusChangeSendsOnlyWhatChanged) {
  Outbox box;
  box.record("add_tune", puts("collection", entry(5, "learning", 0, "")));
  const auto out = box.record("set_status", puts("collection", entry(5, "learned", 0, "", kT + 2000)));
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(body<TuneFieldChange>(out[0]).field, "learn_status");
  EXPECT_EQ(body<TuneFieldChange>(out[0]).value, "learned");
  EXPECT_EQ(body<TuneFieldChange>(out[1]).field, "learned_at");
  EXPECT_EQ(body<TuneFieldChange>(out[1]).value, kT + 2000);
  EXPECT_TRUE(box.record("set_status", puts("collection", entry(5, "learned", 0, "", kT + 2000))).empty())
      << "writing the same values again sends nothing";
}

TEST(DeviceOutbox, HeardPressesTravelAsDeltasSoEveryDevicesPressesAddUp) {
  Outbox box;
  box.record("add_tune", puts("collection", entry(5, "want_to_learn", 0, "")));
  const auto first = box.record("heard", puts("collection", entry(5, "want_to_learn", 1, "")));
  const auto second = box.record("heard", puts("collection", entry(5, "want_to_learn", 2, "")));
  const auto undo = box.record("heard_undo", puts("collection", entry(5, "want_to_learn", 1, "")));
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(body<HeardChange>(first[0]).delta, 1);
  EXPECT_EQ(body<HeardChange>(second[0]).delta, 1);
  EXPECT_EQ(body<HeardChange>(undo[0]).delta, -1);
}

TEST(DeviceOutbox, NotesCarryTheTextThisDeviceHadSeen) {
  Outbox box;
  box.record("add_tune", puts("collection", entry(5, "learning", 0, "first")));
  const auto out = box.record("notes", puts("collection", entry(5, "learning", 0, "second")));
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(body<NotesChange>(out[0]).seen, "first");
  EXPECT_EQ(body<NotesChange>(out[0]).text, "second");
}

TEST(DeviceOutbox, ARemovedTuneIsSentAsRemoved) {
  Outbox box;
  box.record("add_tune", puts("collection", entry(5, "learning", 0, "")));
  const auto out = box.record("remove_tune", removes("collection", 5));
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(body<TuneRemoved>(out[0]).tune_id, 5);
  const auto back = box.record("add_tune", puts("collection", entry(5, "learning", 0, "")));
  EXPECT_FALSE(back.empty()) << "added again after its removal: sent whole again";
}

json rating_row(int64_t id, int64_t tune, const std::string& rating, const std::string& origin = "rated") {
  return {{"id", id}, {"tune_id", tune}, {"at", kT + id}, {"rating", rating}, {"before", "{}"}, {"after", "{}"},
          {"origin", origin}, {"tune_removed", 0}, {"set_id", nullptr}};
}

TEST(DeviceOutbox, ARatingIsSentOnceUnderAUidEveryDeviceSharesAndItsUndoUnderTheSame) {
  Outbox box;
  const auto given = box.record("rate", puts("ratings", rating_row(7, 5, "good")));
  ASSERT_EQ(given.size(), 1u);
  const auto& r = body<RatingGiven>(given[0]);
  EXPECT_EQ(r.uid, kPhone + "-r7");
  EXPECT_EQ(r.tune_id, 5);
  EXPECT_EQ(r.at_ms, kT + 7);
  EXPECT_EQ(r.rating, Rating::Good);
  json later = rating_row(7, 5, "good");
  later["tune_removed"] = 1;
  EXPECT_TRUE(box.record("remove_tune", puts("ratings", later)).empty()) << "a rating is given once";
  const auto undone = box.record("undo_rating", removes("ratings", 7));
  ASSERT_EQ(undone.size(), 1u);
  EXPECT_EQ(body<RatingUndone>(undone[0]).uid, kPhone + "-r7");
  const auto imported = box.record("import", puts("ratings", rating_row(8, 5, "easy", "imported")));
  ASSERT_EQ(imported.size(), 1u) << "imported history travels too";
  EXPECT_EQ(body<RatingGiven>(imported[0]).uid, "imported-5-" + std::to_string(kT + 8) + "-easy")
      << "named by what it is: the same export imported on two devices is one history";
}

TEST(DeviceOutbox, WhatTheSyncBroughtInIsNeverSentBackButLaterChangesAreMeasuredFromIt) {
  Outbox box;
  box.uids_.ratings[9] = "22222222222222222222222222222222-r3";  // the laptop's rating, kept here as row 9
  EXPECT_TRUE(box.record(kDeviceSyncAction, puts("collection", entry(5, "learning", 3, "laptop's notes"))).empty());
  EXPECT_TRUE(box.record(kDeviceSyncAction, puts("ratings", rating_row(9, 5, "hard"))).empty());
  const auto pressed = box.record("heard", puts("collection", entry(5, "learning", 4, "laptop's notes")));
  ASSERT_EQ(pressed.size(), 1u);
  EXPECT_EQ(body<HeardChange>(pressed[0]).delta, 1) << "one press here, not four";
  const auto undone = box.record("undo_rating", removes("ratings", 9));
  ASSERT_EQ(undone.size(), 1u);
  EXPECT_EQ(body<RatingUndone>(undone[0]).uid, "22222222222222222222222222222222-r3")
      << "undoing the laptop's rating here undoes it everywhere";
}

json set_row(int64_t id, const std::string& name, const std::string& notes, json entries) {
  return {{"id", id}, {"name", name}, {"notes", notes}, {"created_at", kT}, {"updated_at", kT},
          {"thesession_id", nullptr}, {"thesession_url", ""}, {"entries", std::move(entries)}};
}
json set_entry(int position, int64_t tune) {
  return {{"position", position}, {"tune_id", tune}, {"setting_id", nullptr}, {"key", ""}};
}

TEST(DeviceOutbox, ASetSendsItsNameNotesAndEntriesEachOnlyWhenChanged) {
  Outbox box;
  const auto made = box.record("make_set", puts("sets", set_row(3, "Kesh set", "", json::array({set_entry(0, 5)}))));
  ASSERT_EQ(made.size(), 3u);
  EXPECT_EQ(body<SetFieldChange>(made[0]).set_uid, kPhone + "-s3");
  const auto renamed = box.record("rename_set", puts("sets", set_row(3, "Kesh and Banish", "", json::array({set_entry(0, 5)}))));
  ASSERT_EQ(renamed.size(), 1u);
  EXPECT_EQ(body<SetFieldChange>(renamed[0]).field, "name");
  const auto grown = box.record("add_to_set", puts("sets", set_row(3, "Kesh and Banish", "", json::array({set_entry(0, 5), set_entry(1, 6)}))));
  ASSERT_EQ(grown.size(), 1u);
  EXPECT_EQ(body<SetEntriesChange>(grown[0]).entries,
            json::parse(R"([{"tune":5,"setting":null,"key":""},{"tune":6,"setting":null,"key":""}])"));
  const auto gone = box.record("remove_set", removes("sets", 3));
  ASSERT_EQ(gone.size(), 1u);
  EXPECT_EQ(body<SetRemoved>(gone[0]).set_uid, kPhone + "-s3");
}

TEST(DeviceOutbox, ASetFromThesessionIsNamedByItsIdThereSoEveryDeviceThatBringsItInHoldsOne) {
  Outbox box;
  json row = set_row(4, "Kesh set", "", json::array({set_entry(0, 5)}));
  row["thesession_id"] = 12345;
  const auto made = box.record("sync_sets", puts("sets", row));
  ASSERT_FALSE(made.empty());
  EXPECT_EQ(body<SetFieldChange>(made[0]).set_uid, "thesession-12345");
  const auto gone = box.record("remove_set", removes("sets", 4));
  ASSERT_EQ(gone.size(), 1u);
  EXPECT_EQ(body<SetRemoved>(gone[0]).set_uid, "thesession-12345");
}

TEST(DeviceOutbox, OnlyThePracticeSettingsThatChangedAreSent) {
  Outbox box;
  const auto first = box.record("settings", {{"settings", {{"all", json::array({
      {{"key", "practice.new_per_day"}, {"value", "5"}}, {{"key", "member_id"}, {"value", "100300"}},
      {{"key", "practice.queue_day"}, {"value", "2025-11-29"}}, {{"key", "keep.last_export_ms"}, {"value", "123"}}})}}}});
  ASSERT_EQ(first.size(), 1u) << "the member, the queue's day and a device's own settings stay on it";
  EXPECT_EQ(body<SettingChange>(first[0]).key, "practice.new_per_day");
  const auto second = box.record("settings", {{"settings", {{"all", json::array({
      {{"key", "practice.new_per_day"}, {"value", "5"}}, {{"key", "practice.per_day"}, {"value", "40"}}})}}}});
  ASSERT_EQ(second.size(), 1u);
  EXPECT_EQ(body<SettingChange>(second[0]).key, "practice.per_day");
}

// The shell keeps the memory keyed and reads only what a sync's records hold
// (outbox_keys_of): deriving from that part gives exactly what the whole
// memory gives, and writing that part back keeps the memory whole.
TEST(DeviceOutbox, AMemoryOfOnlyTheThingsTheRecordsHoldDerivesTheSameChanges) {
  std::vector<json> records = {
      puts("collection", entry(5, "learning", 1, "")),
      puts("collection", entry(6, "want_to_learn", 0, "")),
      puts("ratings", rating_row(7, 5, "good")),
      puts("collection", entry(5, "learning", 3, "roll")),
      puts("collection", entry(8, "learning", 2, "from the laptop")),  // written by the sync (below)
      puts("collection", entry(8, "learning", 3, "from the laptop")),
      puts("sets", set_row(1, "Kesh set", "", json::array({set_entry(0, 5)}))),
      removes("ratings", 7),
      puts("sets", set_row(1, "Kesh set", "Tuesdays", json::array({set_entry(0, 5), set_entry(1, 6)}))),
      removes("collection", 6),
      {{"settings", {{"all", json::array({{{"key", "practice.per_day"}, {"value", "12"}}})}}}},
  };
  OutboxMemory whole, kept;  // `kept`: what the shell's table holds between syncs
  const DeviceUids uids{kPhone, {}, {}};
  for (size_t i = 0; i < records.size(); ++i) {
    ChangeRecord r;
    r.seq = static_cast<int64_t>(i + 1);
    r.hlc = {kT + r.seq * 1000, 0};
    r.device = kPhone;
    r.action = i == 4 ? kDeviceSyncAction : "edit";
    r.changes = records[i];
    const auto from_whole = device_changes_of(r, whole, uids);
    OutboxMemory part;
    part.settings = kept.settings;
    const auto keys = outbox_keys_of({r});
    for (const auto& key : keys.to_read) {
      if (kept.last.count(key)) part.last[key] = kept.last.at(key);
    }
    const auto from_part = device_changes_of(r, part, uids);
    EXPECT_EQ(device_file_text(kPhone, from_part), device_file_text(kPhone, from_whole)) << "record " << i + 1;
    for (const auto& key : keys.to_save) {
      if (part.last.count(key)) kept.last[key] = part.last.at(key);
      else kept.last.erase(key);
    }
    kept.settings = part.settings;
  }
  EXPECT_EQ(kept.last, whole.last);
  EXPECT_EQ(kept.settings, whole.settings);
  // A thing first met in the sync's own record is saved, never read.
  ChangeRecord by_sync;
  by_sync.action = kDeviceSyncAction;
  by_sync.changes = puts("collection", entry(9, "learning", 1, ""));
  ChangeRecord pressed;
  pressed.action = "heard";
  pressed.changes = puts("collection", entry(9, "learning", 2, ""));
  const auto keys = outbox_keys_of({by_sync, pressed});
  EXPECT_TRUE(keys.to_read.empty());
  EXPECT_EQ(keys.to_save, (std::set<OutboxKey>{{"collection", "9"}}));
  EXPECT_EQ(outbox_keys_of({pressed, by_sync}).to_read, (std::set<OutboxKey>{{"collection", "9"}}));
}

TEST(DeviceOutbox, WhatItSendsMergesIntoTheCollectionThisDeviceHolds) {
  Outbox box;
  box.record("add_tune", puts("collection", entry(5, "want_to_learn", 0, "")));
  box.record("heard", puts("collection", entry(5, "want_to_learn", 1, "")));
  box.record("notes", puts("collection", entry(5, "want_to_learn", 1, "starts on D")));
  box.record("set_status", puts("collection", entry(5, "learning", 1, "starts on D")));
  box.record("heard", puts("collection", entry(5, "learning", 2, "starts on D")));
  DeviceMerge merge;
  merge.add(box.all());
  const auto tune = merge.collection().tunes.at(5);
  EXPECT_EQ(tune.fields.at("learn_status"), "learning");
  EXPECT_EQ(tune.heard, 2);
  EXPECT_EQ(tune.notes, "starts on D");
  EXPECT_TRUE(merge.collection().conflicts.empty());
}

TEST(DeviceOutbox, WhatItSendsIsAFileEveryOtherDeviceAccepts) {
  Outbox box;
  json tune = {{"id", 5}, {"name", "The Kesh"}, {"type", "jig"}, {"key", "Gmajor"}, {"url", "https://thesession.org/tunes/5"},
               {"tunebooks", 900}, {"aliases", "[\"Kesh Jig\"]"}};
  json changes = puts("tunes", tune);
  changes["collection"] = {{"put", json::array({entry(5, "learned", 2, "notes", kT)})}};
  box.record("add_tune", changes);
  box.record("rate", puts("ratings", rating_row(7, 5, "good")));
  box.record("make_set", puts("sets", set_row(3, "Kesh set", "for Tuesdays", json::array({set_entry(0, 5)}))));
  box.record("settings", {{"settings", {{"all", json::array({{{"key", "practice.new_per_day"}, {"value", "5"}}})}}}});
  const auto parsed = parse_device_file(device_file_text(kPhone, box.all()));
  ASSERT_TRUE(parsed) << parsed.error;
  EXPECT_EQ(parsed->changes.size(), box.all().size());
}

}  // namespace
}  // namespace tt
