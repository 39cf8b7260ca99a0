#include "lib/rules/gazetteer.hpp"
#include "lib/rules/rule_set.hpp"

#include <catch2/catch.hpp>

using namespace dossier::rules;

namespace {

std::shared_ptr<const RuleSet> load(const std::string& toml, Diagnostics& diags) {
  return RuleSet::load_texts({{"g.toml", toml}}, diags);
}

}  // namespace

TEST_CASE("an alias shared by two entities is ambiguous", "[gazetteer]") {
  Diagnostics diags;
  auto set = load(
      "kind = \"threat_actors\"\n"
      "[[entity]]\nname = \"Midnight Blizzard\"\naliases = [\"The Dukes\"]\n"
      "[[entity]]\nname = \"Other Group\"\naliases = [\"the dukes\"]\n",
      diags);
  REQUIRE(diags.empty());
  const Gazetteer& g = set->names(Kind::kThreatActors).gazetteer;
  std::span<const int> ids = g.lookup("The  Dukes");
  REQUIRE(ids.size() == 2);
  CHECK(g.entities()[ids[0]].name == "Midnight Blizzard");
  CHECK(g.entities()[ids[1]].name == "Other Group");
  CHECK(g.lookup("Midnight Blizzard").size() == 1);
  CHECK(g.lookup("nobody").empty());
}

TEST_CASE("gazetteer names match with either apostrophe and wrapped lines", "[gazetteer]") {
  Diagnostics diags;
  auto set = load(
      "kind = \"organisations\"\n"
      "[[entity]]\nname = \"Information Commissioner's Office\"\naliases = [\"ICO\"]\n",
      diags);
  REQUIRE(diags.empty());
  const auto& names = set->names(Kind::kOrganisations);
  std::string text = "the Information Commissioner\xE2\x80\x99s\nOffice and the ICO, not PICO.";
  auto hits = names.matcher.scan(text);
  REQUIRE(hits.size() == 2);
  CHECK(text.substr(hits[0].span.start, hits[0].span.size()) ==
        "Information Commissioner\xE2\x80\x99s\nOffice");
  CHECK(text.substr(hits[1].span.start, hits[1].span.size()) == "ICO");
}

TEST_CASE("a gazetteer without a kind is an error at its first line", "[gazetteer]") {
  Diagnostics diags;
  load("[[entity]]\nname = \"X\"\n", diags);
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].format() ==
        "g.toml:1:1: a gazetteer must say kind = \"organisations\" or \"threat_actors\"\n"
        "    [[entity]]\n"
        "    ^");
}

TEST_CASE("an entity named again replaces the first, in its place", "[gazetteer]") {
  Diagnostics diags;
  auto set = RuleSet::load_texts(
      {{"a.toml",
        "kind = \"organisations\"\n"
        "[[entity]]\nname = \"Acme Corp\"\ncategory = \"company\"\naliases = [\"Acme Old\"]\n"
        "[[entity]]\nname = \"Beta Ltd\"\n"},
       {"b.toml",
        "kind = \"organisations\"\n"
        "[[entity]]\nname = \"ACME  corp\"\ncategory = \"regulator\"\naliases = [\"Acme New\"]\n"}},
      diags);
  REQUIRE(diags.empty());
  const Gazetteer& g = set->names(Kind::kOrganisations).gazetteer;
  REQUIRE(g.entities().size() == 2);
  CHECK(g.entities()[0].name == "ACME  corp");
  CHECK(g.entities()[0].category == "regulator");
  CHECK(g.entities()[1].name == "Beta Ltd");
  CHECK(g.find("Acme Corp") == 0);
  CHECK(g.find("Beta Ltd") == 1);
  CHECK(g.find("Gamma") == -1);
  CHECK(g.lookup("Acme Old").empty());
  REQUIRE(g.lookup("Acme New").size() == 1);
  CHECK(g.lookup("Acme New")[0] == 0);
}
