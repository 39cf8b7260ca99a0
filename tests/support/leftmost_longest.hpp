#pragma once
// Non-overlapping leftmost-longest spans, left to right: what PatternScanner finds in a text
// (without its paragraph breaks), for a test or a fuzzer to compare with.

#include <re2/re2.h>

#include <cstddef>
#include <limits>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace dossier::testing {

// (start, length) of each span.
using Spans = std::vector<std::pair<std::size_t, std::size_t>>;

// The spans of `re`, compiled with longest_match; at most `max_spans`.
Spans scan_spans(const RE2& re, const std::string& text,
                 std::size_t max_spans = std::numeric_limits<std::size_t>::max());

// The spans the alternation of `patterns` means, found with each pattern on its own: at each
// step the leftmost start any pattern matches at, and the longest match there. The reference for
// an alternation, because RE2's own can be wrong: RE2 20220601 merges one-character
// alternatives into a class and can drop a folded literal's other case ("a|(?i:a)" does not
// match "A").
Spans union_spans(const std::vector<std::unique_ptr<RE2>>& patterns, const std::string& text,
                  std::size_t max_spans = std::numeric_limits<std::size_t>::max());

}  // namespace dossier::testing
