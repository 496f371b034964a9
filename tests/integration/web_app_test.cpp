// The page as an app, natively (web/update/update_app.cpp): a link's proxy gets no
// request before it is agreed to; offline is said at once; an accepted update
// waits for every change to be saved; persistence is asked after the first
// save; the export reminder follows its rule on the store's settings.
#include "tests/integration/web_page.h"

namespace tt {
namespace {

using testing::WebPage;
namespace ev = web::event;

constexpr double kDay = 24.0 * 60 * 60 * 1000;

void open_page(WebPage& page, const std::string& proxy_param = "",
               std::map<std::string, std::string> answers = {}) {
  page.dispatch(ev::PageOpened{"http://page.test", proxy_param, std::move(answers), true});
  page.open();
}

bool fetched_anything_from(const WebPage& page, const std::string& origin) {
  for (const auto& f : page.outstanding) {
    if (f.url.rfind(origin, 0) == 0 || f.probe_url.rfind(origin, 0) == 0) return true;
  }
  return false;
}

HttpOutcome offline() {
  HttpOutcome o;
  o.offline = true;
  o.transport_error = "the proxy at page.test cannot be reached";
  return o;
}

}  // namespace

TEST(WebApp, ALinksProxyGetsNothingUntilAgreedTo) {
  WebPage page;
  page.outstanding.clear();
  page.dispatch(ev::PageOpened{"http://page.test", "http://other.test:9000/", {}, true});
  EXPECT_EQ(page.model.proxy, "http://page.test");
  EXPECT_EQ(page.model.proxy_choice.consent, ProxyConsent::Asking);
  page.dispatch(ev::StorageLoaded{""});
  page.dispatch(ev::LockChanged{1});
  EXPECT_TRUE(page.has_fetch("http://page.test/healthz"));
  EXPECT_FALSE(fetched_anything_from(page, "http://other.test"));

  page.dispatch(ev::AnswerProxyQuestion{true});
  const auto remembered = page.effects_of<web::effect::RememberProxyAnswer>();
  ASSERT_EQ(remembered.size(), 1u);
  EXPECT_EQ(remembered[0].origin, "http://other.test:9000");
  EXPECT_TRUE(remembered[0].allow);
  EXPECT_EQ(page.model.proxy, "http://other.test:9000");
  EXPECT_TRUE(page.has_fetch("http://other.test:9000/healthz"));
}

TEST(WebApp, ARefusedProxyIsNeverUsedAndTheRefusalIsSaid) {
  WebPage page;
  page.outstanding.clear();
  open_page(page, "http://other.test:9000");
  page.dispatch(ev::AnswerProxyQuestion{false});
  EXPECT_EQ(page.effects_of<web::effect::RememberProxyAnswer>().at(0).allow, false);
  EXPECT_EQ(page.model.proxy, "http://page.test");
  ASSERT_FALSE(page.model.banners.empty());
  EXPECT_NE(page.model.banners.back().text.find("other.test:9000"), std::string::npos);
  page.dispatch(ev::MemberIdEdited{"100010"});
  page.dispatch(ev::StartSync{});
  EXPECT_FALSE(fetched_anything_from(page, "http://other.test"));
}

TEST(WebApp, ARememberedAnswerIsUsedWithoutAsking) {
  WebPage page;
  open_page(page, "http://other.test:9000", {{"http://other.test:9000", "allow"}});
  EXPECT_EQ(page.model.proxy_choice.consent, ProxyConsent::Accepted);
  EXPECT_EQ(page.model.proxy, "http://other.test:9000");
}

TEST(WebApp, OfflineFailsTheSyncAtOnceAndChangesNothing) {
  WebPage page;
  open_page(page);
  page.dispatch(ev::MemberIdEdited{"100120"});
  page.dispatch(ev::StartSync{});
  page.answer("/tunebook?page=1", offline());
  EXPECT_FALSE(page.model.syncing);
  ASSERT_TRUE(page.model.last_sync);
  EXPECT_EQ(page.model.last_sync->failure, SyncFailure::Offline);
  EXPECT_EQ(page.model.last_sync->message.rfind("You are offline: the proxy at page.test cannot be reached.", 0), 0u);
  EXPECT_TRUE(page.timers.empty()) << "no retry is waited for";
  EXPECT_TRUE(page.model.app.offline);
  EXPECT_EQ(page.model.collection.entries().size(), 0u);
  // Any answer from the proxy ends "offline".
  page.dispatch(ev::StartSync{});
  page.answer("/tunebook?page=1", WebPage::status(503));
  EXPECT_FALSE(page.model.app.offline);
}

TEST(WebApp, ABrowserThatSaysOfflineSyncsNothing) {
  WebPage page;
  open_page(page);
  page.outstanding.clear();
  page.dispatch(ev::OnlineChanged{false});
  page.dispatch(ev::MemberIdEdited{"100120"});
  page.dispatch(ev::StartSync{});
  EXPECT_TRUE(page.outstanding.empty());
  ASSERT_TRUE(page.model.last_sync);
  EXPECT_EQ(page.model.last_sync->message.rfind("You are offline: this device has no network connection", 0), 0u);
}

TEST(WebApp, AnAcceptedUpdateWaitsUntilNotesAreSaved) {
  WebPage page;
  open_page(page);
  page.dispatch(ev::AddTune{{5, "The Kesh", "jig", ""}});
  page.dispatch(ev::Saved{""});
  page.dispatch(ev::NotesEdited{5, "Play it slower"});
  page.dispatch(ev::AppShellChanged{"controlled", true, false, "b2", ""});
  EXPECT_TRUE(page.model.app.update_available);
  const int saves = page.saves;
  page.dispatch(ev::AcceptUpdate{});
  EXPECT_EQ(page.saves, saves + 1) << "the draft is committed and saved first";
  EXPECT_TRUE(page.effects_of<web::effect::ActivateUpdate>().empty());
  page.dispatch(ev::Saved{""});
  EXPECT_EQ(page.effects_of<web::effect::ActivateUpdate>().size(), 1u);
  EXPECT_EQ(page.model.entry(5)->notes, "Play it slower");
  page.dispatch(ev::Tick{});
  EXPECT_TRUE(page.effects_of<web::effect::ActivateUpdate>().empty()) << "asked once";
}

TEST(WebApp, NoUpdateIsTakenUnlessOneIsWaiting) {
  WebPage page;
  open_page(page);
  page.dispatch(ev::AcceptUpdate{});
  EXPECT_FALSE(page.model.app.update_accepted);
  EXPECT_TRUE(page.effects_of<web::effect::ActivateUpdate>().empty());
}

TEST(WebApp, PersistenceIsAskedAfterTheFirstSaveOnly) {
  WebPage page;
  open_page(page);
  page.dispatch(ev::AddTune{{5, "The Kesh", "jig", ""}});
  page.dispatch(ev::Saved{""});
  EXPECT_EQ(page.effects_of<web::effect::RequestPersistence>().size(), 1u);
  page.dispatch(ev::StorageEstimated{false, 2e6, 1e10});
  page.dispatch(ev::Heard{5, false});
  page.dispatch(ev::Saved{""});
  EXPECT_TRUE(page.effects_of<web::effect::RequestPersistence>().empty());
  EXPECT_EQ(page.effects_of<web::effect::EstimateStorage>().size(), 1u);
  EXPECT_EQ(page.model.storage.persisted, false);
  EXPECT_EQ(page.model.storage.usage_bytes, 2e6);
}

TEST(WebApp, TheDataTabKnowsTheSizeOnTheDeviceAndTheLastDurableSave) {
  WebPage page;
  open_page(page);
  EXPECT_EQ(page.model.storage.last_saved_at_ms, 0) << "a first start has saved nothing";
  page.dispatch(ev::AddTune{{5, "The Kesh", "jig", ""}});
  page.pass(2000);
  page.dispatch(ev::Saved{"", 300000, 8192});
  EXPECT_EQ(page.model.storage.database_bytes, 300000);
  EXPECT_EQ(page.model.storage.last_save_bytes, 8192);
  EXPECT_EQ(page.model.storage.last_saved_at_ms, page.clock) << "durable when IndexedDB said so";
  const double saved_at = page.clock;
  page.dispatch(ev::Heard{5, false});
  page.pass(2000);
  page.dispatch(ev::Saved{"QuotaExceededError"});
  EXPECT_EQ(page.model.storage.last_saved_at_ms, saved_at) << "a failed save is not the last durable one";
  EXPECT_EQ(page.model.storage.last_save_bytes, 8192);
}

TEST(WebApp, TheExportReminderFollowsItsRuleAndIsKeptInTheStore) {
  WebPage page;
  open_page(page);
  page.dispatch(ev::AddTune{{5, "The Kesh", "jig", ""}});
  page.dispatch(ev::Saved{""});
  EXPECT_FALSE(page.model.keep.reminder);
  page.pass(31 * kDay);
  EXPECT_TRUE(page.model.keep.reminder);
  page.dispatch(ev::DismissExportReminder{});
  EXPECT_FALSE(page.model.keep.reminder);
  page.pass(6 * kDay);
  EXPECT_FALSE(page.model.keep.reminder);
  page.pass(1 * kDay);
  EXPECT_TRUE(page.model.keep.reminder) << "back a week after Not now";
  page.dispatch(ev::ExportCollection{true});
  EXPECT_FALSE(page.model.keep.reminder);
  EXPECT_EQ(page.services.store->setting("keep.last_export_ms"), std::to_string(static_cast<int64_t>(page.clock)));
  // Read back from the store, as after a reload.
  page.model.keep = {};
  page.dispatch(ev::StorageReloaded{""});
  EXPECT_EQ(page.model.keep.history.last_export_ms, static_cast<int64_t>(page.clock));
  page.pass(40 * kDay);
  EXPECT_FALSE(page.model.keep.reminder) << "nothing changed since the export";
}

}  // namespace tt
