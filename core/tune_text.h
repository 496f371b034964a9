#pragma once
// How a tune is written for people and other programs, in one place for the
// CLI and the page: its thesession.org address, its ABC for copying.
#include <cstdint>
#include <string>

#include "core/thesession_api.h"

namespace tt {

// The tune's page on thesession.org (for people; the API is ApiEndpoint's).
std::string thesession_tune_page(int64_t tune_id);

// A complete ABC tune for one setting (X, T, R, K header, then the body),
// ready to paste into any ABC tool. Empty when there is no such setting.
std::string abc_document(const TuneDetails& tune, size_t setting_index);

}  // namespace tt
