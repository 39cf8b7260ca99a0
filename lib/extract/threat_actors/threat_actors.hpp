#pragma once
// Threat-actor mentions: gazetteer aliases resolved to one canonical actor (ambiguous aliases
// keep every candidate), then naming-scheme rules for actors in no table ("<Word> Blizzard",
// "APT<n>", "Storm-NNNN"...), whose `country`/`sponsor` attributes say what the scheme implies.

#include <string>
#include <vector>

#include "lib/extract/document_scans.hpp"
#include "lib/extract/extraction.hpp"
#include "lib/rules/rule_set.hpp"
#include "lib/text/document.hpp"
#include "lib/text/sentences.hpp"

namespace dossier::extract::threat_actors {

// Takes its two scans from `scans`; `sentences` are doc's (split on first use); `warnings`
// collects what the document made doubtful; they end up in its NDJSON line.
std::vector<ThreatActorMention> extract(const rules::RuleSet& rules, const text::Document& doc,
                                        DocumentScans& scans, text::Sentences& sentences,
                                        std::vector<std::string>& warnings);

}  // namespace dossier::extract::threat_actors
