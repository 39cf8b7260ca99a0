#pragma once
// Unit tests of one extraction kind: a RuleSet from named files of the source tree's data/
// (so a test does not depend on other kinds' rules), and the extractor run on a text.

#include <string>
#include <vector>

#include "lib/extract/extractor.hpp"
#include "lib/rules/rule_set.hpp"
#include "lib/text/document.hpp"

namespace dossier::testing {

// The rule set loaded from `files`, paths under data/ ("rules/dates.toml",
// "gazetteers/organisations.toml"); loaded once per list and kept. Fails the test (REQUIRE)
// when a file cannot be read or the rules have problems.
const rules::RuleSet& rules_from(const std::vector<std::string>& files);

// Extracts `text` as a document whose creation date is `dct` (given as by --dct; "" for none).
// `doc` receives the document afterwards (its warnings, an inferred DCT) when not null.
extract::Extractions extract_text(const rules::RuleSet& rules, const std::string& text,
                                  const std::string& dct = "", text::Document* doc = nullptr);

}  // namespace dossier::testing
