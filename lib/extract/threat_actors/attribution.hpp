#pragma once
// Attribution stated in the text ("works for Russia's SVR intelligence agency", "a Russia-linked
// group", "attributed to China"): the threat-actor rules with `role = "attribution"` find the
// cues; each actor mention takes the nearest cue in its own sentence, else in the sentence
// before. A cue fills `country`/`sponsor` the table left empty; one that contradicts the table
// leaves the table's value and adds a document warning.

#include <string>
#include <string_view>
#include <vector>

#include "lib/extract/extraction.hpp"
#include "lib/rules/rule_set.hpp"
#include "lib/text/document.hpp"
#include "lib/text/sentences.hpp"

namespace dossier::extract::threat_actors {

// One attribution cue in the document.
struct Attribution {
  text::Span span;
  std::string country;  // ISO-2, from the rule
  std::string sponsor;  // the agency ("SVR"), from the `sponsor` group or attribute; may be empty
};

// Whether `rule` is an attribution cue rather than a naming scheme.
bool is_attribution_rule(const rules::Rule& rule);

// The cue a hit (with captures) of an attribution rule makes in `doc_text`.
Attribution attribution_of(const rules::Rule& rule, const rules::Hit& hit,
                           std::string_view doc_text);

// Gives each mention the country/sponsor of its nearest cue (see above); `cues` in any order.
void apply_attributions(std::vector<ThreatActorMention>& mentions,
                        const std::vector<Attribution>& cues, const text::Document& doc,
                        text::Sentences& sentences, std::vector<std::string>& warnings);

}  // namespace dossier::extract::threat_actors
