#pragma once
// The one place the product's version lives; the CLI, the proxy's /healthz
// and the web page all print it.
namespace tt {
inline constexpr const char* kAppVersion = "0.1.0";
}
