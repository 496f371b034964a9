// PROPFIND answers as real servers write them (their prefixes differ), and
// listings that could hurt.
#include "shell/webdav_listing.h"

#include <gtest/gtest.h>

namespace tt {
namespace {

// Shaped like nginx's dav_ext module: "D:" prefix, path hrefs.
const char* kNginxStyle = R"(<?xml version="1.0" encoding="utf-8" ?>
<D:multistatus xmlns:D="DAV:">
<D:response><D:href>/devices/</D:href><D:propstat><D:prop><D:resourcetype><D:collection/></D:resourcetype></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>
<D:response><D:href>/devices/tunetrack-devices/</D:href><D:propstat><D:prop><D:resourcetype><D:collection/></D:resourcetype></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>
<D:response><D:href>/devices/notes%20old.json</D:href><D:propstat><D:prop><D:resourcetype></D:resourcetype><D:getcontentlength>1234</D:getcontentlength><D:getetag>"65a-4d2"</D:getetag></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>
</D:multistatus>)";

// Shaped like Apache mod_dav: "lp1:" for live properties, absolute-path hrefs.
const char* kApacheStyle = R"(<?xml version="1.0" encoding="utf-8"?>
<D:multistatus xmlns:D="DAV:" xmlns:ns0="DAV:">
<D:response xmlns:lp1="DAV:" xmlns:lp2="http://apache.org/dav/props/">
<D:href>/devices/a.json</D:href>
<D:propstat><D:prop><lp1:resourcetype/><lp1:getcontentlength>7</lp1:getcontentlength><lp1:getetag>"7-5f"</lp1:getetag></D:prop>
<D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>
</D:multistatus>)";

// Shaped like Nextcloud: "d:" prefix, extra namespaces, 404 propstats for unknown properties.
const char* kNextcloudStyle = R"(<?xml version="1.0"?>
<d:multistatus xmlns:d="DAV:" xmlns:s="http://sabredav.org/ns" xmlns:oc="http://owncloud.org/ns">
<d:response><d:href>/remote.php/dav/files/ann/devices/b.json</d:href>
<d:propstat><d:prop><d:resourcetype/><d:getcontentlength>42</d:getcontentlength></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat>
<d:propstat><d:prop><d:getetag/></d:prop><d:status>HTTP/1.1 404 Not Found</d:status></d:propstat></d:response>
</d:multistatus>)";

TEST(WebDavListing, NginxStyleListingNamesFilesAndFolders) {
  const auto entries = parse_propfind(kNginxStyle, "/devices/");
  ASSERT_TRUE(entries) << entries.error;
  ASSERT_EQ(entries->size(), 2u);
  EXPECT_EQ((*entries)[0].name, "tunetrack-devices");
  EXPECT_TRUE((*entries)[0].is_folder);
  EXPECT_EQ((*entries)[1].name, "notes old.json");
  EXPECT_FALSE((*entries)[1].is_folder);
  EXPECT_EQ((*entries)[1].size, 1234);
  EXPECT_EQ((*entries)[1].etag, "\"65a-4d2\"");
}

TEST(WebDavListing, AnyPrefixForTheDavNamespaceIsRead) {
  const auto apache = parse_propfind(kApacheStyle, "/devices/");
  ASSERT_TRUE(apache) << apache.error;
  ASSERT_EQ(apache->size(), 1u);
  EXPECT_EQ((*apache)[0].size, 7);
  const auto nextcloud = parse_propfind(kNextcloudStyle, "/remote.php/dav/files/ann/devices/");
  ASSERT_TRUE(nextcloud) << nextcloud.error;
  ASSERT_EQ(nextcloud->size(), 1u);
  EXPECT_EQ((*nextcloud)[0].name, "b.json");
  EXPECT_EQ((*nextcloud)[0].size, 42);
}

TEST(WebDavListing, ElementsOfAnotherNamespaceAreNotTakenForDavOnes) {
  const auto entries = parse_propfind(R"(<?xml version="1.0"?><x:multistatus xmlns:x="urn:other">
<x:response><x:href>/devices/a.json</x:href></x:response></x:multistatus>)", "/devices/");
  ASSERT_TRUE(entries) << entries.error;
  EXPECT_TRUE(entries->empty());
}

TEST(WebDavListing, MalformedXmlIsRefusedSayingWhere) {
  const auto entries = parse_propfind("<D:multistatus xmlns:D=\"DAV:\"><D:response>", "/devices/");
  ASSERT_FALSE(entries);
  EXPECT_NE(entries.error.find("not XML"), std::string::npos) << entries.error;
  EXPECT_NE(entries.error.find("line"), std::string::npos) << entries.error;
  EXPECT_FALSE(parse_propfind("", "/devices/"));
  EXPECT_FALSE(parse_propfind("<html><body>Welcome</body></html>junk", "/devices/"));
}

TEST(WebDavListing, ADocumentTypeIsRefusedSoNoEntityIsEverExpanded) {
  const std::string laughs = R"(<?xml version="1.0"?><!DOCTYPE m [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>
<D:multistatus xmlns:D="DAV:"><D:response><D:href>/devices/&b;</D:href></D:response></D:multistatus>)";
  const auto entries = parse_propfind(laughs, "/devices/");
  ASSERT_FALSE(entries);
  EXPECT_NE(entries.error.find("document type"), std::string::npos) << entries.error;
}

TEST(WebDavListing, DeepNestingAndHugeTextsAreRefused) {
  std::string deep = "<D:multistatus xmlns:D=\"DAV:\">";
  for (int i = 0; i < 10000; ++i) deep += "<D:x>";
  EXPECT_FALSE(parse_propfind(deep, "/devices/"));
  const std::string long_href = "<D:multistatus xmlns:D=\"DAV:\"><D:response><D:href>/devices/" + std::string(100000, 'a') +
                                "</D:href></D:response></D:multistatus>";
  const auto entries = parse_propfind(long_href, "/devices/");
  ASSERT_FALSE(entries);
  EXPECT_NE(entries.error.find("too long"), std::string::npos) << entries.error;
}

TEST(WebDavListing, ASizeThatIsNotANumberIsLeftUnknown) {
  const auto entries = parse_propfind(R"(<D:multistatus xmlns:D="DAV:"><D:response><D:href>/devices/a.json</D:href>
<D:propstat><D:prop><D:getcontentlength>99999999999999999999999</D:getcontentlength></D:prop></D:propstat></D:response></D:multistatus>)",
                                      "/devices/");
  ASSERT_TRUE(entries) << entries.error;
  ASSERT_EQ(entries->size(), 1u);
  EXPECT_EQ((*entries)[0].size, -1);
}

}  // namespace
}  // namespace tt
