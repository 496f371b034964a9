// What a musician types or pastes as their member number (or a tune's).
#include <gtest/gtest.h>

#include "core/thesession_number.h"

namespace tt {
namespace {

int64_t member(const char* typed) {
  const auto n = read_thesession_number(typed, ThesessionThing::Member);
  EXPECT_TRUE(n) << typed << ": " << n.error;
  return n ? *n : -1;
}

std::string member_error(const char* typed) {
  const auto n = read_thesession_number(typed, ThesessionThing::Member);
  EXPECT_FALSE(n) << typed << " was read as " << n.value;
  return n.error;
}

TEST(ThesessionNumber, TheNumberAsTypedSpacesAroundIgnored) {
  EXPECT_EQ(member("100300"), 100300);
  EXPECT_EQ(member("  100300 "), 100300);
  EXPECT_EQ(member("0100300"), 100300) << "a leading zero names the same member";
  EXPECT_EQ(member("9999999999"), 9999999999);
}

TEST(ThesessionNumber, TheProfileAddressAsABrowserCopiesIt) {
  for (const char* pasted :
       {"https://thesession.org/members/1001", "http://thesession.org/members/1001", "thesession.org/members/1001",
        "https://www.thesession.org/members/1001", "https://thesession.org/members/1001/",
        "https://thesession.org/members/1001/tunebook", "https://thesession.org/members/1001?page=2",
        "https://thesession.org/members/1001#sets", " https://thesession.org/members/1001\n"}) {
    EXPECT_EQ(member(pasted), 1001) << pasted;
  }
  EXPECT_EQ(*read_thesession_number("https://thesession.org/tunes/2/", ThesessionThing::Tune), 2);
}

TEST(ThesessionNumber, EachRefusalSaysWhatToTypeInstead) {
  EXPECT_EQ(member_error(""),
            "Enter a thesession.org member number, or paste the address of the member's page "
            "(thesession.org/members/12345)");
  EXPECT_EQ(member_error("   "), member_error(""));
  EXPECT_EQ(member_error("12a"),
            "\"12a\" is not a member number: type its digits, or paste the address of the member's page "
            "(thesession.org/members/12345)");
  EXPECT_EQ(member_error("99999999999"),
            "\"99999999999\" has 11 digits: thesession.org member numbers have at most 10")
      << "digits, but more than any member number has";
  EXPECT_EQ(member_error("0"), "thesession.org member numbers start at 1");
  EXPECT_EQ(member_error("https://thesession.org/tunes/1001"),
            "That address is not a member's page on thesession.org: it should look like "
            "thesession.org/members/12345");
  for (const char* bad : {"https://thesession.org/members/", "https://thesession.org/members/10x1",
                          "https://thesession.org", "thesession.org/membersX/1"}) {
    EXPECT_NE(member_error(bad).find("not a member's page"), std::string::npos) << bad;
  }
  EXPECT_NE(member_error("https://example.org/members/1001").find("is not a member number"), std::string::npos)
      << "another site's address is not read as thesession.org's";
  EXPECT_NE(read_thesession_number("x", ThesessionThing::Tune).error.find("thesession.org/tunes/123"),
            std::string::npos);
}

}  // namespace
}  // namespace tt
