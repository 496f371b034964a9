#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace tt {

// The twelve tune types thesession.org uses, in its own spelling.
const std::vector<std::string>& known_tune_types();

// Brings a type as found in API data or typed by a person to thesession.org's
// spelling: lower case, single spaces, "slipjig"/"slip-jig" -> "slip jig",
// "3/2"/"three two" -> "three-two", "barn dance" -> "barndance". Unknown types
// are kept (normalised in case and spacing), never dropped.
std::string normalise_tune_type(std::string_view raw);

}  // namespace tt
