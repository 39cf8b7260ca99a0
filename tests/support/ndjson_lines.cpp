#include "tests/support/ndjson_lines.hpp"

#include <sstream>

namespace dossier::testing {

std::vector<nlohmann::json> ndjson_lines(const std::string& out) {
  std::vector<nlohmann::json> v;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) v.push_back(nlohmann::json::parse(line));
  return v;
}

}  // namespace dossier::testing
