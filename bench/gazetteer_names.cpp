#include "bench/gazetteer_names.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace dossier::bench {

std::map<std::string, std::vector<NamedAlias>> gazetteer_names(const std::string& dir) {
  std::map<std::string, std::vector<NamedAlias>> out;
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    if (e.is_regular_file() && e.path().extension() == ".toml") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& p : files) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    rules::Diagnostics diags;
    rules::GazetteerFile g = rules::parse_gazetteer_file(ss.str(), p.string(), diags);
    std::string kind = p.stem().string();
    if (g.kind) kind = std::string(rules::to_string(*g.kind));
    for (const rules::Entity& e : g.entities) {
      for (const rules::Alias& a : e.aliases) out[kind].push_back({a.text, a.ignore_case});
    }
  }
  return out;
}

}  // namespace dossier::bench
