#include "lib/extract/document_scans.hpp"

#include "lib/extract/extraction.hpp"

namespace dossier::extract {
namespace {

// The rule scanner of a rule scan; nullptr for a name scan.
const rules::PatternScanner* rule_scanner(const rules::RuleSet& rules, Scan scan) {
  switch (scan) {
    case Scan::kDateRules:
      return &rules.rules(rules::Kind::kDates).scanner;
    case Scan::kOrganisationRules:
      return &rules.rules(rules::Kind::kOrganisations).scanner;
    case Scan::kThreatActorRules:
      return &rules.rules(rules::Kind::kThreatActors).scanner;
    case Scan::kOrganisationNames:
    case Scan::kThreatActorNames:
      break;
  }
  return nullptr;
}

std::vector<rules::Hit> scan_now(const rules::RuleSet& rules, std::string_view text, Scan scan) {
  if (const rules::PatternScanner* sc = rule_scanner(rules, scan))
    return sc->scan(text, true, kMaxHitsPerScan);
  const rules::Kind kind =
      scan == Scan::kOrganisationNames ? rules::Kind::kOrganisations : rules::Kind::kThreatActors;
  return rules.names(kind).matcher.scan(text, kMaxHitsPerScan);
}

}  // namespace

void DocumentScans::find(const rules::RuleSet& rules, std::string_view text, Scan scan) {
  if (const rules::PatternScanner* sc = rule_scanner(rules, scan))
    spans_[static_cast<std::size_t>(scan)] = sc->find_spans(text, kMaxHitsPerScan);
}

void DocumentScans::run(const rules::RuleSet& rules, std::string_view text, Scan scan) {
  auto& spans = spans_[static_cast<std::size_t>(scan)];
  if (spans) {
    hits_[static_cast<std::size_t>(scan)] =
        rule_scanner(rules, scan)->identify(text, *spans, true, kMaxHitsPerScan);
    spans.reset();
  } else {
    hits_[static_cast<std::size_t>(scan)] = scan_now(rules, text, scan);
  }
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
