#include "lib/extract/threat_actors/attribution.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "lib/extract/mention.hpp"
#include "lib/text/sentences.hpp"

namespace dossier::extract::threat_actors {
namespace {

// Index of the sentence holding byte `at`, or -1 (between sentences).
int sentence_of(const std::vector<text::Span>& sentences, std::size_t at) {
  auto it = std::upper_bound(sentences.begin(), sentences.end(), at,
                             [](std::size_t a, const text::Span& s) { return a < s.start; });
  if (it == sentences.begin()) return -1;
  --it;
  return at < it->end ? static_cast<int>(it - sentences.begin()) : -1;
}

std::size_t distance(text::Span a, text::Span b) {
  if (a.end <= b.start) return b.start - a.end;
  if (b.end <= a.start) return a.start - b.end;
  return 0;
}

// The cue nearest to `m` among those in sentence `s`.
std::optional<Attribution> nearest_in(const std::vector<Attribution>& cues,
                                      const std::vector<int>& cue_sentence, int s, text::Span m) {
  std::optional<Attribution> best;
  for (std::size_t i = 0; i < cues.size(); ++i) {
    if (cue_sentence[i] != s) continue;
    if (!best || distance(cues[i].span, m) < distance(best->span, m)) best = cues[i];
  }
  return best;
}

// Fills `field` from the cue, or warns when the table's value differs.
void settle(std::string& field, const std::string& said, const char* what,
            const ThreatActorMention& m, const text::Document& doc, const Attribution& cue,
            std::vector<std::string>& warnings) {
  if (said.empty() || field == said) return;
  if (field.empty()) {
    field = said;
    return;
  }
  std::string w = fmt::format(
      "threat actor '{}' ({}): the text gives {} {} (\"{}\"), the table {}; kept the table's", m.text,
      m.name, what, said, doc.text.substr(cue.span.start, cue.span.size()), field);
  if (std::find(warnings.begin(), warnings.end(), w) == warnings.end()) warnings.push_back(w);
}

}  // namespace

bool is_attribution_rule(const rules::Rule& rule) { return rule.attr("role") == "attribution"; }

Attribution attribution_of(const rules::Rule& rule, const rules::Hit& hit,
                           std::string_view doc_text) {
  Attribution a;
  a.span = hit.span;
  a.country = std::string(rule.attr("country"));
  a.sponsor = std::string(group_text(hit, doc_text, "sponsor"));
  if (a.sponsor.empty()) a.sponsor = std::string(rule.attr("sponsor"));
  return a;
}

void apply_attributions(std::vector<ThreatActorMention>& mentions,
                        const std::vector<Attribution>& cues, const text::Document& doc,
                        text::Sentences& split, std::vector<std::string>& warnings) {
  if (cues.empty() || mentions.empty()) return;
  const std::vector<text::Span>& sentences = split.spans();
  std::vector<int> cue_sentence;
  for (const Attribution& c : cues) cue_sentence.push_back(sentence_of(sentences, c.span.start));
  for (ThreatActorMention& m : mentions) {
    int s = sentence_of(sentences, m.span.start);
    if (s < 0) continue;
    std::optional<Attribution> cue = nearest_in(cues, cue_sentence, s, m.span);
    if (!cue && s > 0) cue = nearest_in(cues, cue_sentence, s - 1, m.span);
    if (!cue) continue;
    settle(m.country, cue->country, "country", m, doc, *cue, warnings);
    settle(m.sponsor, cue->sponsor, "sponsor", m, doc, *cue, warnings);
  }
}

}  // namespace dossier::extract::threat_actors
