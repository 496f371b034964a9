// The device sync's change files (core/device_file.h): what one device writes
// every other reads back exactly, and a file that is malformed, too large,
// from a newer format or hostile is refused whole, saying what is wrong.
#include "core/device_file.h"

#include <gtest/gtest.h>

namespace tt {
namespace {

const std::string kPhone = "0123456789abcdef0123456789abcdef";

DeviceChange at(int64_t wall_ms, int index, DeviceChangeBody body) { return {{{wall_ms, 3}, kPhone, index}, std::move(body)}; }

std::vector<DeviceChange> one_of_each() {
  return {at(1764410400000, 0, TuneFieldChange{5, "learn_status", "learning"}),
          at(1764410400000, 1, TuneFieldChange{5, "learned_at", nullptr}),
          at(1764410400001, 0, TuneFieldChange{5, "aliases", nlohmann::json::array({"Kesh Jig", "Castle Jig"})}),
          at(1764410400002, 0, HeardChange{5, -1}),
          at(1764410400003, 0, NotesChange{5, "Roll", "Roll on the long A \xE2\x99\xAA"}),
          at(1764410400004, 0, TuneRemoved{9}),
          at(1764410400005, 0, RatingGiven{"0123-1764410400005", 5, 1764410400005, Rating::Hard}),
          at(1764410400006, 0, RatingUndone{"0123-1764410400005"}),
          at(1764410400007, 0, SetFieldChange{"s-1", "name", "Kesh set"}),
          at(1764410400008, 0, SetEntriesChange{"s-1", nlohmann::json::parse(R"([{"tune":5,"setting":null,"key":"Gmajor"}])")}),
          at(1764410400009, 0, SetRemoved{"s-2"}),
          at(1764410400010, 0, SettingChange{"practice.per_day", "12"})};
}

// The file of one_of_each() with `change` (JSON) in place of the first change.
std::string with_change(const std::string& change) {
  std::string text = device_file_text(kPhone, one_of_each());
  const size_t start = text.find("[{") + 1;
  const size_t end = text.find("},{", start) + 1;
  return text.replace(start, end - start, change);
}

std::string refusal(std::string_view text) {
  const auto parsed = parse_device_file(text);
  EXPECT_FALSE(parsed) << text.substr(0, 200);
  EXPECT_TRUE(parsed.value.changes.empty()) << "nothing of a refused file is kept";
  return parsed.error;
}

TEST(DeviceFile, WhatOneDeviceWritesEveryOtherReadsBackExactly) {
  const std::string text = device_file_text(kPhone, one_of_each());
  const auto parsed = parse_device_file(text);
  ASSERT_TRUE(parsed) << parsed.error;
  EXPECT_EQ(parsed->device, kPhone);
  ASSERT_EQ(parsed->changes.size(), one_of_each().size());
  for (const auto& change : parsed->changes) EXPECT_EQ(change.at.device, kPhone);
  EXPECT_EQ(device_file_text(kPhone, parsed->changes), text);
  // The same collection merged from what was read as from what was written.
  DeviceMerge written, read;
  written.add(one_of_each());
  read.add(parsed->changes);
  EXPECT_EQ(read.collection().tunes.at(5).notes, written.collection().tunes.at(5).notes);
  EXPECT_EQ(read.collection().sets.at("s-1").entries, written.collection().sets.at("s-1").entries);
}

TEST(DeviceFile, AFileIsTakenOnlyAsTheDevicesWhoseFolderItIsInAndWithinTheStampsItsNameSays) {
  const auto parsed = parse_device_file(device_file_text(kPhone, one_of_each()));
  ASSERT_TRUE(parsed) << parsed.error;
  const ChangeFileName range{{1764410400000, 3}, {1764410400010, 3}};
  EXPECT_EQ(device_file_mismatch(*parsed, kPhone, range), "");
  EXPECT_NE(device_file_mismatch(*parsed, "fedcba9876543210fedcba9876543210", range).find("another device's"),
            std::string::npos);
  EXPECT_EQ(device_file_mismatch(*parsed, kPhone, {{1764410400000, 3}, {1764410400009, 3}}),
            "change 12 is stamped outside what the file's name says");
  EXPECT_EQ(device_file_mismatch(*parsed, kPhone, {{1764410400001, 0}, {1764410400010, 3}}),
            "change 1 is stamped outside what the file's name says");
}

TEST(DeviceFile, AMalformedOrForeignFileIsRefusedWhole) {
  EXPECT_EQ(refusal("{\"format\": "), "the file is not valid JSON");
  EXPECT_EQ(refusal("{\"format\":\"tunetrack-export\",\"version\":1}"), "the file is not a tunetrack device changes file");
  EXPECT_NE(refusal(std::string(200, '[') + std::string(200, ']')).find("nested too deeply"), std::string::npos);
  EXPECT_EQ(refusal(R"({"format":"tunetrack-device-changes","versiev":1,"device":"x","changes":[]})"),
            "the file needs \"version\"");
  std::string newer = device_file_text(kPhone, {});
  newer.replace(newer.find("\"version\":1"), 11, "\"version\":7");
  EXPECT_EQ(refusal(newer), "the file is from a newer tunetrack (format version 7): update tunetrack on this device");
  std::string device = device_file_text(kPhone, {});
  device.replace(device.find(kPhone), kPhone.size(), "../../etc");
  EXPECT_EQ(refusal(device), "the file's \"device\" must be 32 lower-case hex digits");
  std::string extra = device_file_text(kPhone, {});
  extra.insert(1, "\"owner\":\"x\",");
  EXPECT_EQ(refusal(extra), "the file has an unknown member \"owner\"");
}

TEST(DeviceFile, AHostileChangeIsRefusedNamingItsPlaceAndWhatIsWrong) {
  const std::string stamp = R"("at":"001764410400000-000001","i":0,)";
  EXPECT_EQ(refusal(with_change("{" + stamp + R"("kind":"grant_admin","tune":5})")), "change 1 \"kind\" is unknown: \"grant_admin\"");
  EXPECT_EQ(refusal(with_change("{" + stamp + R"("kind":"heard","tune":5,"delta":9999999999999})")),
            "change 1 \"delta\" must be from -1000000 to 1000000");
  EXPECT_EQ(refusal(with_change("{" + stamp + R"("kind":"heard","tune":5,"delta":1e300})")).substr(0, 41),
            "change 1 \"delta\" must be a whole number, ");
  EXPECT_EQ(refusal(with_change("{" + stamp + R"("kind":"heard","tune":-5,"delta":1})")),
            "change 1 \"tune\" must be from 1 to 9999999999");
  EXPECT_EQ(refusal(with_change("{" + stamp + R"("kind":"heard","tune":5,"delta":1,"sql":"DROP"})")),
            "change 1 has an unknown member \"sql\"");
  EXPECT_EQ(refusal(with_change("{" + stamp + R"("kind":"tune_field","tune":5,"field":"password","value":"x"})")),
            "change 1 \"field\" names an unknown field \"password\"");
  EXPECT_EQ(refusal(with_change("{" + stamp + R"("kind":"tune_field","tune":5,"field":"learn_status","value":"mastered"})")),
            "change 1 \"value\" of learn_status must be want_to_learn, learning or learned");
  EXPECT_EQ(refusal(with_change("{" + stamp + R"("kind":"setting","key":"keep.last_export_ms","value":"1"})")),
            "change 1 \"key\" must be a practice setting, not \"keep.last_export_ms\"");
  EXPECT_EQ(refusal(with_change("{" + stamp + R"("kind":"notes","tune":5,"seen":"","text":")" +
                                std::string(kMaxDeviceNotesBytes + 1, 'a') + "\"}")),
            "change 1 \"text\" is longer than 100000 bytes");
  // Text that is not UTF-8 is not JSON either.
  EXPECT_EQ(refusal(with_change("{" + stamp + R"("kind":"set_field","set":"s-1","field":"name","value":")" + "\xff\"}")),
            "the file is not valid JSON");
  EXPECT_EQ(refusal(with_change(R"({"at":"yesterday","i":0,"kind":"heard","tune":5,"delta":1})")).substr(0, 14),
            "change 1 \"at\":");
  EXPECT_EQ(refusal(with_change("{" + stamp + R"("kind":"set_entries","set":"s-1","entries":[{"tune":5,"key":""}]})")),
            "change 1 needs \"setting\"");
  EXPECT_EQ(refusal(with_change("{" + stamp + R"("kind":"rating","uid":"A B","tune":5,"rated_at":1,"rating":"good"})")),
            "change 1 \"uid\" must be an id of lower-case letters, digits and '-'");
}

TEST(DeviceFile, AFileLargerThanTheLimitIsRefusedBeforeItIsRead) {
  EXPECT_EQ(refusal(std::string(kMaxDeviceFileBytes + 1, ' ')), "the file is larger than 32 MB");
}

}  // namespace
}  // namespace tt
