#include "lib/extract/mention.hpp"

namespace dossier::extract {

void fill_mention(Mention& m, const text::Document& doc, text::Span span, std::string_view rule) {
  m.span = span;
  m.text = doc.text.substr(span.start, span.size());
  m.line = doc.lines.line_of(span.start);
  m.rule = rule;
  m.boilerplate = doc.in_boilerplate(span);
}

std::string_view group_text(const rules::Hit& hit, std::string_view doc_text,
                            std::string_view name) {
  auto s = group_span(hit, name);
  return s ? doc_text.substr(s->start, s->size()) : std::string_view();
}

std::optional<text::Span> group_span(const rules::Hit& hit, std::string_view name) {
  for (const rules::Group& g : hit.groups) {
    if (g.name == name) return g.span;
  }
  return std::nullopt;
}

}  // namespace dossier::extract
