#pragma once
// Known binary formats by the signature ("magic number") at their start, as file(1) knows them:
// a PNG or a PDF named .txt is refused as what it is, however few NUL bytes it has.

#include <string_view>

namespace dossier::text {

// The format whose signature starts `raw` ("PNG image", "PDF document", ...), or "" for none.
// Only signatures no prose would start with: several bytes, most of them not printable.
std::string_view binary_signature(std::string_view raw);

}  // namespace dossier::text
