#pragma once
// What a musician types or pastes to name a thesession.org member or tune:
// the number itself ("1001", spaces around it ignored), or the page's address
// copied from the browser ("https://thesession.org/members/1001", with or
// without the scheme or "www.", and with anything after the number: a path
// such as "/tunebook", a query or a fragment). The page's sync form and the
// CLI's --member and --tune read it the same way, with errors that say what
// to type instead.
#include <cstdint>
#include <string_view>

#include "core/parse_number.h"

namespace tt {

enum class ThesessionThing { Member, Tune };

Parsed<int64_t> read_thesession_number(std::string_view typed, ThesessionThing thing);

// Where a member finds their number: said beside the field that asks for it.
inline constexpr const char* kWhereMemberNumberIs =
    "Your member number is the number at the end of your profile's address on thesession.org "
    "(thesession.org/members/12345). You can paste that address here.";

}  // namespace tt
