#include <fmt/format.h>

#include <cstdio>

#include "lib/extract/example_check.hpp"
#include "lib/pipeline/commands.hpp"
#include "lib/rules/rule_set.hpp"

namespace dossier::pipeline {

int run_rules_check(const std::vector<std::string>& dirs, bool quiet) {
  std::vector<std::filesystem::path> all{rules::builtin_data_dir()};
  for (const std::string& d : dirs) {
    if (std::filesystem::weakly_canonical(d) != std::filesystem::weakly_canonical(all[0]))
      all.emplace_back(d);
  }
  rules::Diagnostics diags;
  auto set = rules::RuleSet::load(all, diags);
  extract::CheckSummary sum;
  if (diags.empty()) sum = extract::check_examples(*set, diags);
  for (const auto& d : diags) std::fprintf(stderr, "%s\n", d.format().c_str());
  if (!quiet) {
    std::fprintf(stderr, "%zu files, %zu rules, %zu examples, %zu counter-examples: %zu problem%s\n",
                 set->file_count(), sum.rules, sum.examples, sum.counter_examples, diags.size(),
                 diags.size() == 1 ? "" : "s");
  }
  return diags.empty() ? kExitOk : kExitFatal;
}

}  // namespace dossier::pipeline
