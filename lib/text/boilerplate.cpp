#include "lib/text/boilerplate.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <initializer_list>

#include "lib/text/ascii.hpp"

namespace dossier::text {
namespace {

// What one line is, before its neighbours are looked at.
enum class LineKind { kBlank, kFurniture, kTeaser, kText };

// Longest line that can still be furniture; article paragraphs are longer.
constexpr std::size_t kMaxFurniture = 400;
// Longest line read as a teaser headline of another story.
constexpr std::size_t kMaxTeaser = 300;

// RE2's \s: what its patterns skip at a line's start and end.
bool is_re2_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }

std::string_view skip_space(std::string_view s) {
  while (!s.empty() && is_re2_space(s.front())) s.remove_prefix(1);
  return s;
}

// A cheap necessary condition before is_prompt's pattern, which cost an RE2 call on every
// line: most lines start with nothing it needs. It folds ASCII case only; under (?i) RE2 also
// matches K with U+212A KELVIN SIGN and s with U+017F LONG S, so a line holding either goes to
// the pattern whatever it says.
bool has_non_ascii_fold(std::string_view line) {
  return line.find("\xE2\x84\xAA") != std::string_view::npos ||
         line.find("\xC5\xBF") != std::string_view::npos;
}

// `s` ASCII-lower-cased into `buf` (at most `n` bytes of it).
template <std::size_t N>
std::string_view lower_into(std::string_view s, std::array<char, N>& buf) {
  std::size_t n = std::min(s.size(), N);
  for (std::size_t i = 0; i < n; ++i) {
    char c = s[i];
    buf[i] = to_lower(c);
  }
  return {buf.data(), n};
}

// (The first bytes are compared inline: a memcmp call per prefix cost more than the rest.)
bool starts_with_any(std::string_view s, std::initializer_list<std::string_view> prefixes) {
  if (s.empty()) return false;
  for (std::string_view p : prefixes)
    if (p[0] == s[0] && s.starts_with(p)) return true;
  return false;
}

// Whether `lower` contains `phrase`, looked for from its byte at `rare` (a letter rare in
// English), so that few bytes of the line start a comparison.
bool contains(std::string_view lower, std::string_view phrase, std::size_t rare) {
  std::string_view tail = phrase.substr(rare);
  for (std::size_t at = lower.find(tail, rare); at != std::string_view::npos;
       at = lower.find(tail, at + 1)) {
    if (lower.substr(at - rare, rare) == phrase.substr(0, rare)) return true;
  }
  return false;
}

// The words every alternative of is_prompt's pattern starts with, lower case.
bool may_be_prompt(std::string_view line) {
  line = skip_space(line);
  if (line.empty()) return false;
  // The first bytes those words start with ('\xC2': ©; '\xC5', '\xE2': the odd folds).
  static constexpr std::string_view kFirst = "fscramtwljgeipv(\xC2\xC5\xE2";
  char first = to_lower(line[0]);
  if (kFirst.find(first) == std::string_view::npos) return false;
  std::array<char, 24> buf;
  std::string_view head = lower_into(line, buf);
  return starts_with_any(head, {"follow ", "share", "subscribe", "sign up", "click here", "read ",
                                "also read", "continue reading", "see also:", "more from",
                                "recommended", "most ", "trending", "related", "tag", "topic",
                                "categories", "filed under", "we use cookies", "this site",
                                "this website", "accept ", "cookie ", "advertisement",
                                "sponsored", "skip to ", "listen to this article", "like us on",
                                "join us on", "get the latest", "enter your email",
                                "all rights reserved", "\xC2\xA9", "(", "copyright", "image", "photo",
                                "picture", "illustration", "video"}) ||
         has_non_ascii_fold(line.substr(0, 3 * 24));  // within the longest word's reach
}

// Prompts and labels that only page furniture starts with.
bool is_prompt(std::string_view line) {
  if (!may_be_prompt(line)) return false;
  static const RE2 prompt(
      R"((?i)^\s*(?:follow (?:me|us)\b|share (?:this|on|via|the)\b|share\s*$|subscribe\b|)"
      R"(sign up\b|click here\b|read (?:more|also|next|this next|the full)\b|also read\b|)"
      R"(continue reading\b|see also:|more from\b|recommended(?: for you| reading| stories)?\s*:?\s*$|)"
      R"(most (?:read|popular)\s*:?\s*$|trending\s*:?\s*$|related(?: articles| stories| posts| news| reading| content)?\s*:|)"
      R"(related(?: articles| stories| posts| news| reading| content)?\s*$|)"
      R"(tags?\s*:|tagged\s*(?:with|in)?\s*:|topics?\s*:|categories\s*:|filed under\b|)"
      R"(we use cookies\b|this (?:site|website) uses cookies\b|accept (?:all )?cookies\b|cookie (?:policy|settings|preferences)\b|)"
      R"(advertisement\s*$|sponsored\s*(?:content)?\s*$|skip to (?:main )?content\b|listen to this article\b|)"
      R"(like us on\b|join us on\b|get the latest\b|enter your email\b|all rights reserved\b|)"
      R"(©|\(c\)\s*\d{4}|copyright\b|)"
      R"((?:image|photo|picture|photograph|illustration|video)s?(?: credit| source)?s?\s*:|)"
      R"(photo(?:graph)? by\b|image by\b|\(\w[\w .]*\s[–—-]\s[^)]*\)))");
  return RE2::PartialMatch(line, prompt);
}

// A cheap necessary condition before is_short_furniture's pattern, which cost an RE2 call on
// every short line (most lines of a hard-wrapped text): a byline's first words, a social link
// word first, or one of the phrases the other alternatives need, in any ASCII case; or the odd
// folds (see has_non_ascii_fold).
bool may_be_short_furniture(std::string_view line) {
  std::string_view head = skip_space(line);
  if (starts_with_any(head, {"By", "BY", "Written by", "Words by", "Reporting by", "Author:"}))
    return true;
  std::array<char, 160> buf;
  std::string_view lower = lower_into(line, buf);
  std::string_view first = lower.substr(lower.size() - head.size());
  if (starts_with_any(first, {"share", "tweet", "email", "print", "facebook", "twitter",
                              "linkedin", "reddit", "whatsapp", "telegram", "copy link",
                              "pinterest", "mastodon", "bluesky", "threads"}))
    return true;
  return contains(lower, "newsletter", 2) || contains(lower, "all rights reserved", 6) ||
         contains(lower, "getty images", 4) || contains(lower, "shutterstock", 11) ||
         has_non_ascii_fold(line);
}

// Furniture in a short line: newsletters, social links, credits, rights anywhere in it (any
// case), or a byline. One pattern, so one RE2 call per line that may be one.
bool is_short_furniture(std::string_view line) {
  static const RE2 furniture(
      R"((?i:\bnewsletter\b.*\b(?:sign up|subscribe|inbox)\b|\b(?:sign up|subscribe)\b.*\bnewsletter|)"
      R"(\ball rights reserved\b|\bgetty images\s*\)?\s*$|\bshutterstock\s*\)?\s*$|)"
      R"(^\s*(?:(?:share|tweet|email|print|facebook|twitter|linkedin|reddit|whatsapp|telegram|)"
      R"(copy link|pinterest|mastodon|bluesky|threads)\s*[|•·,/]?\s*)+$)|)"
      // A byline (case matters: names are capitalised).
      R"(^\s*(?:By|BY|Written by|Words by|Reporting by|Author:)\s+[A-Z][\w.'’-]*\s+[A-Z][\w.'’-]*)"
      R"((?:\s+[A-Z][\w.'’-]*){0,2}(?:\s*(?:,|and|&)\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})*)"
      R"((?:\s*[|•·–—-].*|,\s+[\w ]+)?\s*$)");
  if (line.size() > 160 || !may_be_short_furniture(line)) return false;
  return RE2::PartialMatch(line, furniture);
}

// A headline of another story cut off with an ellipsis (not a quote that trails off).
// (The pattern (?:…|\.\.\.)\s*$, without an RE2 call per line.)
bool is_teaser(std::string_view line) {
  if (line.size() > kMaxTeaser) return false;
  while (!line.empty() && is_re2_space(line.back())) line.remove_suffix(1);
  return line.ends_with("\xE2\x80\xA6") || line.ends_with("...");
}

// Short and without a sentence break before the ellipsis.
bool looks_like_headline(std::string_view line) {
  static const RE2 sentence_break(R"([.?!]["”’)]?\s+[A-Z])");
  return line.size() <= 200 && !RE2::PartialMatch(line, sentence_break);
}

LineKind classify(std::string_view line) {
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
  if (line.find_first_not_of(" \t\f\v") == std::string_view::npos) return LineKind::kBlank;
  if (line.size() > kMaxFurniture) return LineKind::kText;
  if (is_prompt(line) || is_short_furniture(line)) return LineKind::kFurniture;
  if (is_teaser(line)) return LineKind::kTeaser;
  return LineKind::kText;
}

// A teaser is furniture when it stands among furniture: next to another teaser or furniture
// line (blank lines skipped), or below the last line of article text.
// A lone teaser at the end must also look like a headline: short, one sentence.
bool teaser_is_furniture(const std::vector<LineKind>& kinds, std::size_t i, bool headline) {
  auto neighbour = [&](std::size_t j, int step) {
    for (j += step; j < kinds.size(); j += step)
      if (kinds[j] != LineKind::kBlank) return kinds[j];
    return LineKind::kBlank;
  };
  LineKind before = i == 0 ? LineKind::kBlank : neighbour(i, -1);
  LineKind after = neighbour(i, +1);
  if (before == LineKind::kTeaser || before == LineKind::kFurniture) return true;
  if (after == LineKind::kTeaser || after == LineKind::kFurniture) return true;
  for (std::size_t j = i + 1; j < kinds.size(); ++j)
    if (kinds[j] == LineKind::kText) return false;
  return i > 0 && headline;  // below the article's last line
}

}  // namespace

std::vector<Span> find_boilerplate(std::string_view text, const LineIndex& lines) {
  std::vector<LineKind> kinds;
  std::vector<Span> spans;
  for (int l = 1; l <= lines.line_count(); ++l) {
    Span s = lines.line_span(l);
    spans.push_back(s);
    kinds.push_back(classify(text.substr(s.start, s.size())));
  }
  std::vector<Span> out;
  for (std::size_t i = 0; i < kinds.size(); ++i) {
    bool furniture = kinds[i] == LineKind::kFurniture ||
                     (kinds[i] == LineKind::kTeaser &&
                      teaser_is_furniture(kinds, i, looks_like_headline(text.substr(spans[i].start, spans[i].size()))));
    if (furniture && spans[i].size()) out.push_back(spans[i]);
  }
  return out;
}

}  // namespace dossier::text
