#pragma once
// How a tune is written for people and other programs, in one place for the
// CLI and the page: its thesession.org address, its ABC for copying and for
// the notation renderer.
#include <cstdint>
#include <optional>
#include <string>

#include "core/thesession_api.h"

namespace tt {

// The tune's page on thesession.org (for people; the API is ApiEndpoint's).
std::string thesession_tune_page(int64_t tune_id);

// A complete ABC tune for one setting, ready to paste into any ABC tool or
// hand to a renderer: the header thesession's JSON implies (X, T, R, M and L
// from the type, K from the setting's key), then the body with thesession's
// "! " line breaks as lines. Empty when there is no such setting.
std::string abc_document(const TuneDetails& tune, size_t setting_index);

// The same header over the setting's opening bars (two, and a pickup),
// without chord names: a list's incipit. Empty when there is no such setting
// or it has no music.
std::string abc_incipit(const TuneDetails& tune, size_t setting_index, int bars = 2);

// Where the chosen setting is in the tune's list: the first when none was
// chosen or the chosen one is gone from thesession.org.
size_t setting_index(const TuneDetails& tune, std::optional<int64_t> setting_id);

// "Setting 2 of 4 · G major": what the setting selector shows.
std::string setting_label(const TuneDetails& tune, size_t setting_index);

}  // namespace tt
