#pragma once
// Byte counts as a person reads them: "812 bytes", "1.4 MB", "58 GB"
// (powers of 1024, as browsers report storage).
#include <string>

namespace tt {

std::string format_bytes(double bytes);

}  // namespace tt
