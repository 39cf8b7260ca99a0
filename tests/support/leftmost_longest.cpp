#include "tests/support/leftmost_longest.hpp"

#include <algorithm>
#include <optional>

namespace dossier::testing {
namespace {

using Span = std::pair<std::size_t, std::size_t>;

// The leftmost-longest match of `re` at or after `pos`.
std::optional<Span> next_match(const RE2& re, const std::string& text, std::size_t pos) {
  re2::StringPiece whole(text), m;
  if (!re.Match(whole, pos, text.size(), RE2::UNANCHORED, &m, 1)) return std::nullopt;
  return Span{static_cast<std::size_t>(m.data() - text.data()), m.size()};
}

}  // namespace

Spans scan_spans(const RE2& re, const std::string& text, std::size_t max_spans) {
  Spans out;
  for (std::size_t pos = 0; pos <= text.size() && out.size() < max_spans;) {
    std::optional<Span> m = next_match(re, text, pos);
    if (!m) break;
    out.push_back(*m);
    pos = m->first + std::max<std::size_t>(m->second, 1);
  }
  return out;
}

Spans union_spans(const std::vector<std::unique_ptr<RE2>>& patterns, const std::string& text,
                  std::size_t max_spans) {
  // Each pattern's next match stays its next while the scan has not passed its start.
  std::vector<std::optional<Span>> next(patterns.size());
  std::vector<bool> searched(patterns.size(), false);
  Spans out;
  for (std::size_t pos = 0; pos <= text.size() && out.size() < max_spans;) {
    std::optional<Span> best;
    for (std::size_t j = 0; j < patterns.size(); ++j) {
      if (!searched[j] || (next[j] && next[j]->first < pos)) {
        next[j] = next_match(*patterns[j], text, pos);
        searched[j] = true;
      }
      if (!next[j]) continue;
      if (!best || next[j]->first < best->first ||
          (next[j]->first == best->first && next[j]->second > best->second))
        best = next[j];
    }
    if (!best) break;
    out.push_back(*best);
    pos = best->first + std::max<std::size_t>(best->second, 1);
  }
  return out;
}

}  // namespace dossier::testing
