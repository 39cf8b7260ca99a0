#include "lib/extract/organisations/organisations.hpp"

#include <algorithm>

#include "lib/extract/mention.hpp"

namespace dossier::extract::organisations {

std::vector<OrganisationMention> extract(const rules::RuleSet& rules, const text::Document& doc,
                                         std::vector<std::string>& /*warnings*/) {
  std::vector<OrganisationMention> out;
  const rules::KindNames& kn = rules.names(rules::Kind::kOrganisations);
  const auto& entities = kn.gazetteer.entities();
  std::vector<text::Span> taken;
  for (const rules::Hit& hit : kn.scanner.scan(doc.text, false)) {
    const std::vector<int>* ids =
        kn.gazetteer.lookup(std::string_view(doc.text).substr(hit.span.start, hit.span.size()));
    if (!ids || ids->empty()) continue;
    const rules::Entity& e = entities[ids->front()];
    OrganisationMention m;
    m.name = e.name;
    m.category = e.category;
    m.country = e.country;
    fill_mention(m, doc, hit.span, "organisations/gazetteer");
    taken.push_back(hit.span);
    out.push_back(std::move(m));
  }
  const rules::KindRules& kr = rules.rules(rules::Kind::kOrganisations);
  for (const rules::Hit& hit : kr.scanner.scan(doc.text, true)) {
    const rules::Rule& rule = kr.rules[hit.pattern];
    if (rule.block) continue;
    text::Span span = group_span(hit, "name").value_or(hit.span);
    if (std::any_of(taken.begin(), taken.end(), [&](text::Span t) { return t.overlaps(span); }))
      continue;
    OrganisationMention m;
    fill_mention(m, doc, span, rule.id);
    m.name = m.text;
    m.category = std::string(rule.attr("category", "other"));
    m.country = std::string(rule.attr("country"));
    out.push_back(std::move(m));
  }
  std::sort(out.begin(), out.end(),
            [](const auto& a, const auto& b) { return a.span.start < b.span.start; });
  return out;
}

}  // namespace dossier::extract::organisations
