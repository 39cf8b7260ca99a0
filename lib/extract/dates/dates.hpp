#pragma once

#include <string>
#include <vector>

#include "lib/extract/extraction.hpp"
#include "lib/rules/rule_set.hpp"
#include "lib/text/document.hpp"

namespace dossier::extract::dates {

// The date mentions of `doc`, in reading order, resolved against doc.dct.
// `warnings` collects what the document made doubtful; they end up in its NDJSON line.
//
// With no DCT from any source, the reference is inferred from the text itself and doc.dct,
// doc.dct_source (kInferred) are set: the latest date written in full ("2 May 2024", "March
// 2023", "2023") is taken as the creation date at its own precision; when the text also says
// "last year" and that latest date is a bare year Y, the document is taken to be from Y+1.
// A year-only reference resolves "last year" but leaves "in April" and "yesterday" with X's.
std::vector<DateMention> extract(const rules::RuleSet& rules, text::Document& doc,
                                 std::vector<std::string>& warnings);

}  // namespace dossier::extract::dates
