#pragma once
// The alternation of many patterns, with the parts they share written once: what PatternScanner
// scans for its spans (capture-free, leftmost-longest), so the same language, in a smaller
// program. The date rules repeat a context before the date (CTX) in 84 patterns, and each of
// 39 holidays repeats the same offsets before it and year after it; RE2 only shares a literal
// or a single character class at the front of alternatives. Written as (?:p1)|(?:p2)|..., the
// date rules were 41,822 instructions; building DFA states over them was most of a small run's
// time (a cold DFA over the first 1 MB of the bench corpus: 0.17 s, warm: 0.003 s).
//
// How: each pattern is read into pieces (an atom and its repetition operators; a group holds
// alternatives of pieces). Alternatives that begin with the same piece become that piece and
// the alternation of what follows it; then those that end with the same piece; and groups that
// stand alone are opened, their alternatives pooled. Leftmost-longest matching does not depend
// on the order of alternatives, and a concatenation distributes over a union, so the language
// is the same. Only for a program compiled with never_capture: capturing groups are written as
// (?:...).
//
// Alternatives that may fold case are written first: RE2 20220601 merges one-character
// alternatives into a class and loses a folded literal's other case when its own character came
// before it ("a|(?i:a)" does not match "A"). The plain alternation of such rules had that bug.
//
// A pattern this reader is not sure of (a flag group such as (?i) without a colon, a parenthesis
// left open) is kept whole, as one alternative of its own. A \Q left open is closed: in an
// alternation it would make every alternative after it literal text.

#include <string>
#include <vector>

namespace dossier::rules {

// (?:p1)|(?:p2)|... for `patterns`, factored as above. Empty for no patterns.
std::string factored_alternation(const std::vector<std::string>& patterns);
// (?:p1)|(?:p2)|..., each \Q closed, those that may fold case first: unfactored.
std::string plain_alternation(const std::vector<std::string>& patterns);

}  // namespace dossier::rules
