// The device sync's merge (core/device_merge.h): each rule a musician relies
// on when the phone and the laptop both changed the collection, and that
// every device ends with the same collection whatever order, batches and
// repeats the changes arrive in.
#include "core/device_merge.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "core/time_format.h"
#include "tests/unit/device_test_support.h"

namespace tt {
namespace {

using namespace device_testing;

TEST(DeviceMerge, TheLaterValueWinsWhicheverArrivesFirst) {
  const auto learning = on(kPhone, kT, TuneFieldChange{5, "learn_status", "learning"});
  const auto learned = on(kLaptop, kT + 1000, TuneFieldChange{5, "learn_status", "learned"});
  EXPECT_EQ(merged({learning, learned}).tunes.at(5).fields.at("learn_status"), "learned");
  EXPECT_EQ(merged({learned, learning}).tunes.at(5).fields.at("learn_status"), "learned");
  // The same moment on both: the device id decides, the same way everywhere.
  const auto same_time = on(kPhone, kT + 1000, TuneFieldChange{5, "learn_status", "want_to_learn"});
  EXPECT_EQ(merged({same_time, learned}).tunes.at(5).fields.at("learn_status"), "learned");
  EXPECT_EQ(merged({learned, same_time}).tunes.at(5).fields.at("learn_status"), "learned");
}

TEST(DeviceMerge, HeardPressesOnEveryDeviceAddUpAndUndosTakeOneBack) {
  const auto m = merged({on(kPhone, kT, HeardChange{5, 1}), on(kPhone, kT + 1, HeardChange{5, 1}),
                         on(kLaptop, kT, HeardChange{5, 1}), on(kLaptop, kT + 2, HeardChange{5, -1}),
                         on(kTablet, kT + 3, HeardChange{5, 1})});
  EXPECT_EQ(m.tunes.at(5).heard, 3);
}

TEST(DeviceMerge, NotesWrittenOnTheNotesSeenReplaceThem) {
  const auto m = merged({on(kPhone, kT, NotesChange{5, "", "Roll on the long A"}),
                         on(kLaptop, kT + 60000, NotesChange{5, "Roll on the long A", "Roll on the long A, cut the D"})});
  EXPECT_EQ(m.tunes.at(5).notes, "Roll on the long A, cut the D");
  EXPECT_TRUE(m.conflicts.empty());
}

TEST(DeviceMerge, NotesWrittenOnTwoDevicesAtOnceKeepBothTexts) {
  const auto phone = on(kPhone, kT, NotesChange{5, "", "Roll on the long A"});
  const auto laptop = on(kLaptop, kT + 60000, NotesChange{5, "", "Learn the B part first"});
  for (const auto& order : {std::vector<DeviceChange>{phone, laptop}, std::vector<DeviceChange>{laptop, phone}}) {
    const auto m = merged(order, {{kPhone, "Phone"}});
    EXPECT_EQ(m.tunes.at(5).notes,
              "Learn the B part first\n\n--- also written on Phone at 2025-11-29T10:00:00Z ---\nRoll on the long A");
    ASSERT_EQ(m.conflicts.size(), 1u);
    EXPECT_EQ(m.conflicts[0].tune_id, 5);
    EXPECT_EQ(m.conflicts[0].kept_text, "Roll on the long A");
    EXPECT_EQ(m.conflicts[0].kept_device, kPhone);
    EXPECT_EQ(m.conflicts[0].kept_at_ms, kT);
  }
  // Notes emptied on one device while the other wrote: the text is kept.
  const auto emptied = merged({phone, on(kLaptop, kT + 60000, NotesChange{5, "older", ""})});
  EXPECT_NE(emptied.tunes.at(5).notes.find("Roll on the long A"), std::string::npos);
}

TEST(DeviceMerge, RatingsAreTheUnionLessTheUndoneAndCardsAreTheirReplay) {
  const FsrsParameters params;
  const auto m = merged({on(kPhone, kT, RatingGiven{"p1", 5, kT, Rating::Good}),
                         on(kLaptop, kT + 2 * kDayMs, RatingGiven{"l1", 5, kT + 2 * kDayMs, Rating::Hard}),
                         on(kPhone, kT + 5 * kDayMs, RatingGiven{"p2", 5, kT + 5 * kDayMs, Rating::Again}),
                         on(kLaptop, kT + 5 * kDayMs + 1, RatingUndone{"p2"}),
                         on(kTablet, kT + 3 * kDayMs, RatingGiven{"t1", 9, kT + 3 * kDayMs, Rating::Easy})});
  EXPECT_EQ(m.ratings.size(), 3u);
  EXPECT_FALSE(m.ratings.count("p2"));
  const auto cards = replay_cards(m, params);
  // As one device rating both in turn would have it.
  CardMemory five = review(params, new_card(kT), Rating::Good, kT);
  five = review(params, five, Rating::Hard, kT + 2 * kDayMs);
  EXPECT_EQ(cards.at(5).due_ms, five.due_ms);
  EXPECT_EQ(cards.at(5).reps, five.reps);
  EXPECT_EQ(cards.at(9).due_ms, review(params, new_card(kT + 3 * kDayMs), Rating::Easy, kT + 3 * kDayMs).due_ms);
}

TEST(DeviceMerge, ARemovalAndAChangeOfTheSameTuneTheLaterWins) {
  const auto removed = on(kPhone, kT + 1000, TuneRemoved{5});
  EXPECT_TRUE(merged({on(kLaptop, kT, HeardChange{5, 1}), removed}).tunes.at(5).removed);
  const auto back = merged({removed, on(kLaptop, kT + 2000, TuneFieldChange{5, "learn_status", "learning"})});
  EXPECT_FALSE(back.tunes.at(5).removed);
  // A removed tune's ratings leave practice with it.
  const auto m = merged({on(kLaptop, kT, RatingGiven{"l1", 5, kT, Rating::Good}), removed});
  EXPECT_TRUE(replay_cards(m, {}).empty());
}

TEST(DeviceMerge, SetsMergeNameAndNotesByFieldAndTheEntryListWhole) {
  const auto m = merged({on(kPhone, kT, SetFieldChange{"s3", "name", "Kesh set"}),
                         on(kLaptop, kT + 10, SetFieldChange{"s3", "notes", "Start slow"}),
                         on(kPhone, kT + 20, SetEntriesChange{"s3", nlohmann::json::array({5, 9})}),
                         on(kLaptop, kT + 30, SetEntriesChange{"s3", nlohmann::json::array({9, 5, 12})})});
  const MergedSet& set = m.sets.at("s3");
  EXPECT_EQ(set.fields.at("name"), "Kesh set");
  EXPECT_EQ(set.fields.at("notes"), "Start slow");
  EXPECT_EQ(set.entries, nlohmann::json::array({9, 5, 12}));
  EXPECT_TRUE(merged({on(kPhone, kT, SetFieldChange{"s3", "name", "x"}), on(kLaptop, kT + 1, SetRemoved{"s3"})})
                  .sets.at("s3").removed);
}

TEST(DeviceMerge, PracticeLimitsTravelAndOneDevicesOwnSettingsDoNot) {
  const auto m = merged({on(kPhone, kT, SettingChange{"practice.per_day", "12"}),
                         on(kLaptop, kT + 1, SettingChange{"practice.per_day", "15"}),
                         on(kLaptop, kT + 2, SettingChange{"keep.last_export_ms", "123"})});
  EXPECT_EQ(m.settings.at("practice.per_day"), "15");
  EXPECT_FALSE(m.settings.count("keep.last_export_ms"));
}

TEST(DeviceMerge, ARepeatedChangeCountsOnce) {
  DeviceMerge merge;
  const auto press = on(kPhone, kT, HeardChange{5, 1});
  EXPECT_EQ(merge.add({press, press}), 1u);
  EXPECT_EQ(merge.add({press}), 0u);
  EXPECT_EQ(merge.collection().tunes.at(5).heard, 1);
}

TEST(DeviceMerge, ThreeDevicesConvergeWhateverTheOrderBatchesAndRepeatsOfArrival) {
  std::mt19937 rng(20261206);
  for (int history = 0; history < 1000; ++history) {
    std::vector<DeviceChange> changes = random_history(rng);
    // The reference: every change once, applied in stamp order.
    std::vector<DeviceChange> in_order = changes;
    std::sort(in_order.begin(), in_order.end(), [](const auto& a, const auto& b) { return a.at < b.at; });
    in_order.erase(std::unique(in_order.begin(), in_order.end(), [](const auto& a, const auto& b) { return a.at == b.at; }),
                   in_order.end());
    const nlohmann::json expected = seen(merged(in_order));
    // Independently of the merge's own fold: the "+" counts add up, and the
    // ratings are those given and never undone.
    std::map<int64_t, int64_t> heard;
    std::set<std::string> given, undone;
    for (const auto& c : in_order) {
      if (const auto* h = std::get_if<HeardChange>(&c.body)) heard[h->tune_id] += h->delta;
      if (const auto* r = std::get_if<RatingGiven>(&c.body)) given.insert(r->uid);
      if (const auto* u = std::get_if<RatingUndone>(&c.body)) undone.insert(u->uid);
    }
    const MergedCollection reference = merged(in_order);
    for (const auto& [tune, count] : heard) ASSERT_EQ(reference.tunes.at(tune).heard, count);
    for (const auto& uid : given) ASSERT_EQ(reference.ratings.count(uid), undone.count(uid) ? 0u : 1u);

    // Three devices receive them shuffled, in batches, some twice.
    for (int device = 0; device < 3; ++device) {
      std::vector<DeviceChange> arrivals = changes;
      for (const auto& c : changes) {
        if (rng() % 4 == 0) arrivals.push_back(c);
      }
      std::shuffle(arrivals.begin(), arrivals.end(), rng);
      DeviceMerge merge;
      for (size_t start = 0; start < arrivals.size();) {
        const size_t batch = 1 + rng() % 7;
        merge.add({arrivals.begin() + static_cast<long>(start),
                   arrivals.begin() + static_cast<long>(std::min(arrivals.size(), start + batch))});
        start += batch;
      }
      ASSERT_EQ(merge.size(), in_order.size());
      ASSERT_EQ(seen(merge.collection()), expected) << "history " << history << ", device " << device;
    }
  }
}

}  // namespace
}  // namespace tt
