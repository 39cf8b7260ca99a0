#include "lib/extract/organisations/organisations.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <map>
#include <span>

#include "lib/extract/mention.hpp"
#include "lib/extract/organisations/document_aliases.hpp"
#include "lib/extract/organisations/name_shape.hpp"
#include "lib/extract/organisations/span_set.hpp"

namespace dossier::extract::organisations {
namespace {

std::string_view line_text(const text::Document& doc, std::size_t offset) {
  text::Span l = doc.lines.line_span(doc.lines.line_of(offset));
  return std::string_view(doc.text).substr(l.start, l.size());
}

// True when `s` is part of a path, file name, identifier or address
// ("Software\Microsoft\Windows", "Microsoft.Exchange.Store.exe"), not a name in prose.
bool inside_token(std::string_view text, text::Span s) {
  auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
  if (s.start > 0 && std::string_view("\\._@").find(text[s.start - 1]) != std::string_view::npos)
    return true;
  if (s.end < text.size()) {
    char c = text[s.end];
    if (c == '\\' || c == '_' || c == '@') return true;
    if (c == '.' && s.end + 1 < text.size() && word(text[s.end + 1])) return true;
  }
  return false;
}

// A gazetteer hit and the entities its text names (more than one: an alias they share).
struct NameHit {
  text::Span span;
  std::span<const int> ids;
};

// The entity a shared alias names in this document ("Datatilsynet": Denmark's or Norway's
// authority): the candidate the document names unambiguously nearest to it ("The Norwegian
// DPA fined Grindr. Datatilsynet said ..."), an earlier mention winning a tie; else the first
// listed, as for a document that names none of them.
int resolve_shared(const NameHit& h, const std::map<int, std::vector<std::size_t>>& named) {
  int best = h.ids.front();
  std::size_t best_distance = static_cast<std::size_t>(-1);
  for (int id : h.ids) {
    auto it = named.find(id);
    if (it == named.end()) continue;
    const std::vector<std::size_t>& starts = it->second;  // ascending
    auto after = std::lower_bound(starts.begin(), starts.end(), h.span.start);
    if (after != starts.begin() && h.span.start - *std::prev(after) < best_distance) {
      best_distance = h.span.start - *std::prev(after);
      best = id;
    }
    if (after != starts.end() && *after - h.span.start < best_distance) {
      best_distance = *after - h.span.start;
      best = id;
    }
  }
  return best;
}

// Gazetteer names and descriptions.
void gazetteer_mentions(const rules::RuleSet& rules, const text::Document& doc,
                        DocumentScans& scans, std::vector<OrganisationMention>& out,
                        SpanSet& taken) {
  const rules::KindNames& kn = rules.names(rules::Kind::kOrganisations);
  const auto& entities = kn.gazetteer.entities();
  std::vector<NameHit> hits;
  std::map<int, std::vector<std::size_t>> named;  // entity -> starts of its unambiguous hits
  for (const rules::Hit& hit : scans.take(rules, doc.text, Scan::kOrganisationNames)) {
    std::span<const int> ids =
        kn.gazetteer.lookup(std::string_view(doc.text).substr(hit.span.start, hit.span.size()));
    if (ids.empty() || inside_token(doc.text, hit.span)) continue;
    if (ids.size() == 1) named[ids.front()].push_back(hit.span.start);
    hits.push_back({hit.span, ids});
  }
  for (const NameHit& hit : hits) {
    const rules::Entity& e =
        entities[hit.ids.size() == 1 ? hit.ids.front() : resolve_shared(hit, named)];
    OrganisationMention m;
    m.name = e.name;
    m.category = e.category;
    m.country = e.country;
    fill_mention(m, doc, hit.span, "organisations/gazetteer");
    taken.insert(hit.span);
    out.push_back(std::move(m));
  }
}

// Rule matches (legal forms, institutional shapes, roles), trimmed, outside headlines.
void rule_mentions(const rules::RuleSet& rules, const text::Document& doc, DocumentScans& scans,
                   std::vector<OrganisationMention>& out, SpanSet& taken) {
  const rules::KindRules& kr = rules.rules(rules::Kind::kOrganisations);
  for (const rules::Hit& hit : scans.take(rules, doc.text, Scan::kOrganisationRules)) {
    const rules::Rule& rule = kr.rules[hit.pattern];
    if (rule.block) continue;
    text::Span span = trim_name(doc.text, group_span(hit, "name").value_or(hit.span));
    if (span.size() == 0 || taken.overlaps(span)) continue;
    if (is_title_case(line_text(doc, span.start))) continue;
    OrganisationMention m;
    fill_mention(m, doc, span, rule.id);
    text::Span bare = without_legal_form(doc.text, span);
    m.name = doc.text.substr(bare.start, bare.size());
    m.category = std::string(rule.attr("category", "other"));
    m.country = std::string(rule.attr("country"));
    taken.insert(span);
    out.push_back(std::move(m));
  }
}

}  // namespace

std::vector<OrganisationMention> extract(const rules::RuleSet& rules, const text::Document& doc,
                                         DocumentScans& scans,
                                         std::vector<std::string>& /*warnings*/) {
  std::vector<OrganisationMention> out;
  SpanSet taken;
  gazetteer_mentions(rules, doc, scans, out, taken);
  const std::size_t from_gazetteer = out.size();
  rule_mentions(rules, doc, scans, out, taken);

  DocumentAliases aliases;
  for (std::size_t i = 0; i < out.size(); ++i) {
    const OrganisationMention& m = out[i];
    aliases.learn_acronym(doc, m, i < from_gazetteer);
    if (i >= from_gazetteer) {
      aliases.learn(m.text, m);
      if (m.name != m.text && m.name.size() >= 5) aliases.learn(m.name, m);
    }
  }
  for (OrganisationMention& m : aliases.find(doc, std::move(taken))) out.push_back(std::move(m));

  std::sort(out.begin(), out.end(),
            [](const auto& a, const auto& b) { return a.span.start < b.span.start; });
  return out;
}

}  // namespace dossier::extract::organisations
