#pragma once

#include <memory>
#include <string>
#include <vector>

#include "lib/rules/rule_set.hpp"

namespace dossier::pipeline {

// The built-in rules plus the user's --rules directories; throws Fatal listing every problem
// as file:line:col.
std::shared_ptr<const rules::RuleSet> load_rules(const std::vector<std::string>& user_dirs);

}  // namespace dossier::pipeline
