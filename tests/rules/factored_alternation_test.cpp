#include "lib/rules/factored_alternation.hpp"

#include <re2/re2.h>

#include <catch2/catch.hpp>
#include <random>

#include "lib/rules/rule_set.hpp"
#include "tests/support/leftmost_longest.hpp"

using dossier::rules::factored_alternation;
using dossier::rules::plain_alternation;

namespace {

using dossier::testing::scan_spans;
using dossier::testing::union_spans;

RE2::Options scan_options() {
  RE2::Options o;
  o.set_never_capture(true);
  o.set_longest_match(true);
  o.set_log_errors(false);
  return o;
}

// The factored alternation against each pattern on its own, over each text; the first
// difference fails, with its text.
void check_same_spans(const std::vector<std::string>& patterns,
                      const std::vector<std::string>& texts) {
  std::string factored = factored_alternation(patterns);
  INFO("patterns: " << plain_alternation(patterns));
  INFO("factored: " << factored);
  std::vector<std::unique_ptr<RE2>> each;
  for (const std::string& p : patterns) {
    each.push_back(std::make_unique<RE2>(p, scan_options()));
    REQUIRE(each.back()->ok());
  }
  RE2 ours(factored, scan_options());
  REQUIRE(ours.ok());
  for (const std::string& text : texts) {
    auto want = union_spans(each, text), got = scan_spans(ours, text);
    if (want != got) {
      INFO("text: \"" << text << "\"");
      CHECK(got == want);
      return;
    }
  }
}

// Random patterns from pieces that share prefixes and suffixes, groups, flags and repetitions.
class PatternMaker {
 public:
  explicit PatternMaker(unsigned seed) : rng_(seed) {}

  std::string pattern(int depth = 0) {
    std::string s;
    int pieces = 1 + pick(4);
    for (int i = 0; i < pieces; ++i) s += piece(depth);
    if (pick(8) == 0) s += "|" + piece(depth);
    return s;
  }

 private:
  std::string piece(int depth) {
    static const std::vector<std::string> atoms = {
        "a",     "b",       "ab",          "\\b",  "[ab]", "[^a ]",    "\\s",      "c", " ",
        "\\x41", "\\x{42}", "[[:upper:]]", "\\pL", ".",    "\xC3\xA9", "\xC3\xA8", "{", "x{,2}"};
    std::string s;
    switch (depth < 2 ? pick(6) : 0) {
      case 0:
      case 1:
      case 2:
        s = atoms[pick(atoms.size())];
        break;
      case 3:
        s = "(?:" + pattern(depth + 1) + ")";
        break;
      case 4:
        s = "(?P<g" + std::to_string(pick(3)) + ">" + pattern(depth + 1) + ")";
        break;
      case 5:
        s = (pick(2) ? "(?i:" : "(") + pattern(depth + 1) + ")";
        break;
    }
    static const std::vector<std::string> reps = {"", "", "", "?", "*", "+", "{2}", "{1,2}", "??"};
    return s + reps[pick(reps.size())];
  }
  int pick(std::size_t n) { return static_cast<int>(rng_() % n); }
  std::mt19937 rng_;
};

std::vector<std::string> random_texts(unsigned seed, int count) {
  static const std::vector<std::string> bits = {
      "a", "b", "c", " ", "A", "B", "x", "{", ",", "2", "}", "\xC3\xA9", "\xC3\xA8", "\n", "ab"};
  std::mt19937 rng(seed);
  std::vector<std::string> out;
  for (int i = 0; i < count; ++i) {
    std::string t;
    int n = 1 + static_cast<int>(rng() % 30);
    for (int k = 0; k < n; ++k) t += bits[rng() % bits.size()];
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace

TEST_CASE("factored: a piece that begins or ends alternatives is written once", "[factored]") {
  CHECK(factored_alternation({"ab", "ac"}) == "a(?:b|c)");
  CHECK(factored_alternation({"xa", "ya"}) == "(?:x|y)a");
  CHECK(factored_alternation({"ab", "ac", "d"}) == "a(?:b|c)|d");
  CHECK(factored_alternation({"ab", "a"}) == "a(?:b|)");
  CHECK(factored_alternation({"ab", "ab"}) == "ab");
  CHECK(factored_alternation({}).empty());
}

TEST_CASE("factored: groups that are whole alternatives are opened when opened alike",
          "[factored]") {
  CHECK(factored_alternation({"(?:a|b)", "(?:c)"}) == "(?:a|b|c)");
  // Capturing and named groups are plain ones in a never_capture program.
  CHECK(factored_alternation({"(?P<y>a)b", "(a)c"}) == "(?:a)(?:b|c)");
  // Case-blind and case-sensitive groups stay apart.
  CHECK(factored_alternation({"(?i:a)", "(?:b)"}) == "(?i:a)|(?:b)");
}

TEST_CASE("factored: no piece is split", "[factored]") {
  // An escape, a repetition with its atom, a class, a UTF-8 character.
  CHECK(factored_alternation({"\\x41b", "\\x42b"}) == "(?:\\x41|\\x42)b");
  CHECK(factored_alternation({"ab*", "ac*"}) == "a(?:b*|c*)");
  CHECK(factored_alternation({"ab", "ab*"}) == "a(?:b|b*)");
  CHECK(factored_alternation({"a{2}", "a{3}"}) == "a{2}|a{3}");
  CHECK(factored_alternation({"[]a]x", "[]a]y"}) == "[]a](?:x|y)");
  CHECK(factored_alternation({"\xC3\xA9x", "\xC3\xA8x"}) == "(?:\xC3\xA9|\xC3\xA8)x");
  // "{" that begins no repetition is a literal, and the piece before it ends there.
  CHECK(factored_alternation({"a{,2}", "a{b"}) == "a{(?:,2}|b)");
}

TEST_CASE("factored: a long shared start is written once, without a level per piece",
          "[factored]") {
  std::string start(19000, 'a');  // about as long as a rule may be
  CHECK(factored_alternation({start + "b", start + "c"}) == start + "(?:b|c)");
  CHECK(factored_alternation({"b" + start, "c" + start}) == "(?:b|c)" + start);
  // A chain of patterns, each the start of the next, is cut off deep down and still matches
  // what the patterns do on their own.
  std::vector<std::string> chain;
  for (int i = 1; i <= 400; ++i)
    chain.push_back(std::string(static_cast<std::size_t>(i), 'a') + "b?");
  check_same_spans(chain, {"aaab", std::string(450, 'a') + "b", "ab aab"});
}

TEST_CASE("factored: a pattern it cannot read is kept whole", "[factored]") {
  // "(?i)" sets flags for the rest of its group.
  CHECK(factored_alternation({"(?i)ab", "ac"}) == "(?:(?i)ab)|ac");
}

TEST_CASE("factored: a quote is literal pieces, and none is left open", "[factored]") {
  CHECK(factored_alternation({"\\Qa|b\\Eb", "ab"}) == "a(?:\\|b|)b");
  // A repetition after \E repeats the last character.
  CHECK(factored_alternation({"\\Qab\\E+", "ac"}) == "a(?:b+|c)");
  // A \Q to the end took in every pattern after it ("(?:\Qa)|(?:b)" is one literal).
  CHECK(factored_alternation({"\\Qa.", "b"}) == "a\\.|b");
  CHECK(factored_alternation({"(?i)\\Qa", "b"}) == "(?:(?i)\\Qa\\E)|b");
  CHECK(plain_alternation({"\\Qa", "b"}) == "(?:\\Qa\\E)|(?:b)");
  check_same_spans({"\\Qa(b", "x\\Qy)\\E+", "(?i)\\Qq.", "c"}, {"a(b xy)) q. Q. c xy"});
}

TEST_CASE("factored: what may fold case comes first, or RE2 loses the other case",
          "[factored][re2]") {
  // RE2 20220601 merges one-character alternatives into a class; a folded "d" added after "d"
  // adds no "D". RE2 reads "[Dd]" as a folded "d".
  CHECK(factored_alternation({"Ltd", "Lt[Dd]"}) == "Lt(?:[Dd]|d)");
  check_same_spans({"Ltd", "Lt[Dd]"}, {"LtD Ltd ltd LTD"});
  check_same_spans({"dX", "[Dd]X"}, {"DX dX dx"});
  check_same_spans({"a", "(?i:a)|c", "(?si:b)"}, {"A a C c B"});
  // Inside a pattern's own group too (where RE2 on the pattern alone has the bug).
  RE2 inner(factored_alternation({"(?:e|(?i:e))f", "g"}), scan_options());
  CHECK(scan_spans(inner, "Ef ef EF") == dossier::testing::Spans{{0, 2}, {3, 2}});
  // The fallback too.
  CHECK(plain_alternation({"a", "(?i:a)"}) == "(?:(?i:a))|(?:a)");
  CHECK(RE2::FullMatch("A", RE2(plain_alternation({"a", "(?i:a)"}))));
  // "(?-i:" turns folding off: its place is kept.
  CHECK(plain_alternation({"b", "(?-i:a)"}) == "(?:b)|(?:(?-i:a))");
}

TEST_CASE("factored: the same spans as the patterns on their own, random patterns",
          "[factored][re2]") {
  PatternMaker maker(11);
  std::vector<std::string> texts = random_texts(12, 300);
  for (int round = 0; round < 300; ++round) {
    std::vector<std::string> patterns;
    int n = 2 + round % 9;
    for (int i = 0; i < n; ++i) {
      std::string p = maker.pattern();
      RE2 re(p, scan_options());
      if (re.ok() && !RE2::FullMatch("", re)) patterns.push_back(p);
    }
    if (patterns.size() < 2) continue;
    check_same_spans(patterns, texts);
  }
}

TEST_CASE("factored: the built-in rules, the same spans over their examples", "[factored][re2]") {
  using namespace dossier::rules;
  Diagnostics diags;
  auto set = RuleSet::load({builtin_data_dir()}, diags);
  REQUIRE(diags.empty());
  for (Kind k : kAllKinds) {
    const KindRules& kr = set->rules(k);
    // Texts dense with near-misses: each example and counter-example, and random runs of them.
    std::vector<std::string> pieces;
    for (const Rule& r : kr.rules) {
      for (const Example& e : r.examples) pieces.push_back(e.text);
      for (const Example& e : r.counter_examples) pieces.push_back(e.text);
    }
    REQUIRE(!pieces.empty());
    std::vector<std::string> texts = pieces;
    std::mt19937 rng(static_cast<unsigned>(k) + 1);
    for (int i = 0; i < 200; ++i) {
      std::string t;
      for (int n = 0; n < 6; ++n) t += pieces[rng() % pieces.size()] + (rng() % 3 ? " " : "\n");
      texts.push_back(std::move(t));
    }
    check_same_spans(kr.scanner.patterns(), texts);
  }
}

TEST_CASE("factored: the date rules' program is a third of the plain alternation's",
          "[factored][re2]") {
  using namespace dossier::rules;
  Diagnostics diags;
  auto set = RuleSet::load({builtin_data_dir()}, diags);
  REQUIRE(diags.empty());
  const auto& patterns = set->rules(Kind::kDates).scanner.patterns();
  RE2 plain(plain_alternation(patterns), scan_options());
  RE2 ours(factored_alternation(patterns), scan_options());
  REQUIRE(ours.ok());
  CHECK(ours.ProgramSize() * 3 < plain.ProgramSize());
}
