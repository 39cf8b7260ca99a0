#include "lib/pipeline/load_rules.hpp"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "lib/error.hpp"

namespace dossier::pipeline {

std::shared_ptr<const rules::RuleSet> load_rules(const std::vector<std::string>& user_dirs) {
  std::vector<std::filesystem::path> dirs{rules::builtin_data_dir()};
  for (const std::string& d : user_dirs) dirs.emplace_back(d);
  rules::Diagnostics diags;
  auto set = rules::RuleSet::load(dirs, diags);
  if (!diags.empty()) {
    std::string msg;
    for (const auto& d : diags) {
      if (!msg.empty()) msg += '\n';
      msg += d.format();
    }
    msg += "\nrules do not load; `dossier rules check` says more";
    throw Fatal(msg);
  }
#if defined(__GLIBC__)
  // Loading freed more than the rules keep (a 100,000-entity gazetteer's TOML document alone is
  // ~100 MB); the workers allocate in malloc arenas of their own and would not reuse it, so it
  // would stay in the peak RSS. Give it back.
  malloc_trim(0);
#endif
  return set;
}

}  // namespace dossier::pipeline
