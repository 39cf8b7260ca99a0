#pragma once
// Threat-actor mentions: gazetteer aliases resolved to one canonical actor (ambiguous aliases
// keep every candidate), then naming-scheme rules for actors in no table ("<Word> Blizzard",
// "APT<n>", "Storm-NNNN"...), whose `country`/`sponsor` attributes say what the scheme implies.

#include <vector>

#include "lib/extract/extraction.hpp"
#include "lib/rules/rule_set.hpp"
#include "lib/text/document.hpp"

namespace dossier::extract::threat_actors {

std::vector<ThreatActorMention> extract(const rules::RuleSet& rules, const text::Document& doc);

}  // namespace dossier::extract::threat_actors
