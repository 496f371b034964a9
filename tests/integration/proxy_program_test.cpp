// tunetrack-proxy as a program: flags and their environment variables, the
// access log, and a graceful stop on SIGTERM.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <thread>

#include "proxy/proxy_config.h"
#include "tests/fake_thesession/fake_server.h"
#include "tests/integration/test_support.h"

namespace tt {
namespace {

proxy::ProxyConfig parse(std::vector<std::string> args, bool& help) {
  std::vector<char*> argv = {const_cast<char*>("tunetrack-proxy")};
  for (auto& a : args) argv.push_back(a.data());
  return proxy::parse_proxy_config(static_cast<int>(argv.size()), argv.data(), help);
}

}  // namespace

TEST(ProxyConfig, FlagsWinOverTheEnvironment) {
  bool help = false;
  ::setenv("TUNETRACK_PROXY_PORT", "9001", 1);
  ::setenv("TUNETRACK_PROXY_ALLOW_ORIGIN", "https://a.example,https://b.example", 1);
  ::setenv("TUNETRACK_PROXY_RATE", "2.5", 1);
  auto config = parse({}, help);
  EXPECT_EQ(config.port, 9001);
  EXPECT_EQ(config.allow_origins, (std::vector<std::string>{"https://a.example", "https://b.example"}));
  EXPECT_DOUBLE_EQ(config.rate, 2.5);
  config = parse({"--port", "9002", "--allow-origin", "https://c.example", "--upstream=http://127.0.0.1:5"}, help);
  EXPECT_EQ(config.port, 9002);
  EXPECT_EQ(config.allow_origins, std::vector<std::string>{"https://c.example"});
  EXPECT_EQ(config.upstream, "http://127.0.0.1:5");
  ::unsetenv("TUNETRACK_PROXY_PORT");
  ::unsetenv("TUNETRACK_PROXY_ALLOW_ORIGIN");
  ::unsetenv("TUNETRACK_PROXY_RATE");
  // Origins are read strictly and kept as browsers print them.
  EXPECT_EQ(parse({"--allow-origin", "HTTPS://Tunes.Example.org/", "--upstream", "http://[0::1]:5"}, help).allow_origins,
            std::vector<std::string>{"https://tunes.example.org"});
  EXPECT_EQ(parse({"--upstream", "http://[0::1]:5"}, help).upstream, "http://[::1]:5");
  for (const char* bad : {"https://c.example/path", "c.example", "https://c example", "*", "https://c.example:0"}) {
    EXPECT_THROW(parse({"--allow-origin", bad}, help), std::invalid_argument) << bad;
  }
  EXPECT_THROW(parse({"--upstream", "http://jtype9:0:09"}, help), std::invalid_argument);
  EXPECT_THROW(parse({"--port", "http"}, help), std::invalid_argument);
  EXPECT_THROW(parse({"--colour", "red"}, help), std::invalid_argument);
  EXPECT_THROW(parse({"--port"}, help), std::invalid_argument);
  parse({"--help"}, help);
  EXPECT_TRUE(help);
  EXPECT_NE(proxy::proxy_usage().find("--allow-origin"), std::string::npos);
  // Every flag's whole name, then its help after a space: none cut short.
  const std::string usage = proxy::proxy_usage();
  EXPECT_NE(usage.find("--max-connections-per-client  concurrent connections per client address"), std::string::npos)
      << usage;
  const size_t column = usage.find("concurrent connections per client address") - usage.rfind('\n', usage.find("--max-connections-per-client")) - 1;
  const size_t help_line = usage.find("\n  --help");
  ASSERT_NE(help_line, std::string::npos);
  EXPECT_EQ(usage.find("this text", help_line) - help_line - 1, column) << "--help's words in the same column as the others'";
}

TEST(ProxyProgram, LogsEachRequestAndStopsGracefullyOnSigterm) {
  fake::FakeThesession fake;
  fake.start();
  testing::TempDir dir;
  const std::string log = dir.path("access.log"), out = dir.path("out");
  const pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    std::freopen(out.c_str(), "w", stdout);
    std::freopen("/dev/null", "w", stderr);
    ::execl(TT_PROXY_PATH, TT_PROXY_PATH, "--port", "0", "--upstream", fake.base_url().c_str(), "--access-log",
            log.c_str(), static_cast<char*>(nullptr));
    std::_Exit(127);
  }
  int port = 0;
  for (int i = 0; i < 200 && port == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    const std::string text = testing::read_file(out);
    const auto at = text.find("127.0.0.1:");
    if (at != std::string::npos) port = std::atoi(text.c_str() + at + 10);
  }
  ASSERT_GT(port, 0) << "the proxy did not say where it listens";
  EXPECT_EQ(testing::raw_get(port, "/api/thesession/tunes/5").status, 200);
  EXPECT_EQ(testing::raw_get(port, "/api/thesession/tunes/5").status, 200);
  EXPECT_EQ(testing::raw_get(port, "/api/evil").status, 404);

  ASSERT_EQ(::kill(pid, SIGTERM), 0);
  int status = 0;
  for (int i = 0; i < 500 && ::waitpid(pid, &status, WNOHANG) == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ASSERT_TRUE(WIFEXITED(status)) << "still running 5 s after SIGTERM";
  EXPECT_EQ(WEXITSTATUS(status), 0);

  std::ifstream in(log);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_NE(lines[0].find("GET /api/thesession/tunes/5 200 upstream_ms="), std::string::npos) << lines[0];
  EXPECT_NE(lines[0].find("cache=miss"), std::string::npos) << lines[0];
  EXPECT_NE(lines[1].find("cache=hit"), std::string::npos) << lines[1];
  EXPECT_NE(lines[2].find("GET /api/evil 404"), std::string::npos) << lines[2];
}

}  // namespace tt
