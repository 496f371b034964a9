// The device sync's WebDAV folder against real servers from Debian (rclone's
// and nginx's), started on loopback: what it lists, writes, fetches and
// removes, and how it fails.
#include "shell/native_http.h"
#include "shell/webdav_folder.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "tests/devices/webdav_servers.h"

namespace tt {
namespace {

using testing::WebDavServer;
using testing::WebDavServerKind;

class WebDavFolderTest : public ::testing::TestWithParam<WebDavServerKind> {
 protected:
  void SetUp() override {
    std::string why_not;
    server_ = WebDavServer::start(GetParam(), why_not);
    if (!server_) GTEST_SKIP() << why_not;
  }

  WebDavFolder open(const std::string& password, RetryPolicy retry = {}) {
    std::string error;
    auto folder = WebDavFolder::open({server_->folder_url(), server_->user(), password}, error,
                                     native_http({}, [this](int64_t ms) { waits_.push_back(ms); }), retry);
    EXPECT_TRUE(folder) << error;
    return std::move(*folder);
  }
  WebDavFolder open() { return open(server_->password()); }

  static std::vector<std::string> names(const std::vector<WebDavEntry>& entries) {
    std::vector<std::string> out;
    for (const auto& e : entries) out.push_back(e.name + (e.is_folder ? "/" : ""));
    std::sort(out.begin(), out.end());
    return out;
  }

  std::unique_ptr<WebDavServer> server_;
  std::vector<int64_t> waits_;
};

TEST_P(WebDavFolderTest, AnEmptyFolderListsNothing) {
  auto folder = open();
  const auto listed = run_now(folder.list(""));
  ASSERT_TRUE(listed.ok()) << listed.error.message;
  EXPECT_TRUE(listed.value->empty());
  EXPECT_EQ(folder.traffic().requests, 1);
}

TEST_P(WebDavFolderTest, AFileWrittenIsListedUnderItsNameAloneAndFetchedBackByteForByte) {
  auto folder = open();
  ASSERT_TRUE(run_now(folder.make_folder("tunetrack-devices")).ok());
  ASSERT_TRUE(run_now(folder.make_folder("tunetrack-devices/0123abcd")).ok());
  std::string body = "{\"format\": \"tunetrack-device-changes\", \"text\": \"Tá mé \xc3\xa9\"}\n";
  body += std::string(100000, 'x');  // more than one network read
  const std::string name = "changes-000001700000000000-000000-000001700000000001-000003.json";
  const auto written = run_now(folder.write_new("tunetrack-devices/0123abcd", name, body, "9f3a"));
  ASSERT_TRUE(written.ok()) << written.error.message;

  const auto listed = run_now(folder.list("tunetrack-devices/0123abcd"));
  ASSERT_TRUE(listed.ok()) << listed.error.message;
  // The temporary upload was moved into place: nothing else is there.
  EXPECT_EQ(names(*listed.value), std::vector<std::string>{name});
  EXPECT_EQ(listed.value->front().size, static_cast<int64_t>(body.size()));
  const auto fetched = run_now(folder.fetch("tunetrack-devices/0123abcd/" + name));
  ASSERT_TRUE(fetched.ok()) << fetched.error.message;
  EXPECT_EQ(*fetched.value, body);
  EXPECT_EQ(names(*run_now(folder.list("")).value), std::vector<std::string>{"tunetrack-devices/"});
}

TEST_P(WebDavFolderTest, MakingAFolderThatIsThereIsFine) {
  auto folder = open();
  ASSERT_TRUE(run_now(folder.make_folder("tunetrack-devices")).ok());
  const auto again = run_now(folder.make_folder("tunetrack-devices"));
  EXPECT_TRUE(again.ok()) << again.error.message;
}

TEST_P(WebDavFolderTest, ReplacingWritesOverAndRemovingRemovesOnlyThatFile) {
  auto folder = open();
  ASSERT_TRUE(run_now(folder.replace("", "device.json", "{\"v\": 1}", "01")).ok());
  ASSERT_TRUE(run_now(folder.replace("", "device.json", "{\"v\": 2}", "02")).ok());
  ASSERT_TRUE(run_now(folder.write_new("", "keep.json", "{}", "03")).ok());
  EXPECT_EQ(*run_now(folder.fetch("device.json")).value, "{\"v\": 2}");
  ASSERT_TRUE(run_now(folder.remove("device.json")).ok());
  EXPECT_EQ(names(*run_now(folder.list("")).value), std::vector<std::string>{"keep.json"});
  EXPECT_TRUE(run_now(folder.remove("device.json")).ok()) << "removing what is gone is done";
}

TEST_P(WebDavFolderTest, AWrongPasswordIsCredentialsRefusedAndNotTriedAgain) {
  auto folder = open("not-the-password");
  const auto listed = run_now(folder.list(""));
  ASSERT_FALSE(listed.ok());
  EXPECT_EQ(listed.error.failure, WebDavFailure::Credentials);
  EXPECT_NE(listed.error.message.find("password"), std::string::npos) << listed.error.message;
  EXPECT_EQ(folder.traffic().requests, 1);
  EXPECT_TRUE(waits_.empty());
}

TEST_P(WebDavFolderTest, AMissingFolderIsSaidToBeMissing) {
  auto folder = open();
  const auto listed = run_now(folder.list("no-such-folder"));
  ASSERT_FALSE(listed.ok());
  EXPECT_EQ(listed.error.failure, WebDavFailure::Missing) << listed.error.message;
  const auto fetched = run_now(folder.fetch("no-such-file.json"));
  ASSERT_FALSE(fetched.ok());
  EXPECT_EQ(fetched.error.failure, WebDavFailure::Missing) << fetched.error.message;
}

TEST_P(WebDavFolderTest, AServerThatIsGoneIsUnavailableAfterTheUsualRetries) {
  auto folder = open();
  ASSERT_TRUE(run_now(folder.list("")).ok());
  server_->stop();
  const auto listed = run_now(folder.list(""));
  ASSERT_FALSE(listed.ok());
  EXPECT_EQ(listed.error.failure, WebDavFailure::Unavailable) << listed.error.message;
  EXPECT_EQ(waits_, (std::vector<int64_t>{2000, 4000}));  // 3 attempts, the product's backoff
  ASSERT_TRUE(server_->start_again());
  EXPECT_TRUE(run_now(folder.list("")).ok()) << "the same folder works once the server is back";
}

INSTANTIATE_TEST_SUITE_P(RealServers, WebDavFolderTest,
                         ::testing::Values(WebDavServerKind::Rclone, WebDavServerKind::Nginx),
                         [](const auto& info) { return std::string(testing::name_of(info.param)); });

}  // namespace
}  // namespace tt
