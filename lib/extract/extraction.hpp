#pragma once
// What extraction produces for one document: one element per mention, in reading order, each
// with byte offsets into Document::text. These are the NDJSON objects of PRODUCT.md.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "lib/text/document.hpp"

namespace dossier::extract {

// At most this many extractions per document; past it the rest are dropped with a warning.
inline constexpr std::size_t kMaxExtractionsPerDocument = 100000;
// Each stage's scan stops one past the cap: a document built to match millions of times (a
// 50 MB line of dates) costs no more time or memory than one at the cap.
inline constexpr std::size_t kMaxHitsPerScan = kMaxExtractionsPerDocument + 1;

// Fields every extraction has.
struct Mention {
  std::string text;  // == document.text.substr(span.start, span.size()), always
  text::Span span;
  int line = 0;      // 1-based
  std::string rule;  // "<file-stem>/<rule id>"
  bool boilerplate = false;
};

struct DateMention : Mention {
  std::string value;      // TIMEX3: 2024, 2024-05, 2024-05-02, 2024-W19, 2024-Q2, 2024-SU, XXXX-05-02
  std::string precision;  // year half quarter season month week day
  std::optional<std::string> mod;  // START MID END APPROX BEFORE AFTER
  std::string anchor;     // absolute dct previous none
};

struct OrganisationMention : Mention {
  std::string name;  // canonical
  std::string category;
  std::string country;
};

struct ThreatActorMention : Mention {
  std::string name;  // canonical
  std::string country;
  std::string sponsor;
  std::vector<std::string> aliases;  // the other aliases of the canonical actor
  std::map<std::string, std::string> ids;
  bool ambiguous = false;
  std::vector<std::string> candidates;  // canonical names, when ambiguous
};

struct RegulatorAction : Mention {
  std::string regulator;  // canonical name
  std::string action;     // fine reprimand warning order investigation no_further_action ...
  std::string target;     // canonical name, or the text when not an organisation; empty if none
  std::optional<std::string> date;
  std::optional<std::int64_t> amount;  // minor units
  std::optional<std::string> currency;  // ISO 4217
  bool negated = false;
};

struct Extractions {
  std::vector<DateMention> dates;
  std::vector<OrganisationMention> organisations;
  std::vector<ThreatActorMention> threat_actors;
  std::vector<RegulatorAction> regulator_actions;

  std::size_t size() const {
    return dates.size() + organisations.size() + threat_actors.size() + regulator_actions.size();
  }
};

}  // namespace dossier::extract
