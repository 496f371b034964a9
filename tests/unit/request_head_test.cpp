#include <gtest/gtest.h>

#include "core/request_head.h"

namespace tt {

TEST(RequestHead, FindsTheEndOfTheHead) {
  EXPECT_EQ(find_head_end("GET / HTTP/1.1\r\nHost: x\r\n\r\nrest"), 27u);
  EXPECT_EQ(find_head_end("GET / HTTP/1.1\r\nHost: x\r\n"), std::string_view::npos);
}

TEST(RequestHead, RefusesWhatBreaksALimitEvenBeforeItEnds) {
  EXPECT_FALSE(check_request_head("GET / HTTP/1.1\r\nHost: x\r\n\r\n"));
  EXPECT_FALSE(check_request_head("GET / HTT"));  // still arriving
  EXPECT_EQ(check_request_head("GET /" + std::string(3000, 'a'))->status, 414);
  EXPECT_EQ(check_request_head("GET / HTTP/1.1\r\nX: " + std::string(5000, 'a'))->status, 431);
  std::string many = "GET / HTTP/1.1\r\n";
  for (int i = 0; i < 65; ++i) many += "A: b\r\n";
  EXPECT_EQ(check_request_head(many)->status, 431);
  EXPECT_EQ(check_request_head(std::string(20000, 'G'))->status, 414);
}

TEST(RequestHead, NoBodyOnGetHeadOrOptions) {
  for (const char* head : {"GET / HTTP/1.1\r\ncontent-length: 1\r\n\r\n", "HEAD / HTTP/1.1\r\nContent-Length:  7 \r\n\r\n",
                           "OPTIONS / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n",
                           "GET / HTTP/1.1\r\nContent-Length: 0\r\nContent-Length: x\r\n\r\n"}) {
    const auto refusal = check_request_head(head);
    ASSERT_TRUE(refusal) << head;
    EXPECT_EQ(refusal->status, 400);
  }
  EXPECT_FALSE(check_request_head("GET / HTTP/1.1\r\nContent-Length: 0\r\n\r\n"));
  EXPECT_FALSE(check_request_head("POST / HTTP/1.1\r\nContent-Length: 4\r\n\r\n"));  // 405 comes later
}

}  // namespace tt
