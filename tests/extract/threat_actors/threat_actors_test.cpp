// Threat actors: gazetteer aliases to one canonical actor (ambiguity kept), naming schemes,
// attribution stated in the text, bounded alias lists.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "lib/extract/extractor.hpp"
#include "lib/rules/rule_set.hpp"

using namespace dossier;

namespace {

std::string read(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The shipped threat-actor rules with a small gazetteer of our own.
std::shared_ptr<const rules::RuleSet> load_with(const std::string& gazetteer) {
  rules::Diagnostics diags;
  auto set = rules::RuleSet::load_texts(
      {{"threat_actors.toml", read(DOSSIER_SOURCE_DIR "/data/rules/threat_actors.toml")},
       {"g.toml", "kind = \"threat_actors\"\n" + gazetteer}},
      diags);
  REQUIRE(diags.empty());
  return set;
}

const char* kGazetteer =
    "[[entity]]\nname = \"Midnight Blizzard\"\ncountry = \"RU\"\nsponsor = \"SVR\"\n"
    "ids = { mitre = \"G0016\" }\nignore_case = true\n"
    "aliases = [{ name = \"APT29\", source = \"mitre\" }, { name = \"NOBELIUM\", source = \"misp\","
    " ignore_case = false }, { name = \"Grizzly Steppe\", source = \"misp\" }]\n"
    "[[entity]]\nname = \"Forest Blizzard\"\ncountry = \"RU\"\n"
    "aliases = [{ name = \"Grizzly Steppe\", source = \"misp\" }]\n"
    "[[entity]]\nname = \"Quiet Group\"\n";

struct Result {
  std::vector<extract::ThreatActorMention> actors;
  std::vector<std::string> warnings;
};

Result run(const rules::RuleSet& set, const std::string& text) {
  text::Document doc;
  doc.text = text;
  Result r;
  r.actors = extract::extract(set, doc).threat_actors;
  r.warnings = doc.warnings;
  return r;
}

}  // namespace

TEST_CASE("an alias resolves to the canonical actor with its ids and aliases, the one used first",
          "[actors]") {
  auto set = load_with(kGazetteer);
  Result r = run(*set, "The intrusion was blamed on apt29 last year.");
  REQUIRE(r.actors.size() == 1);
  const auto& m = r.actors[0];
  CHECK(m.text == "apt29");
  CHECK(m.name == "Midnight Blizzard");
  CHECK(m.country == "RU");
  CHECK(m.sponsor == "SVR");
  CHECK(m.ids.at("mitre") == "G0016");
  CHECK(m.aliases == std::vector<std::string>{"APT29", "NOBELIUM", "Grizzly Steppe"});
  CHECK_FALSE(m.ambiguous);
}

TEST_CASE("an alias that names two actors is ambiguous and lists both", "[actors]") {
  auto set = load_with(kGazetteer);
  Result r = run(*set, "Grizzly Steppe was the name of the report.");
  REQUIRE(r.actors.size() == 1);
  CHECK(r.actors[0].ambiguous);
  CHECK(r.actors[0].candidates == std::vector<std::string>{"Midnight Blizzard", "Forest Blizzard"});
}

TEST_CASE("a case-sensitive alias does not match other capitals", "[actors]") {
  auto set = load_with(kGazetteer);
  CHECK(run(*set, "the element nobelium is heavy").actors.empty());
  CHECK(run(*set, "NOBELIUM struck again").actors.size() == 1);
}

TEST_CASE("attribution in the text fills the sponsor and country the table lacks", "[actors]") {
  auto set = load_with(kGazetteer);
  Result r = run(*set, "Quiet Group, officials say, works for Russia's GRU.");
  REQUIRE(r.actors.size() == 1);
  CHECK(r.actors[0].name == "Quiet Group");
  CHECK(r.actors[0].country == "RU");
  CHECK(r.actors[0].sponsor == "GRU");
}

TEST_CASE("attribution in the sentence before reaches the actor; two sentences back does not",
          "[actors]") {
  auto set = load_with(kGazetteer);
  Result near = run(*set, "Officials attributed the attack to China. Quiet Group denied it.");
  REQUIRE(near.actors.size() == 1);
  CHECK(near.actors[0].country == "CN");
  Result far = run(*set, "Officials attributed the attack to China. Nobody spoke. Quiet Group left.");
  REQUIRE(far.actors.size() == 1);
  CHECK(far.actors[0].country.empty());
}

TEST_CASE("attribution that contradicts the table keeps the table and warns", "[actors]") {
  auto set = load_with(kGazetteer);
  Result r = run(*set, "Midnight Blizzard, a China-linked group, struck.");
  REQUIRE(r.actors.size() == 1);
  CHECK(r.actors[0].country == "RU");
  std::vector<std::string> mine;
  for (const std::string& w : r.warnings)
    if (w.rfind("threat actor", 0) == 0) mine.push_back(w);
  CHECK(mine == std::vector<std::string>{
                    "threat actor 'Midnight Blizzard' (Midnight Blizzard): the text gives country "
                    "CN (\"China-linked\"), the table RU; kept the table's"});
}

TEST_CASE("a naming scheme gives an actor in no table the country it implies", "[actors]") {
  auto set = load_with(kGazetteer);
  Result r = run(*set, "Microsoft tracks Quartz Typhoon and Storm-9876; a Teddy Bear is no actor.");
  REQUIRE(r.actors.size() == 2);
  CHECK(r.actors[0].name == "Quartz Typhoon");
  CHECK(r.actors[0].country == "CN");
  CHECK(r.actors[1].name == "Storm-9876");
  CHECK(r.actors[1].country.empty());
}

TEST_CASE("a mention lists at most 20 other aliases", "[actors]") {
  std::string g = "[[entity]]\nname = \"Big Group\"\naliases = [";
  for (int i = 0; i < 30; ++i) g += "\"Alias" + std::to_string(i) + "\", ";
  g += "]\n";
  auto set = load_with(g);
  Result r = run(*set, "Big Group again.");
  REQUIRE(r.actors.size() == 1);
  CHECK(r.actors[0].aliases.size() == 20);
  CHECK(r.actors[0].aliases.front() == "Alias0");
}
