#pragma once

#include <string>
#include <vector>

#include "lib/extract/extraction.hpp"
#include "lib/rules/rule_set.hpp"
#include "lib/text/document.hpp"

namespace dossier::extract::dates {

// The date mentions of `doc`, in reading order, resolved against doc.dct.
// `warnings` collects what the document made doubtful; they end up in its NDJSON line.
std::vector<DateMention> extract(const rules::RuleSet& rules, const text::Document& doc,
                                 std::vector<std::string>& warnings);

}  // namespace dossier::extract::dates
