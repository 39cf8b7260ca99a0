#pragma once
// Every alias of every gazetteer file in a folder, by the gazetteer's kind ("organisations",
// "threat_actors", ...): the names the corpus builder swaps and the raw scan looks for.

#include <map>
#include <string>
#include <vector>

#include "lib/rules/gazetteer.hpp"

namespace dossier::bench {

struct NamedAlias {
  std::string text;
  bool ignore_case = false;
};

// kind name -> aliases, read from every *.toml under `dir` (problems are printed and skipped).
std::map<std::string, std::vector<NamedAlias>> gazetteer_names(const std::string& dir);

}  // namespace dossier::bench
