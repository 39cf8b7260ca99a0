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
  const std::vector<int>* ids = g.lookup("The  Dukes");
  REQUIRE(ids);
  CHECK(ids->size() == 2);
  CHECK(g.lookup("Midnight Blizzard")->size() == 1);
  CHECK(g.lookup("nobody") == nullptr);
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
