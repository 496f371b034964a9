// The practice section of an export: written, read back, and refused or
// reported line by line when it is damaged or from a newer tunetrack.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/collection_io.h"
#include "tests/practice_test_support.h"

namespace tt {
namespace {

using testing::kMinute;
using testing::kMonday9am;

CollectionEntry tune(int64_t id) {
  CollectionEntry e;
  e.tune_id = id;
  e.name = "Tune " + std::to_string(id);
  e.type = "reel";
  e.status = LearnStatus::Learning;
  e.created_at_ms = kMonday9am;
  e.updated_at_ms = kMonday9am;
  return e;
}

PracticeData some_practice() {
  PracticeData data;
  const CardMemory first = review({}, new_card(kMonday9am), Rating::Good, kMonday9am);
  const CardMemory second = review({}, first, Rating::Good, first.due_ms);
  data.cards[1] = second;
  data.log.push_back({0, 1, kMonday9am, Rating::Good, new_card(kMonday9am), first});
  data.log.push_back({0, 1, first.due_ms, Rating::Good, first, second});
  return data;
}

std::string with_practice(const std::string& practice, const std::string& tunes = R"([{"tune_id":1,"name":"A"}])") {
  return R"({"format":"tunetrack-collection","version":1,"tunes":)" + tunes + R"(,"practice":)" + practice + "}";
}

std::string card_text(const std::string& extra = "") {
  return R"({"state":"review","stability":3.5,"difficulty":5.25,"reps":2,"lapses":0,"learning_step":0,)"
         R"("due":"2025-01-09T09:10:00Z","last_review":"2025-01-06T09:10:00Z","scheduled_days":3,"elapsed_days":0)" +
         extra + "}";
}

}  // namespace

TEST(PracticeExport, RoundTripsEveryFieldToTheSecond) {
  const PracticeData data = some_practice();
  const std::string text = export_json({tune(1)}, data);
  const auto doc = nlohmann::json::parse(text);
  ASSERT_TRUE(doc.contains("practice"));
  EXPECT_EQ(doc["practice"]["schema"], 1);
  EXPECT_EQ(doc["practice"]["cards"][0]["tune_id"], 1);
  EXPECT_EQ(doc["practice"]["cards"][0]["state"], "review");
  EXPECT_EQ(doc["practice"]["log"][0]["at"], "2025-01-06T09:00:00Z");
  EXPECT_EQ(doc["practice"]["log"][0]["rating"], "good");
  EXPECT_EQ(doc["practice"]["log"][0]["before"]["state"], "new");
  EXPECT_TRUE(doc["practice"]["log"][0]["before"]["last_review"].is_null());
  EXPECT_FALSE(doc["practice"]["log"][0]["before"].contains("tune_id"));

  const ImportParse parsed = parse_import_json(text);
  ASSERT_TRUE(parsed.fatal.empty()) << parsed.fatal;
  EXPECT_TRUE(parsed.errors.empty()) << parsed.errors.at(0);
  ASSERT_EQ(parsed.entries.size(), 1u);
  ASSERT_EQ(parsed.practice.cards.size(), 1u);
  const CardMemory& back = parsed.practice.cards.at(1);
  const CardMemory& card = data.cards.at(1);
  EXPECT_EQ(back.state, card.state);
  EXPECT_EQ(back.stability, card.stability);  // exactly: JSON keeps every bit of a double
  EXPECT_EQ(back.difficulty, card.difficulty);
  EXPECT_EQ(back.reps, card.reps);
  EXPECT_EQ(back.due_ms, card.due_ms / 1000 * 1000);
  EXPECT_EQ(back.last_review_ms, *card.last_review_ms / 1000 * 1000);
  EXPECT_EQ(back.scheduled_days, card.scheduled_days);
  ASSERT_EQ(parsed.practice.log.size(), 2u);
  EXPECT_EQ(parsed.practice.log[1].at_ms, data.log[1].at_ms);
  EXPECT_EQ(parsed.practice.log[1].before.stability, data.log[1].before.stability);
  EXPECT_EQ(parsed.practice.log[1].after.state, CardState::Review);
}

TEST(PracticeExport, WithoutPracticeTheExportIsAsBefore) {
  const std::string text = export_json({tune(1)});
  EXPECT_EQ(text.find("practice"), std::string::npos);
  const ImportParse parsed = parse_import_json(text);  // an old export: still imports
  EXPECT_TRUE(parsed.fatal.empty());
  EXPECT_EQ(parsed.entries.size(), 1u);
  EXPECT_TRUE(parsed.practice.cards.empty());
  EXPECT_TRUE(parsed.practice.log.empty());
  EXPECT_TRUE(parse_import_json(with_practice("null")).fatal.empty());
  EXPECT_TRUE(parse_import_json(with_practice(R"({"schema":1})")).fatal.empty());
}

TEST(PracticeExport, CsvHasDueAndLastPractised) {
  CollectionEntry never = tune(2);
  const std::map<int64_t, CardMemory> cards = {{1, some_practice().cards.at(1)}, {2, new_card(kMonday9am)}};
  const std::string csv = export_csv({tune(1), never, tune(3)}, cards);
  const auto first_line_end = csv.find("\r\n");
  EXPECT_EQ(csv.substr(0, first_line_end),
            "tune_id,name,type,key,learn_status,heard_count,learned_at,notes,created_at,url,due,last_practised,"
            "thesession_key");
  EXPECT_NE(csv.find(",2025-01-08T09:10:00Z,2025-01-06T09:10:00Z,\r\n"), std::string::npos) << csv;
  EXPECT_NE(csv.find("\r\n2,Tune 2,reel,,learning,0,,,2025-01-06T09:00:00Z,,,,\r\n"), std::string::npos) << csv;
  EXPECT_NE(csv.find("\r\n3,Tune 3,reel,,learning,0,,,2025-01-06T09:00:00Z,,,,\r\n"), std::string::npos) << csv;
  EXPECT_EQ(export_csv({tune(1)}).substr(0, first_line_end), csv.substr(0, first_line_end));
}

TEST(PracticeImport, ANewerSchemaRefusesTheWholeImport) {
  const ImportParse parsed = parse_import_json(with_practice(R"({"schema":2,"cards":[],"log":[]})"));
  EXPECT_EQ(parsed.fatal,
            "The practice section comes from a newer tunetrack (practice schema 2, this one reads 1): nothing was "
            "imported; update tunetrack and import again");
  EXPECT_TRUE(parsed.entries.empty()) << "not even the tunes";
  EXPECT_TRUE(parsed.errors.empty());
}

TEST(PracticeImport, AnUnreadableSectionIsAClearFatalError) {
  for (const char* section : {R"("yes")", "[]", "{}", R"({"schema":"1"})", R"({"schema":0})", R"({"schema":1.5})",
                              R"({"schema":-1})", R"({"schema":1,"cards":{}})", R"({"schema":1,"log":"x"})"}) {
    ImportParse parsed;
    ASSERT_NO_THROW(parsed = parse_import_json(with_practice(section))) << section;
    EXPECT_FALSE(parsed.fatal.empty()) << section;
    EXPECT_EQ(parsed.fatal.rfind("The practice section", 0), 0u) << parsed.fatal;
    EXPECT_TRUE(parsed.entries.empty()) << section;
  }
}

TEST(PracticeImport, ABadCardOrRowIsOneLineAndTheRestGoesOn) {
  const std::string cards = "[" + std::string(R"({"tune_id":1,)") + card_text().substr(1) + "," +
                            R"({"tune_id":2,"state":"mastered"},)" + R"({"tune_id":"x"},)" + "7," +
                            R"({"tune_id":3,)" + card_text(R"(,"stability":-1)").substr(1) + "," +
                            R"({"tune_id":1,)" + card_text().substr(1) + "]";
  const std::string log = "[" + std::string(R"({"tune_id":1,"at":"2025-01-06T09:00:00Z","rating":"good","before":)") +
                          card_text() + R"(,"after":)" + card_text() + "}," +
                          R"({"tune_id":1,"at":"yesterday","rating":"good"},)" +
                          R"({"tune_id":1,"at":"2025-01-06T09:00:00Z","rating":"meh"},)" +
                          R"({"tune_id":1,"at":"2025-01-06T09:00:00Z","rating":"again","before":{}},)" +
                          R"({"tune_id":1,"at":"2025-01-06T09:00:00Z","rating":"again","before":)" + card_text() + "}]";
  const ImportParse parsed = parse_import_json(with_practice(R"({"schema":1,"cards":)" + cards + R"(,"log":)" + log + "}"));
  ASSERT_TRUE(parsed.fatal.empty()) << parsed.fatal;
  EXPECT_EQ(parsed.entries.size(), 1u);
  EXPECT_EQ(parsed.practice.cards.size(), 1u);
  EXPECT_EQ(parsed.practice.log.size(), 1u);
  EXPECT_EQ(parsed.errors, (std::vector<std::string>{
                               "Practice of tune #2: unknown state \"mastered\"",
                               "Practice of tune #?: missing or invalid tune_id",
                               "Practice of tune #?: missing or invalid tune_id",
                               "Practice of tune #3: invalid stability (expected a number from 0 to 36500)",
                               "Practice of tune #1: listed twice; the first is kept",
                               "Practice log of tune #1: invalid at \"yesterday\"",
                               "Practice log of tune #1: unknown rating \"meh\"",
                               "Practice log of tune #1: before: missing state",
                               "Practice log of tune #1: missing after",
                           }));
}

TEST(UntrustedPractice, HostileValuesNeverThrowAndMessagesStayShort) {
  const std::string huge(5000, 'z');
  const std::vector<std::string> cards = {
      card_text(R"(,"stability":1e308)"), card_text(R"(,"difficulty":11)"), card_text(R"(,"reps":4294967296)"),
      card_text(R"(,"reps":1.5)"), card_text(R"(,"reps":"3")"), card_text(R"(,"due":")" + huge + "\""),
      card_text(R"(,"due":12)"), card_text(R"(,"last_review":[1,2])"), card_text(R"(,"state":")" + huge + "\""),
      card_text(R"(,"scheduled_days":-3)"), card_text(R"(,"elapsed_days":null)"), card_text(R"(,"lapses":{})"),
      R"({"state":"review"})", R"("text")", "null"};
  for (const auto& card : cards) {
    const std::string text = with_practice(R"({"schema":1,"cards":[{"tune_id":1,"c":)" + card + "}," +
                                           R"({"tune_id":2,)" + (card[0] == '{' ? card.substr(1) : "\"x\":0}") +
                                           R"(],"log":[{"tune_id":1,"at":"2025-01-06T09:00:00Z","rating":"good",)" +
                                           R"("before":)" + card + R"(,"after":)" + card + "}]}");
    ImportParse parsed;
    ASSERT_NO_THROW(parsed = parse_import_json(text)) << card.substr(0, 80);
    EXPECT_TRUE(parsed.fatal.empty()) << parsed.fatal;
    for (const auto& line : parsed.errors) EXPECT_LT(line.size(), 160u) << line;
  }
  // Every value that reads is usable: finite, in bounds.
  const ImportParse ok = parse_import_json(with_practice(
      R"({"schema":1,"cards":[{"tune_id":1,)" + card_text(R"(,"stability":36500,"difficulty":10)").substr(1) + "]}"));
  ASSERT_EQ(ok.practice.cards.size(), 1u) << (ok.errors.empty() ? ok.fatal : ok.errors[0]);
  EXPECT_EQ(ok.practice.cards.at(1).stability, 36500);
  // A schema far too large to read is still refused as a whole, never half imported.
  EXPECT_FALSE(parse_import_json(with_practice(R"({"schema":1e30})")).fatal.empty());
  EXPECT_FALSE(parse_import_json(with_practice(R"({"schema":99999999999999999999})")).fatal.empty());
}

}  // namespace tt
