#pragma once
// The scans that read a whole document: the date rules, the organisation names and rules, the
// threat-actor names and rules. (Regulator actions scan only the sentences that name a
// regulator, so they are not among them.) A stage takes its scan's hits from here; each scan
// runs when it is first taken, unless run() ran it beforehand.
//
// Running one scanner over a batch of documents before the next (pipeline::process_batch) keeps
// one RE2 DFA at a time in the CPU's cache; document by document, each scanner evicts the
// others' states. On the 1 GB bench corpus the five scans took 25-30% less time in batches of
// 32-128 documents than one document at a time; `extract` of that corpus took 20-25% less
// time in batches of 64 documents or 1 MB than one at a time.
//
// One per document and thread.

#include <array>
#include <optional>
#include <string_view>
#include <vector>

#include "lib/rules/pattern_scanner.hpp"
#include "lib/rules/rule_set.hpp"

namespace dossier::extract {

enum class Scan {
  kDateRules,
  kOrganisationNames,
  kOrganisationRules,
  kThreatActorNames,
  kThreatActorRules
};
inline constexpr std::array<Scan, 5> kDocumentScans = {
    Scan::kDateRules, Scan::kOrganisationNames, Scan::kOrganisationRules, Scan::kThreatActorNames,
    Scan::kThreatActorRules};

class DocumentScans {
 public:
  // The first step of run() for a rule scan: finds its spans (rules::PatternScanner::find_spans),
  // which run() then identifies. (process_batch finds a scan's spans in every document of a
  // batch before it identifies any.) Nothing for a name scan.
  void find(const rules::RuleSet& rules, std::string_view text, Scan scan);
  // Runs `scan` over `text` now (at most kMaxHitsPerScan hits), for a later take(); from the
  // spans find() found, when it ran.
  void run(const rules::RuleSet& rules, std::string_view text, Scan scan);
  // The hits of `scan` over `text`: those run() found, else found now. Each scan's hits are
  // handed out once; a second take() scans again.
  std::vector<rules::Hit> take(const rules::RuleSet& rules, std::string_view text, Scan scan);

 private:
  std::array<std::optional<std::vector<rules::Hit>>, kDocumentScans.size()> hits_;
  std::array<std::optional<std::vector<text::Span>>, kDocumentScans.size()> spans_;
};

}  // namespace dossier::extract
