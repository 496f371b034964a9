#pragma once
// The ABC of a thesession.org setting, made ready for a renderer: its line
// breaks as lines, and its opening bars for a list's incipit.
#include <string>
#include <string_view>

namespace tt {

// thesession's JSON writes some line ends as "! " (a "!" not closing a
// decoration like "!trill!"), others as "\r\n". Both become "\n"; decorations
// are kept; trailing spaces go.
std::string thesession_abc_body(std::string_view abc);

// The first `bars` bars that hold music, as one line ending in "|". A pickup
// (a first bar shorter than the second) comes on top, as musicians start
// there. Repeat signs and endings are dropped; chords in quotes, grace notes,
// decorations and inline fields are kept as written. The whole body when it
// has fewer bars.
std::string abc_opening_bars(std::string_view body, int bars);

}  // namespace tt
