#pragma once
// NDJSON output (dossier extract, a query's --json) as one parsed value per line.

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace dossier::testing {

// Each line of `out` parsed; throws (failing the test) on a line that is not JSON.
std::vector<nlohmann::json> ndjson_lines(const std::string& out);

}  // namespace dossier::testing
