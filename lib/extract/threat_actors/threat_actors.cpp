#include "lib/extract/threat_actors/threat_actors.hpp"

#include <algorithm>

#include "lib/extract/mention.hpp"
#include "lib/extract/threat_actors/attribution.hpp"
#include "lib/text/normalise.hpp"

namespace dossier::extract::threat_actors {
namespace {

// At most this many aliases on a mention: the one the document used first (when it is not the
// canonical name), then the gazetteer's order (by source priority).
constexpr std::size_t kMaxAliases = 20;

// `said` is the key of the text the document used (m.text).
void fill_from_entity(ThreatActorMention& m, const rules::Entity& e, std::string_view said) {
  m.name = e.name;
  m.country = e.country;
  m.sponsor = e.sponsor;
  m.ids = e.ids;
  // `aliases` are the canonical actor's other names; the name the document used is one of them.
  // Told apart by their keys' hashes (rules::key_hash), as the gazetteer holds them.
  std::uint64_t said_hash = rules::key_hash(said);
  std::vector<std::uint64_t> seen = {e.key_hash};
  seen.reserve(kMaxAliases + 2);
  for (const rules::Alias& a : e.aliases) {
    if (said_hash != seen[0] && a.key_hash == said_hash) {
      m.aliases.push_back(a.text);
      seen.push_back(said_hash);
      break;
    }
  }
  for (const rules::Alias& a : e.aliases) {
    if (m.aliases.size() >= kMaxAliases) break;
    if (std::find(seen.begin(), seen.end(), a.key_hash) != seen.end()) continue;
    seen.push_back(a.key_hash);
    m.aliases.push_back(a.text);
  }
}

}  // namespace

std::vector<ThreatActorMention> extract(const rules::RuleSet& rules, const text::Document& doc,
                                        DocumentScans& scans, text::Sentences& sentences,
                                        std::vector<std::string>& warnings) {
  std::vector<ThreatActorMention> out;
  const rules::KindNames& kn = rules.names(rules::Kind::kThreatActors);
  const auto& entities = kn.gazetteer.entities();
  std::vector<text::Span> taken;
  std::string key;  // of each match's text, reused
  for (const rules::Hit& hit : scans.take(rules, doc.text, Scan::kThreatActorNames)) {
    text::name_key_into(std::string_view(doc.text).substr(hit.span.start, hit.span.size()), key);
    std::span<const int> ids = kn.gazetteer.lookup_key(key);
    if (ids.empty()) continue;
    ThreatActorMention m;
    fill_mention(m, doc, hit.span, "threat_actors/gazetteer");
    fill_from_entity(m, entities[ids.front()], key);
    if (ids.size() > 1) {
      m.ambiguous = true;
      for (int i : ids) m.candidates.push_back(entities[i].name);
    }
    taken.push_back(hit.span);
    out.push_back(std::move(m));
  }
  const rules::KindRules& kr = rules.rules(rules::Kind::kThreatActors);
  std::vector<Attribution> cues;
  for (const rules::Hit& hit : scans.take(rules, doc.text, Scan::kThreatActorRules)) {
    const rules::Rule& rule = kr.rules[hit.pattern];
    if (is_attribution_rule(rule)) cues.push_back(attribution_of(rule, hit, doc.text));
    if (rule.block) continue;
    text::Span span = group_span(hit, "name").value_or(hit.span);
    if (std::any_of(taken.begin(), taken.end(), [&](text::Span t) { return t.overlaps(span); }))
      continue;
    ThreatActorMention m;
    fill_mention(m, doc, span, rule.id);
    m.name = m.text;
    m.country = std::string(rule.attr("country"));
    m.sponsor = std::string(rule.attr("sponsor"));
    out.push_back(std::move(m));
  }
  std::sort(out.begin(), out.end(),
            [](const auto& a, const auto& b) { return a.span.start < b.span.start; });
  apply_attributions(out, cues, doc, sentences, warnings);
  return out;
}

}  // namespace dossier::extract::threat_actors
