#pragma once
// Page furniture: lines that are not the article (share and follow prompts, newsletter and
// cookie lines, bylines and tag lines, teaser headlines of other stories cut off with "…").
// Extractions inside them are kept and flagged `boilerplate: true`.

#include <string_view>
#include <vector>

#include "lib/text/document.hpp"

namespace dossier::text {

// The spans of the lines of `text` that are page furniture, sorted.
std::vector<Span> find_boilerplate(std::string_view text, const LineIndex& lines);

}  // namespace dossier::text
