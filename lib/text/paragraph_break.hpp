#pragma once
// Where a paragraph ends: a line break, then only spaces, tabs, carriage returns or form feeds,
// then another line break ("\n\n", "\r\n\r\n", "\n  \n"). No rule's match spans one
// (rules::paragraph_break), and a date's clause ends at one (extract::dates::clause_tense).

#include <cstddef>
#include <string_view>

namespace dossier::text {

// Whether the line break at text[nl] begins a paragraph break.
inline bool paragraph_break_at(std::string_view text, std::size_t nl) {
  if (nl >= text.size() || text[nl] != '\n') return false;
  std::size_t j = text.find_first_not_of(" \t\r\f", nl + 1);
  return j != std::string_view::npos && text[j] == '\n';
}

}  // namespace dossier::text
