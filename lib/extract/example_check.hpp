#pragma once
// Runs every rule's own examples through the real extractor: an example must produce an
// extraction by that rule (with the expected text and fields), a counter-example must not.
// A blocker rule's examples must be matched by the blocker itself.

#include "lib/rules/diagnostic.hpp"
#include "lib/rules/rule_set.hpp"

namespace dossier::extract {

struct CheckSummary {
  std::size_t rules = 0;
  std::size_t examples = 0;
  std::size_t counter_examples = 0;
};

// Problems are appended to `diags`, each at the example's file:line:col.
CheckSummary check_examples(const rules::RuleSet& rules, rules::Diagnostics& diags);

}  // namespace dossier::extract
