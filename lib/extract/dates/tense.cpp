#include "lib/extract/dates/tense.hpp"

#include <re2/re2.h>

#include <algorithm>

#include "lib/text/paragraph_break.hpp"

namespace dossier::extract::dates {
namespace {

// Where the sentence holding `at` starts and ends (". ", "? ", "! ", a paragraph break (of LF or
// CRLF lines alike), or 400 bytes).
std::pair<std::size_t, std::size_t> sentence_bounds(std::string_view text, text::Span m) {
  auto is_end = [&](std::size_t i) {
    char c = text[i];
    if (c == '\n') return text::paragraph_break_at(text, i);
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

// The cues, future ones first so that "scheduled", "planned", "expected" win over the -ed rule;
// a modal takes its participle along ("will be finalized", "may be signed" are not past).
constexpr const char* kFutureCues =
    R"((?:\b(?:(?:will|won't|shall|would|(?-i:may|might|could|should|must))(?:\s+not)?)"
    R"((?:\s+be)?(?:\s+[a-z]+ed)?|is due|are due|due to|expects? to|expected to|)"
    R"(plans? to|planned|planning|scheduled|set to|to be held|to take place|upcoming|)"
    R"(going to|intends? to|aims? to|hopes? to|wants? to|seeks? to|forecasts?|next|coming|)"
    R"(tomorrow)\b|'ll\b))";
// A deadline: "open until Friday", "closed till March". With no tense cue before it in the
// clause, the date is the one to come (a past cue before it wins: "stayed until Friday").
constexpr const char* kDeadline = R"((?i)\b(?:until|till|through)\s+(?:the\s+)?$)";
constexpr const char* kPastCues =
    R"(\b(?:said|says|was|were|had|did|ago|last|earlier|yesterday|[a-z]{2,}ed)\b)";

}  // namespace

Tense clause_tense(std::string_view text, text::Span mention) {
  // Capture-free, so RE2 finds each cue with its DFA; which kind it is, is asked of the matched
  // words alone. Under leftmost-first matching a past cue is only chosen where no future cue
  // matches at the same place, so the two answers agree.
  static const RE2 cue(std::string("(?i)") + kFutureCues + "|" + kPastCues);
  static const RE2 future(std::string("(?i)") + kFutureCues);
  auto tense_of = [](const re2::StringPiece& m) {
    return RE2::FullMatch(m, future) ? Tense::kFuture : Tense::kPast;
  };
  auto [start, end] = sentence_bounds(text, mention);
  std::string_view before = text.substr(start, mention.start - start);
  std::string_view after = text.substr(mention.end, end - mention.end);
  re2::StringPiece whole(before.data(), before.size()), m, last;
  std::size_t pos = 0;
  while (pos < before.size() &&
         cue.Match(whole, pos, before.size(), RE2::UNANCHORED, &m, 1)) {
    last = m;
    pos = static_cast<std::size_t>(m.data() - before.data()) + std::max<std::size_t>(m.size(), 1);
  }
  if (last.data() != nullptr) return tense_of(last);
  static const RE2 deadline(kDeadline);
  if (RE2::PartialMatch(whole, deadline)) return Tense::kFuture;
  re2::StringPiece rest(after.data(), after.size());
  if (cue.Match(rest, 0, rest.size(), RE2::UNANCHORED, &m, 1)) return tense_of(m);
  return Tense::kUnknown;
}

}  // namespace dossier::extract::dates
