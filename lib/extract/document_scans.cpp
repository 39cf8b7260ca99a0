#include "lib/extract/document_scans.hpp"

#include "lib/extract/extraction.hpp"

namespace dossier::extract {
namespace {

std::vector<rules::Hit> scan_now(const rules::RuleSet& rules, std::string_view text, Scan scan) {
  switch (scan) {
    case Scan::kDateRules:
      return rules.rules(rules::Kind::kDates).scanner.scan(text, true, kMaxHitsPerScan);
    case Scan::kOrganisationNames:
      return rules.names(rules::Kind::kOrganisations).matcher.scan(text, kMaxHitsPerScan);
    case Scan::kOrganisationRules:
      return rules.rules(rules::Kind::kOrganisations).scanner.scan(text, true, kMaxHitsPerScan);
    case Scan::kThreatActorNames:
      return rules.names(rules::Kind::kThreatActors).matcher.scan(text, kMaxHitsPerScan);
    case Scan::kThreatActorRules:
      return rules.rules(rules::Kind::kThreatActors).scanner.scan(text, true, kMaxHitsPerScan);
  }
  return {};
}

}  // namespace

void DocumentScans::run(const rules::RuleSet& rules, std::string_view text, Scan scan) {
  hits_[static_cast<std::size_t>(scan)] = scan_now(rules, text, scan);
}

std::vector<rules::Hit> DocumentScans::take(const rules::RuleSet& rules, std::string_view text,
                                            Scan scan) {
  auto& slot = hits_[static_cast<std::size_t>(scan)];
  if (!slot) return scan_now(rules, text, scan);
  std::vector<rules::Hit> hits = std::move(*slot);
  slot.reset();
  return hits;
}

}  // namespace dossier::extract
