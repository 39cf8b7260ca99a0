#pragma once
// Organisation mentions: gazetteer names and descriptions ("Britain's data protection
// regulator" -> ICO), then rules for organisations in no gazetteer (legal forms, institutional
// shapes, roles). A rule's `name` group is the organisation's text (default: the whole match);
// its `category` and `country` attributes fill the mention.

#include <string>
#include <vector>

#include "lib/extract/document_scans.hpp"
#include "lib/extract/extraction.hpp"
#include "lib/rules/rule_set.hpp"
#include "lib/text/document.hpp"

namespace dossier::extract::organisations {

// Takes its two scans from `scans`; `warnings` collects what the document made doubtful; they
// end up in its NDJSON line.
std::vector<OrganisationMention> extract(const rules::RuleSet& rules, const text::Document& doc,
                                         DocumentScans& scans, std::vector<std::string>& warnings);

}  // namespace dossier::extract::organisations
