#pragma once
// Small helpers every kind's extractor uses to make a Mention.

#include <string_view>

#include "lib/extract/extraction.hpp"
#include "lib/rules/pattern_scanner.hpp"
#include "lib/text/document.hpp"

namespace dossier::extract {

// Fills text, span, line, rule and boilerplate from the document.
void fill_mention(Mention& m, const text::Document& doc, text::Span span, std::string_view rule);

// The text of named group `name` in `hit`, or empty.
std::string_view group_text(const rules::Hit& hit, std::string_view doc_text,
                            std::string_view name);
// The span of named group `name` in `hit`, if it took part.
std::optional<text::Span> group_span(const rules::Hit& hit, std::string_view name);

}  // namespace dossier::extract
