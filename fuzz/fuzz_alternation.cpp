// Fuzzes factored_alternation: the input is patterns, one a line, then a NUL byte and a text.
// Each pattern PatternScanner would take is kept. Over the text, the patterns' own text and a few
// fixed texts, leftmost-longest spans must agree:
// - each pattern alone, and factored_alternation of it alone (the reader: pieces, groups, quotes);
// - the factored alternation of all, and those single ones each on its own (union_spans): what
//   the patterns share is written once without changing what they match.
// The first check skips a pattern with both "|" and something that may fold case: there RE2
// 20220601 itself can lose a folded literal's other case ("a|(?i:a)" does not match "A"), which
// the factored form, writing what may fold first, does not.
// A factored alternation RE2 refuses for its size is accepted (PatternScanner then scans the
// plain one); any other refusal, or a different span, traps.

#include <re2/re2.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lib/rules/factored_alternation.hpp"
#include "lib/rules/pattern_scanner.hpp"
#include "tests/support/leftmost_longest.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 4096) return -1;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::size_t nul = input.find('\0');
  std::string_view lines = input.substr(0, nul);
  std::string text = nul == std::string_view::npos ? "" : std::string(input.substr(nul + 1));

  std::vector<std::string> patterns;
  for (std::size_t at = 0; at <= lines.size() && patterns.size() < 16;) {
    std::size_t nl = lines.find('\n', at);
    std::string p(
        lines.substr(at, nl == std::string_view::npos ? std::string_view::npos : nl - at));
    at = nl == std::string_view::npos ? lines.size() + 1 : nl + 1;
    std::string error;
    if (p.empty() || !dossier::rules::check_pattern(p, &error)) continue;
    text += " " + p;
    patterns.push_back(std::move(p));
  }
  if (patterns.empty()) return 0;

  RE2::Options o;
  o.set_never_capture(true);
  o.set_longest_match(true);
  o.set_log_errors(false);
  std::vector<std::unique_ptr<RE2>> alone, single;
  for (const std::string& p : patterns) {
    alone.push_back(std::make_unique<RE2>(p, o));
    single.push_back(std::make_unique<RE2>(dossier::rules::factored_alternation({p}), o));
    if (!alone.back()->ok()) return 0;
    if (!single.back()->ok()) {
      if (single.back()->error_code() == RE2::ErrorPatternTooLarge) return 0;
      __builtin_trap();
    }
  }
  RE2 all(dossier::rules::factored_alternation(patterns), o);
  if (!all.ok()) {
    if (all.error_code() == RE2::ErrorPatternTooLarge) return 0;
    __builtin_trap();
  }
  using dossier::testing::scan_spans;
  for (const std::string& t : {text, std::string("aAbB 0123 \n\nxyz Ltd, plc. (ICO) May 2024"),
                               std::string("\xC3\xA9t\xC3\xA9 \xE2\x80\x99s \xE2\x80\x9C")}) {
    for (std::size_t i = 0; i < patterns.size(); ++i) {
      bool fold_risk = patterns[i].find('|') != std::string::npos &&
                       (patterns[i].find('[') != std::string::npos ||
                        patterns[i].find("(?") != std::string::npos);
      if (!fold_risk && scan_spans(*alone[i], t, 1000) != scan_spans(*single[i], t, 1000))
        __builtin_trap();
    }
    if (dossier::testing::union_spans(single, t, 1000) != scan_spans(all, t, 1000))
      __builtin_trap();
  }
  return 0;
}
