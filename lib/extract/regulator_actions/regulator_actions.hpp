#pragma once
// Regulator actions: in each sentence that names a regulator, legislature, court or
// law-enforcement body, an action rule's match (attribute `action`, one of PRODUCT.md's kinds)
// makes one record; the regulator is the acting organisation of the sentence, the target the
// organisation acted on, the date the date mention of the sentence.

#include <string>
#include <vector>

#include "lib/extract/extraction.hpp"
#include "lib/rules/rule_set.hpp"
#include "lib/text/document.hpp"

namespace dossier::extract::regulator_actions {

// `warnings` collects what the document made doubtful; they end up in its NDJSON line.
std::vector<RegulatorAction> extract(const rules::RuleSet& rules, const text::Document& doc,
                                     const Extractions& found, std::vector<std::string>& warnings);

// Organisation categories that can act as regulators.
bool can_regulate(std::string_view category);

}  // namespace dossier::extract::regulator_actions
