// The page-as-an-app rules: when to remind to export, byte counts as words,
// which proxy a link may point the page at, and offline as its own failure.
#include <gtest/gtest.h>

#include "core/byte_size.h"
#include "core/export_reminder.h"
#include "core/http_outcome.h"
#include "core/proxy_choice.h"
#include "core/retry_policy.h"

namespace tt {
namespace {

constexpr int64_t kDay = 24LL * 60 * 60 * 1000;

TEST(ExportReminder, NothingChangedNothingToRemind) {
  EXPECT_FALSE(export_reminder_due({}, 400 * kDay));
}

TEST(ExportReminder, NeverExportedRemindsThirtyDaysAfterTheFirstChange) {
  ExportHistory h{kDay, 2 * kDay, std::nullopt, std::nullopt};
  EXPECT_FALSE(export_reminder_due(h, 30 * kDay));
  EXPECT_TRUE(export_reminder_due(h, 31 * kDay));
}

TEST(ExportReminder, AnOldExportWithChangesSinceReminds) {
  ExportHistory h{kDay, 50 * kDay, 10 * kDay, std::nullopt};
  EXPECT_FALSE(export_reminder_due(h, 39 * kDay));
  EXPECT_TRUE(export_reminder_due(h, 40 * kDay));
}

TEST(ExportReminder, NoChangeSinceTheExportNeverReminds) {
  ExportHistory h{kDay, 10 * kDay, 10 * kDay, std::nullopt};
  EXPECT_FALSE(export_reminder_due(h, 400 * kDay));
}

TEST(ExportReminder, NotNowQuietensItForAWeek) {
  ExportHistory h{kDay, 50 * kDay, 10 * kDay, 60 * kDay};
  EXPECT_FALSE(export_reminder_due(h, 66 * kDay));
  EXPECT_TRUE(export_reminder_due(h, 67 * kDay));
}

TEST(ByteSize, ReadsLikeAPerson) {
  EXPECT_EQ(format_bytes(0), "0 bytes");
  EXPECT_EQ(format_bytes(1), "1 byte");
  EXPECT_EQ(format_bytes(1023), "1023 bytes");
  EXPECT_EQ(format_bytes(1536), "1.5 KB");
  EXPECT_EQ(format_bytes(812.0 * 1024), "812 KB");
  EXPECT_EQ(format_bytes(1.4 * 1024 * 1024), "1.4 MB");
  EXPECT_EQ(format_bytes(58.0 * 1024 * 1024 * 1024), "58.0 GB");
  EXPECT_EQ(format_bytes(-1), "unknown");
}

const std::string kOwn = "http://127.0.0.1:8080";

TEST(ProxyChoice, NoParameterUsesTheOwnOrigin) {
  const ProxyChoice c = choose_proxy(kOwn, "", {});
  EXPECT_EQ(c.url, kOwn);
  EXPECT_EQ(c.consent, ProxyConsent::Own);
  EXPECT_TRUE(c.note.empty());
}

TEST(ProxyChoice, TheOwnOriginNeedsNoQuestionAndKeepsItsPath) {
  const ProxyChoice c = choose_proxy(kOwn, "http://127.0.0.1:8080/tunetrack/", {});
  EXPECT_EQ(c.consent, ProxyConsent::Own);
  EXPECT_EQ(c.url, "http://127.0.0.1:8080/tunetrack");
}

TEST(ProxyChoice, AnotherOriginIsAskedAboutAndUnusedMeanwhile) {
  const ProxyChoice c = choose_proxy(kOwn, "https://Proxy.Example.org/?x=1", {});
  EXPECT_EQ(c.consent, ProxyConsent::Asking);
  EXPECT_EQ(c.url, kOwn);
  EXPECT_EQ(c.other_origin, "https://proxy.example.org");
  EXPECT_EQ(c.other_host, "proxy.example.org");
  EXPECT_EQ(c.other_url, "https://proxy.example.org");
  const ProxyChoice yes = answer_proxy_question(c, kOwn, true);
  EXPECT_EQ(yes.consent, ProxyConsent::Accepted);
  EXPECT_EQ(yes.url, "https://proxy.example.org");
  const ProxyChoice no = answer_proxy_question(c, kOwn, false);
  EXPECT_EQ(no.consent, ProxyConsent::Refused);
  EXPECT_EQ(no.url, kOwn);
  EXPECT_NE(no.note.find("proxy.example.org"), std::string::npos);
}

TEST(ProxyChoice, TheRememberedAnswerIsUsedPerOrigin) {
  const std::map<std::string, std::string> remembered{{"http://127.0.0.1:9000", "allow"},
                                                      {"http://127.0.0.1:9001", "deny"}};
  EXPECT_EQ(choose_proxy(kOwn, "http://127.0.0.1:9000/", remembered).url, "http://127.0.0.1:9000");
  EXPECT_EQ(choose_proxy(kOwn, "http://127.0.0.1:9000", remembered).consent, ProxyConsent::Accepted);
  const ProxyChoice refused = choose_proxy(kOwn, "http://127.0.0.1:9001", remembered);
  EXPECT_EQ(refused.consent, ProxyConsent::Refused);
  EXPECT_EQ(refused.url, kOwn);
  EXPECT_EQ(choose_proxy(kOwn, "http://127.0.0.1:9002", remembered).consent, ProxyConsent::Asking);
}

TEST(ProxyChoice, BadAddressesFallBackToTheOwnOriginSayingSo) {
  for (const char* bad : {"javascript:alert(1)", "ftp://x.org", "http://", "http://user@evil.org",
                          "http://ev<il>.org", "//evil.org", "http://x.org:99999"}) {
    const ProxyChoice c = choose_proxy(kOwn, bad, {});
    EXPECT_EQ(c.url, kOwn) << bad;
    EXPECT_EQ(c.consent, ProxyConsent::Own) << bad;
    EXPECT_FALSE(c.note.empty()) << bad;
  }
}

TEST(Offline, IsItsOwnFailureAndNeverRetried) {
  HttpOutcome o;
  o.offline = true;
  o.transport_error = "this device has no network connection";
  EXPECT_EQ(classify(o), FailureClass::Offline);
  EXPECT_FALSE(o.ok());
  EXPECT_EQ(describe_failure(o), "offline (this device has no network connection)");
  EXPECT_EQ(RetryPolicy{}.next_delay(1, o), std::nullopt);
}

}  // namespace
}  // namespace tt
