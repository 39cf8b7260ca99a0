#pragma once
// Sentence boundaries, as byte spans into the text. A sentence ends at . ! ? (and closing
// quotes after them) followed by white space and a capital, digit or quote; or at a blank line.
// Abbreviations (U.K., Inc., No. 5) do not end sentences; single line breaks inside a
// paragraph (hard-wrapped text) do not either, unless the line is a heading.

#include <string_view>
#include <vector>

#include "lib/text/document.hpp"

namespace dossier::text {

std::vector<Span> split_sentences(std::string_view text);

}  // namespace dossier::text
