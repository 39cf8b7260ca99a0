#include "lib/extract/regulator_actions/regulator_actions.hpp"

#include <algorithm>

#include "lib/extract/mention.hpp"
#include "lib/text/sentences.hpp"

namespace dossier::extract::regulator_actions {

bool can_regulate(std::string_view c) {
  return c == "regulator" || c == "legislature" || c == "court" || c == "law_enforcement";
}

std::vector<RegulatorAction> extract(const rules::RuleSet& rules, const text::Document& doc,
                                     const Extractions& found,
                                     std::vector<std::string>& /*warnings*/) {
  std::vector<RegulatorAction> out;
  const rules::KindRules& kr = rules.rules(rules::Kind::kRegulatorActions);
  if (kr.rules.empty()) return out;
  std::vector<text::Span> sentences = text::split_sentences(doc.text);
  std::vector<rules::Hit> hits = kr.scanner.scan(doc.text, true);
  for (const text::Span& s : sentences) {
    // The first action rule that fits the sentence makes its record.
    auto hit = std::find_if(hits.begin(), hits.end(), [&](const rules::Hit& h) {
      return h.span.start >= s.start && h.span.end <= s.end && !kr.rules[h.pattern].block;
    });
    if (hit == hits.end()) continue;
    const rules::Rule& rule = kr.rules[hit->pattern];
    const OrganisationMention* regulator = nullptr;
    const OrganisationMention* target = nullptr;
    for (const auto& o : found.organisations) {
      if (o.span.start < s.start || o.span.end > s.end) continue;
      if (!regulator && can_regulate(o.category)) regulator = &o;
    }
    if (!regulator) continue;
    for (const auto& o : found.organisations) {
      if (o.span.start < s.start || o.span.end > s.end || o.name == regulator->name) continue;
      if (!target) target = &o;
    }
    RegulatorAction a;
    fill_mention(a, doc, s, rule.id);
    a.regulator = regulator->name;
    a.action = std::string(rule.attr("action"));
    if (target) a.target = target->name;
    for (const auto& d : found.dates) {
      if (d.span.start >= s.start && d.span.end <= s.end) {
        a.date = d.value;
        break;
      }
    }
    a.negated = !group_text(*hit, doc.text, "negation").empty();
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace dossier::extract::regulator_actions
