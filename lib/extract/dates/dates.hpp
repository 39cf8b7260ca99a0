#pragma once

#include <string>
#include <vector>

#include "lib/extract/document_scans.hpp"
#include "lib/extract/extraction.hpp"
#include "lib/rules/rule_set.hpp"
#include "lib/text/document.hpp"

namespace dossier::extract::dates {

// The date mentions of `doc`, in reading order, resolved against doc.dct. Takes its scan from
// `scans`.
// `warnings` collects what the document made doubtful; they end up in its NDJSON line.
//
// With no DCT from any source, the year of the document is inferred from the text itself
// (PRODUCT.md: "the tool may infer the year") and doc.dct, doc.dct_source (kInferred) are set:
// doc.dct is that year alone ("2024"), since the latest date written in the text ("2 May 2024",
// "March 2023", "2023") only bounds the creation date from below; when the text also says
// "last year" and that latest date is a bare year Y, the document is taken to be from Y+1.
// A year-only reference resolves "last year" but leaves "in April" and "yesterday" with X's.
std::vector<DateMention> extract(const rules::RuleSet& rules, text::Document& doc,
                                 DocumentScans& scans, std::vector<std::string>& warnings);

}  // namespace dossier::extract::dates
