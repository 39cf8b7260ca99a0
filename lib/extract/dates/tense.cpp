#include "lib/extract/dates/tense.hpp"

#include <re2/re2.h>

namespace dossier::extract::dates {
namespace {

// Where the sentence holding `at` starts and ends (". ", "? ", "! ", blank line, or 400 bytes).
std::pair<std::size_t, std::size_t> sentence_bounds(std::string_view text, text::Span m) {
  auto is_end = [&](std::size_t i) {
    char c = text[i];
    if (c == '\n') return i + 1 < text.size() && text[i + 1] == '\n';
    return (c == '.' || c == '?' || c == '!' || c == ';') && i + 1 < text.size() &&
           (text[i + 1] == ' ' || text[i + 1] == '\n');
  };
  std::size_t lo = m.start > 400 ? m.start - 400 : 0;
  std::size_t start = m.start;
  while (start > lo && !is_end(start - 1)) --start;
  std::size_t hi = std::min(text.size(), m.end + 400);
  std::size_t end = m.end;
  while (end < hi && !is_end(end)) ++end;
  return {start, end};
}

}  // namespace

Tense clause_tense(std::string_view text, text::Span mention) {
  // Future cues come first so that "scheduled", "planned", "expected" win over the -ed rule; a
  // modal takes its participle along ("will be finalized", "may be signed" are not past).
  static const RE2 cue(
      R"((?i)(?:\b((?:will|won't|shall|would|(?-i:may|might|could|should|must))(?:\s+not)?)"
      R"((?:\s+be)?(?:\s+[a-z]+ed)?|is due|are due|due to|expects? to|expected to|)"
      R"(plans? to|planned|planning|scheduled|set to|to be held|to take place|upcoming|)"
      R"(going to|intends? to|aims? to|hopes? to|wants? to|seeks? to|forecasts?|next|coming|)"
      R"(tomorrow)\b|('ll)\b|)"
      R"(\b(said|says|was|were|had|did|ago|last|earlier|yesterday|[a-z]{2,}ed)\b))");
  auto [start, end] = sentence_bounds(text, mention);
  std::string_view before = text.substr(start, mention.start - start);
  std::string_view after = text.substr(mention.end, end - mention.end);
  Tense last = Tense::kUnknown;
  re2::StringPiece in(before.data(), before.size());
  re2::StringPiece fut, ll, past;
  while (RE2::FindAndConsume(&in, cue, &fut, &ll, &past)) {
    last = past.empty() ? Tense::kFuture : Tense::kPast;
  }
  if (last != Tense::kUnknown) return last;
  in = re2::StringPiece(after.data(), after.size());
  if (RE2::FindAndConsume(&in, cue, &fut, &ll, &past)) {
    return past.empty() ? Tense::kFuture : Tense::kPast;
  }
  return Tense::kUnknown;
}

}  // namespace dossier::extract::dates
