#pragma once
// Text keys for comparing names: "Information Commissioner’s Office", "information
// commissioner's  office" and "INFORMATION COMMISSIONER'S OFFICE" give one key.

#include <string>
#include <string_view>

namespace dossier::text {

// NFKC, case-folded, curly quotes and apostrophes made straight, runs of white space made one
// space, trimmed. Invalid UTF-8 is repaired first.
std::string name_key(std::string_view s);
// The same into `out` (replacing its content), so that a caller keying one name per match
// reuses one buffer. ASCII text takes a fast path that gives the same key.
void name_key_into(std::string_view s, std::string& out);

}  // namespace dossier::text
