// The devices' folder on the self-hoster's one origin (deploy/nginx.conf):
// WebDAV behind each musician's own password, next to the page and the proxy.
#include <gtest/gtest.h>
#include <unistd.h>

#include <string>

#include "shell/native_http.h"
#include "shell/webdav_folder.h"
#include "tests/integration/nginx_fixture.h"

namespace tt {
namespace {

// The self-hoster's one origin: the page, the proxy and each musician's
// device-sync folder, WebDAV behind basic auth, from deploy/nginx.conf.
TEST_F(NginxTest, EachMusiciansDevicesFolderIsWebDavBehindTheirOwnPasswordOnThePagesOrigin) {
  if (::access("/usr/lib/nginx/modules/ngx_http_dav_ext_module.so", R_OK) != 0) {
    GTEST_SKIP() << "nginx's dav_ext module is not installed (make setup installs it)";
  }
  start();
  const std::string base = "http://127.0.0.1:" + std::to_string(plain_port_) + "/devices/";
  const auto open = [&](const std::string& folder, const std::string& user, const std::string& password) {
    std::string error;
    RetryPolicy no_retry;
    no_retry.enabled = false;
    auto opened = WebDavFolder::open({base + folder, user, password}, error, native_http(), no_retry);
    EXPECT_TRUE(opened) << error;
    return std::move(opened.value());  // none: the test stops here, with the error above
  };

  auto ann = open("ann/", "ann", "ann-app-password");
  ASSERT_TRUE(run_now(ann.make_folder("tunetrack-devices")).ok());
  const std::string changes(40000, 'c');  // more than the proxy locations' 16 KB body limit
  const auto written = run_now(ann.write_new("tunetrack-devices", "changes-a.json", changes, "1"));
  ASSERT_TRUE(written.ok()) << written.error.message;
  const auto listed = run_now(ann.list("tunetrack-devices"));
  ASSERT_TRUE(listed.ok()) << listed.error.message;
  ASSERT_EQ(listed.value->size(), 1u);
  EXPECT_EQ(listed.value->front().name, "changes-a.json");
  EXPECT_EQ(*run_now(ann.fetch("tunetrack-devices/changes-a.json")).value, changes);

  auto wrong_password = open("ann/", "ann", "guess");
  EXPECT_EQ(run_now(wrong_password.list("")).error.failure, WebDavFailure::Credentials);
  auto bob_in_anns = open("ann/", "bob", "bob-app-password");
  const auto refused = run_now(bob_in_anns.list(""));
  EXPECT_EQ(refused.error.failure, WebDavFailure::Credentials) << "Bob's password opens only Bob's folder";
  EXPECT_FALSE(run_now(bob_in_anns.write_new("", "x.json", "{}", "2")).ok());
  auto bob = open("bob/", "bob", "bob-app-password");
  const auto bobs = run_now(bob.list(""));
  ASSERT_TRUE(bobs.ok()) << bobs.error.message;
  EXPECT_TRUE(bobs.value->empty());
  // The page and the proxy are still there on the same origin.
  EXPECT_EQ(get("127.0.0.2", "/api/thesession/tunes/1").status, 200);
}

}  // namespace
}  // namespace tt
