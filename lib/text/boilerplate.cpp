#include "lib/text/boilerplate.hpp"

#include <re2/re2.h>

namespace dossier::text {
namespace {

bool is_furniture(std::string_view line) {
  // A teaser: a headline of another story, cut off with an ellipsis.
  static const RE2 teaser(R"((?:…|\.\.\.)\s*$)");
  // Prompts and labels that only page furniture starts with.
  static const RE2 prompt(
      R"((?i)^\s*(?:follow (?:me|us)\b|share (?:this|on)\b|subscribe\b|sign up\b|)"
      R"(click here\b|read more\b|related:|tags?:|filed under\b|we use cookies\b|)"
      R"(this (?:site|website) uses cookies\b|advertisement\s*$|\(\w[\w ]*\s[–-]))");
  if (line.size() > 400) return false;
  return RE2::PartialMatch(line, teaser) || RE2::PartialMatch(line, prompt);
}

}  // namespace

std::vector<Span> find_boilerplate(std::string_view text, const LineIndex& lines) {
  std::vector<Span> out;
  for (int l = 1; l <= lines.line_count(); ++l) {
    Span s = lines.line_span(l);
    if (s.size() && is_furniture(text.substr(s.start, s.size()))) out.push_back(s);
  }
  return out;
}

}  // namespace dossier::text
