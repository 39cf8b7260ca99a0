#pragma once
// Regulator actions: in each sentence, each match of an action rule (attribute `action`, one of
// PRODUCT.md's kinds) makes one record when the sentence names a regulator, legislature, court or
// law-enforcement body (or refers back to the one named just before: "the watchdog"; or, as
// its subject "it", to the regulator the sentence before opened with).
// Rule attributes say where the roles sit relative to the match: `regulator = "after"`
// ("reported the breach to the ICO"), `target = "before"` (the subject: passives, breach
// reports, hearings); `proposed = "true"` marks intended fines (kept as fines, with a document
// warning); `fallback = "none"` keeps the target empty rather than take an organisation from the
// other side of the trigger (the one who reported a breach is never after "reported ... to the
// ICO"). A named group `negation` ("did not", "declined to") or `negation_after` ("was not
// fined") sets `negated`. An action in a sentence with no date takes the date of the sentence
// before when that one names a regulator (the date governing it).
// The record's text is the sentence; the amount the sum of money belonging to the match.
// One record per action kind and regulator per sentence.

#include <string>
#include <vector>

#include "lib/extract/extraction.hpp"
#include "lib/rules/rule_set.hpp"
#include "lib/text/document.hpp"
#include "lib/text/sentences.hpp"

namespace dossier::extract::regulator_actions {

// `sentences` are doc's (split on first use); `warnings` collects what the document made
// doubtful; they end up in its NDJSON line.
std::vector<RegulatorAction> extract(const rules::RuleSet& rules, const text::Document& doc,
                                     const Extractions& found, text::Sentences& sentences,
                                     std::vector<std::string>& warnings);

// Organisation categories that can act as regulators.
bool can_regulate(std::string_view category);

}  // namespace dossier::extract::regulator_actions
