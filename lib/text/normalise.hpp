#pragma once
// Text keys for comparing names: "Information Commissioner’s Office", "information
// commissioner's  office" and "INFORMATION COMMISSIONER'S OFFICE" give one key.

#include <string>
#include <string_view>

namespace dossier::text {

// NFKC, case-folded, curly quotes and apostrophes made straight, runs of white space made one
// space, trimmed. Invalid UTF-8 is repaired first.
std::string name_key(std::string_view s);

}  // namespace dossier::text
