#pragma once
// Runs a RuleSet over a Document. The stages, in order:
//   text::find_boilerplate -> dates::find_dct (if none given) -> dates::extract
//   -> organisations::extract -> threat_actors::extract -> regulator_actions::extract
// Later kinds see earlier ones (a regulator action needs the organisations and dates of its
// sentence). Pure function of its inputs; safe to run on many documents at once.

#include "lib/extract/document_scans.hpp"
#include "lib/extract/extraction.hpp"
#include "lib/rules/rule_set.hpp"
#include "lib/text/document.hpp"

namespace dossier::extract {

// Fills doc.boilerplate, doc.dct/dct_source when not set yet, doc.title when empty, and
// appends to doc.warnings; returns the extractions. The document-wide scans are taken from
// `scans` (run beforehand for a batch, or now); the first form runs them now.
Extractions extract(const rules::RuleSet& rules, text::Document& doc, DocumentScans& scans);
Extractions extract(const rules::RuleSet& rules, text::Document& doc);

}  // namespace dossier::extract
