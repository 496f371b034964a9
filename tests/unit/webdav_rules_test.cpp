// The device sync's WebDAV rules: where a musician's password may go, what
// each answer means, and which listing entries belong to a folder.
#include "core/webdav_rules.h"

#include <gtest/gtest.h>

namespace tt {
namespace {

HttpOutcome answer(int status) {
  HttpOutcome o;
  o.status = status;
  return o;
}

TEST(WebDavRules, APasswordGoesOnlyOverHttpsOrToThisMachine) {
  EXPECT_TRUE(parse_devices_folder_url("https://cloud.example.org/remote.php/dav/files/ann/tunes"));
  EXPECT_TRUE(parse_devices_folder_url("http://127.0.0.1:8080/devices/"));
  EXPECT_TRUE(parse_devices_folder_url("http://localhost:8080/"));
  EXPECT_TRUE(parse_devices_folder_url("http://[::1]:8080/"));
  const auto plain = parse_devices_folder_url("http://cloud.example.org/tunes/");
  ASSERT_FALSE(plain);
  EXPECT_NE(plain.error.find("https://"), std::string::npos) << plain.error;
  EXPECT_FALSE(parse_devices_folder_url("ftp://cloud.example.org/"));
  EXPECT_FALSE(parse_devices_folder_url("https://ann:secret@cloud.example.org/"));
  EXPECT_FALSE(parse_devices_folder_url("https://cloud.example.org/tunes?x=1"));
}

TEST(WebDavRules, TheFolderAddressAlwaysEndsWithASlash) {
  EXPECT_EQ(parse_devices_folder_url("https://cloud.example.org/tunes")->path(), "/tunes/");
  EXPECT_EQ(parse_devices_folder_url("https://cloud.example.org")->path(), "/");
  EXPECT_EQ(parse_devices_folder_url("https://cloud.example.org/tunes/")->path(), "/tunes/");
}

TEST(WebDavRules, EachAnswerMeansWhatTheCommandLineExitsWith) {
  EXPECT_EQ(classify_webdav(answer(207)), WebDavFailure::None);
  EXPECT_EQ(classify_webdav(answer(201)), WebDavFailure::None);
  EXPECT_EQ(classify_webdav(answer(401)), WebDavFailure::Credentials);
  EXPECT_EQ(classify_webdav(answer(403)), WebDavFailure::Credentials);
  EXPECT_EQ(classify_webdav(answer(404)), WebDavFailure::Missing);
  EXPECT_EQ(classify_webdav(answer(409)), WebDavFailure::Missing);  // a parent folder is missing
  EXPECT_EQ(classify_webdav(answer(507)), WebDavFailure::Full);
  EXPECT_EQ(classify_webdav(answer(503)), WebDavFailure::Unavailable);
  EXPECT_EQ(classify_webdav(answer(500)), WebDavFailure::Unavailable);
  EXPECT_EQ(classify_webdav(answer(429)), WebDavFailure::Unavailable);
  EXPECT_EQ(classify_webdav(answer(400)), WebDavFailure::Refused);
  EXPECT_EQ(classify_webdav(answer(413)), WebDavFailure::Refused);
  HttpOutcome refused;
  refused.transport_error = "could not connect";
  EXPECT_EQ(classify_webdav(refused), WebDavFailure::Unavailable);
  HttpOutcome timed_out;
  timed_out.timed_out = true;
  EXPECT_EQ(classify_webdav(timed_out), WebDavFailure::Unavailable);
  EXPECT_TRUE(is_transient(WebDavFailure::Unavailable));
  EXPECT_FALSE(is_transient(WebDavFailure::Full));
}

TEST(WebDavRules, AFailureSaysWhatWasBeingDoneAndWhatToDo) {
  const std::string full = describe_webdav_failure(WebDavFailure::Full, answer(507), "uploading changes");
  EXPECT_NE(full.find("uploading changes"), std::string::npos);
  EXPECT_NE(full.find("full"), std::string::npos);
  const std::string password = describe_webdav_failure(WebDavFailure::Credentials, answer(401), "listing the folder");
  EXPECT_NE(password.find("password"), std::string::npos);
  EXPECT_NE(password.find("401"), std::string::npos);
}

TEST(WebDavRules, AListingNamesOnlyWhatIsDirectlyInTheFolder) {
  const std::string folder = "/remote.php/dav/files/ann/tunes/";
  EXPECT_EQ(entry_name_of_href("/remote.php/dav/files/ann/tunes/device.json", folder), "device.json");
  EXPECT_EQ(entry_name_of_href("/remote.php/dav/files/ann/tunes/tunetrack-devices/", folder), "tunetrack-devices");
  EXPECT_EQ(entry_name_of_href("https://cloud.example.org/remote.php/dav/files/ann/tunes/a%20b.json", folder), "a b.json");
  EXPECT_FALSE(entry_name_of_href("/remote.php/dav/files/ann/tunes/", folder));  // the folder itself
  EXPECT_FALSE(entry_name_of_href("/remote.php/dav/files/ann/tunes", folder));
  EXPECT_FALSE(entry_name_of_href("/remote.php/dav/files/ann/other/x.json", folder));
  EXPECT_FALSE(entry_name_of_href("/remote.php/dav/files/ann/tunes/a/b.json", folder));
  EXPECT_FALSE(entry_name_of_href("/remote.php/dav/files/ann/tunes/a%2Fb.json", folder));  // a '/' in a name
  EXPECT_FALSE(entry_name_of_href("/remote.php/dav/files/ann/tunes/a%0Ab", folder));
  EXPECT_FALSE(entry_name_of_href("/remote.php/dav/files/ann/tunes/a%zz", folder));
}

TEST(WebDavRules, PathSegmentsAreEncodedAndDecodedBackTheSame) {
  for (const std::string name : {"changes-000001700000000000-000000.json", "a b", "ü+é%", "#?&"}) {
    const std::string encoded = encode_path_segment(name);
    EXPECT_EQ(encoded.find_first_of(" #?&/+"), std::string::npos) << encoded;
    EXPECT_EQ(decode_path(encoded), name);
  }
  EXPECT_EQ(encode_path_segment("a b"), "a%20b");
  EXPECT_EQ(decode_path("a+b"), "a+b");
}

}  // namespace
}  // namespace tt
