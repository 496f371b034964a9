#pragma once
// One CSV field (RFC 4180): quoted only when it holds a comma, a quote or a
// line break; quotes inside are doubled. Used by every CSV export.
#include <string>
#include <string_view>

namespace tt {

std::string csv_field(std::string_view value);

}  // namespace tt
