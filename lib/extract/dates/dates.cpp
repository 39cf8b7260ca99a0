#include "lib/extract/dates/dates.hpp"

#include "lib/extract/dates/normalise.hpp"
#include "lib/extract/mention.hpp"

namespace dossier::extract::dates {

std::vector<DateMention> extract(const rules::RuleSet& rules, const text::Document& doc,
                                 std::vector<std::string>& /*warnings*/) {
  const rules::KindRules& kr = rules.rules(rules::Kind::kDates);
  DateContext ctx;
  ctx.dct = parse_iso(doc.dct);
  std::vector<DateMention> out;
  for (const rules::Hit& hit : kr.scanner.scan(doc.text, /*captures=*/true)) {
    const rules::Rule& rule = kr.rules[hit.pattern];
    if (rule.block) continue;
    DateMention m;
    if (!normalise(rule, hit, doc.text, ctx, m)) continue;
    fill_mention(m, doc, group_span(hit, "span").value_or(hit.span), rule.id);
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace dossier::extract::dates
