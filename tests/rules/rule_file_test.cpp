#include "lib/rules/rule_file.hpp"
#include "lib/rules/rule_set.hpp"

#include <catch2/catch.hpp>

using namespace dossier::rules;

TEST_CASE("a pattern that does not compile is reported at file:line:col with its text", "[rules]") {
  Diagnostics diags;
  RuleSet::load_texts({{"my/dates.toml",
                        "kind = \"dates\"\n"
                        "[[rule]]\n"
                        "id = \"broken\"\n"
                        "pattern = '(?P<day>[0-9]+'\n"
                        "examples = [\"12\"]\n"}},
                      diags);
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].format() ==
        "my/dates.toml:4:11: pattern does not compile: missing ): (?P<day>[0-9]+\n"
        "    pattern = '(?P<day>[0-9]+'\n"
        "              ^");
}

TEST_CASE("a TOML syntax error names the place", "[rules]") {
  Diagnostics diags;
  parse_rule_file("kind = \"dates\"\n[[rule]\n", "x.toml", diags);
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].pos.file == "x.toml");
  CHECK(diags[0].pos.line == 2);
}

TEST_CASE("a pattern that matches the empty string is refused", "[rules]") {
  Diagnostics diags;
  RuleSet::load_texts({{"dates.toml", "[[rule]]\nid = \"e\"\npattern = 'a*'\n"}}, diags);
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].message == "pattern does not compile: pattern matches the empty string");
}

// Found by fuzz_alternation: RE2 reads "[:" in a class as the start of a name like [:alpha:] when
// a ":]" follows anywhere in the program, so "[[:]" compiled alone but, with a later rule's ":]"
// in the same alternation, made every rule of its kind fail to load.
TEST_CASE("a class with a literal bracket and colon is refused with its fix; other rules load",
          "[rules]") {
  Diagnostics diags;
  auto set = RuleSet::load_texts({{"dates.toml",
                                   "[[rule]]\nid = \"colon\"\npattern = '[[:]x'\n"
                                   "[[rule]]\nid = \"smiley\"\npattern = 'y:]'\n"
                                   "examples = [\"y:]\"]\n"}},
                                 diags);
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].format() ==
        "dates.toml:3:11: pattern does not compile: a '[:' in a class that does not open a name "
        "such as [:alpha:] must be written '\\[:'\n"
        "    pattern = '[[:]x'\n"
        "              ^");
  Diagnostics escaped;
  RuleSet::load_texts({{"dates.toml",
                        "[[rule]]\nid = \"colon\"\npattern = '[\\[:]x'\n"
                        "[[rule]]\nid = \"smiley\"\npattern = 'y:]'\n"}},
                      escaped);
  CHECK(escaped.empty());
}

TEST_CASE("macros expand, repetitions stay, unknown macros are named", "[rules]") {
  std::map<std::string, std::string> defs{{"MONTH", "May|June"}};
  std::string unknown;
  CHECK(expand_macros(R"(\d{1,2} {MONTH})", defs, &unknown) == R"(\d{1,2} (?:May|June))");
  CHECK(unknown.empty());
  expand_macros("{NOPE}", defs, &unknown);
  CHECK(unknown == "NOPE");
}

TEST_CASE("a Unicode class such as \\p{Lu} or \\P{L} is not taken for a macro", "[rules]") {
  std::map<std::string, std::string> defs{{"L", "never"}, {"W", "[a-z]+"}};
  std::string unknown;
  CHECK(expand_macros(R"(\p{Lu}{W} \P{L}\pL)", defs, &unknown) == R"(\p{Lu}(?:[a-z]+) \P{L}\pL)");
  CHECK(unknown.empty());
}

TEST_CASE("a later rule with the same id replaces the earlier one", "[rules]") {
  Diagnostics diags;
  auto set = RuleSet::load_texts(
      {{"a/dates.toml", "[[rule]]\nid = \"x\"\npattern = 'foo'\nmine = \"builtin\"\n"},
       {"b/dates.toml", "[[rule]]\nid = \"x\"\npattern = 'bar'\nmine = \"user\"\n"}},
      diags);
  REQUIRE(diags.empty());
  const auto& rules = set->rules(Kind::kDates).rules;
  REQUIRE(rules.size() == 1);
  CHECK(rules[0].attr("mine") == "user");
}

TEST_CASE("a define may use another define, which expands in turn", "[rules]") {
  std::map<std::string, std::string> defs{{"DAY", "[0-9]{1,2}"}, {"MONTH", "May|June"},
                                          {"DATE", "{DAY} {MONTH}"}};
  std::string unknown;
  CHECK(expand_macros("on {DATE}", defs, &unknown) == "on (?:(?:[0-9]{1,2}) (?:May|June))");
  CHECK(unknown.empty());
  Diagnostics diags;
  auto set = RuleSet::load_texts({{"dates.toml",
                                   "[define]\nMONTH = 'May|June'\nDATE = '[0-9]+ {MONTH}'\n"
                                   "[[rule]]\nid = \"d\"\npattern = '{DATE}'\n"}},
                                 diags);
  REQUIRE(diags.empty());
  CHECK(set->rules(Kind::kDates).rules[0].pattern == "(?:[0-9]+ (?:May|June))");
}

TEST_CASE("defines that use each other in a cycle are reported at file:line:col", "[rules]") {
  Diagnostics diags;
  RuleSet::load_texts({{"my/dates.toml",
                        "[define]\n"
                        "A = 'x{B}'\n"
                        "B = 'y{A}'\n"
                        "[[rule]]\nid = \"c\"\npattern = '{A}'\n"}},
                      diags);
  REQUIRE(!diags.empty());
  CHECK(diags[0].format() ==
        "my/dates.toml:2:5: define A refers back to itself: A -> B -> A\n"
        "    A = 'x{B}'\n"
        "        ^");
  std::string unknown;
  expand_macros("{A}", {{"A", "x{B}"}, {"B", "y{A}"}}, &unknown);
  CHECK(unknown == "A");
}
