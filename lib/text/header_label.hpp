#pragma once
// A cheap test before an RE2 search for a header line such as "Title: ..." or "Date: ...":
// most documents have none, and the search costs a DFA pass over the document's head.

#include <initializer_list>
#include <string_view>

namespace dossier::text {

// Whether some ':' in `head` has before it, spaces and tabs apart, bytes that end (ASCII case
// folded) with one of `endings`. A necessary condition for a (?i) pattern
// `label[ \t]*:` to match when every label ends with one of `endings`. Under (?i) RE2 also
// matches s with U+017F LONG S and k with U+212A KELVIN SIGN, so an ending must not reach
// back over a label's 's' or 'k': "ubject" for "subject", "hed" for "published".
bool may_have_label(std::string_view head, std::initializer_list<std::string_view> endings);

}  // namespace dossier::text
