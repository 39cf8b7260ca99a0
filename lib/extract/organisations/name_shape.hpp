#pragma once
// The shape of an organisation name found by a rule: trimming what the pattern swallowed
// around it, and telling headline lines (title case) apart from running text.

#include <string_view>

#include "lib/text/document.hpp"

namespace dossier::extract::organisations {

// `span` of `text` without leading words that cannot start a name ("The", "When", "In" ...:
// sentence-initial capitals the pattern took for part of the name), and cut after a legal
// form ("Chrysler LLC Jim Press" -> "Chrysler LLC"). Empty when nothing but a head is left.
text::Span trim_name(std::string_view text, text::Span span);

// `span` without a trailing legal form ("Acme Widgets Ltd" -> "Acme Widgets"); the span
// itself when there is none.
text::Span without_legal_form(std::string_view text, text::Span span);

// True when `line` reads as a title-case headline ("Hackers Hit Regional Health Service"),
// where capitals say nothing about names.
bool is_title_case(std::string_view line);

}  // namespace dossier::extract::organisations
