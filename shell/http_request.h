#pragma once
// Sends an HTTP request of any method (core/http_request.h) natively,
// with its headers, body and basic authentication; like http_get, it
// never throws: every outcome comes back as an HttpOutcome for core to judge.
#include "core/http_outcome.h"
#include "core/http_request.h"
#include "shell/http_client.h"

namespace tt {

HttpOutcome http_request(const HttpRequest& request, const HttpClientOptions& options = {});

}  // namespace tt
