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

TEST_CASE("macros expand, repetitions stay, unknown macros are named", "[rules]") {
  std::map<std::string, std::string> defs{{"MONTH", "May|June"}};
  std::string unknown;
  CHECK(expand_macros(R"(\d{1,2} {MONTH})", defs, &unknown) == R"(\d{1,2} (?:May|June))");
  CHECK(unknown.empty());
  expand_macros("{NOPE}", defs, &unknown);
  CHECK(unknown == "NOPE");
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
