#pragma once

#include <string>
#include <string_view>

namespace dossier::text {

// A document's title: a `Title:`/`Subject:`/`Headline:` header or YAML front-matter `title:`;
// else its first non-empty line when that is short enough to be a headline (<= 200 bytes);
// else its first words, cut at a word boundary, ending in "…".
std::string find_title(std::string_view text);

}  // namespace dossier::text
