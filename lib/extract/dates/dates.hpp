#pragma once

#include <vector>

#include "lib/extract/extraction.hpp"
#include "lib/rules/rule_set.hpp"
#include "lib/text/document.hpp"

namespace dossier::extract::dates {

// The date mentions of `doc`, in reading order, resolved against doc.dct.
std::vector<DateMention> extract(const rules::RuleSet& rules, const text::Document& doc);

}  // namespace dossier::extract::dates
