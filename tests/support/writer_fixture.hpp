#pragma once
// Tests of the writer and the pipeline that need no rules: an empty rule set, and a decoded
// document ready to be written.

#include <string>

#include "lib/rules/rule_set.hpp"
#include "lib/text/document.hpp"

namespace dossier::testing {

// A rule set with no rules and no gazetteers; loaded once and kept.
std::shared_ptr<const rules::RuleSet> no_rules();

// A UTF-8 document at `path` whose text is `text`, as the writer receives it.
text::Document stored_document(const std::string& path, const std::string& text);

}  // namespace dossier::testing
