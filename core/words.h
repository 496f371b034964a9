#pragma once
// Small pieces of English the page and the CLI both say: a count with its
// noun ("1 set", "2 sets") and a wait ("10 min", "8 days"), so neither
// writes "1 sets" nor "1m" (which reads as a month).
#include <cstdint>
#include <string>
#include <string_view>

namespace tt {

// "1 set", "0 sets", "12 sets": the plural is given, English has too many rules.
std::string counted(int64_t n, std::string_view singular, std::string_view plural);

// A wait from now, rounded to what a musician plans by: "1 min" (never
// less), "45 min", "3 hours", "8 days", "2 months", "1.5 years".
std::string wait_words(int64_t ms);

}  // namespace tt
