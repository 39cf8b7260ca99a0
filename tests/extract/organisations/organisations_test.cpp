// Organisations: gazetteer names and descriptions, rules for names in no gazetteer, and the
// per-document alias table (acronyms defined in the text, names without their legal form).
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "lib/extract/extractor.hpp"
#include "lib/extract/organisations/document_aliases.hpp"
#include "lib/extract/organisations/name_shape.hpp"
#include "lib/rules/rule_set.hpp"
#include "tests/support/extract_fixture.hpp"

using namespace dossier;

namespace {

// The built-in organisation rules and gazetteer only, so these tests do not depend on other
// kinds' files.
const rules::RuleSet& org_rules() {
  return testing::rules_from({"rules/organisations.toml", "gazetteers/organisations.toml"});
}

// One mention as "text|name|rule|start|end".
std::vector<std::string> orgs(const std::string& text) {
  text::Document doc;
  doc.text = text;
  std::vector<std::string> out;
  for (const auto& m : extract::extract(org_rules(), doc).organisations)
    out.push_back(m.text + "|" + m.name + "|" + m.rule + "|" + std::to_string(m.span.start) +
                  "|" + std::to_string(m.span.end));
  return out;
}

}  // namespace

TEST_CASE("an acronym defined after a name names it for the rest of the document", "[orgs]") {
  CHECK(orgs("The Northshire Cyber Resilience Agency (NCRA) said. Later NCRA added.") ==
        std::vector<std::string>{
            "Northshire Cyber Resilience Agency|Northshire Cyber Resilience Agency|"
            "organisations/institution|4|38",
            "NCRA|Northshire Cyber Resilience Agency|organisations/document-alias|40|44",
            "NCRA|Northshire Cyber Resilience Agency|organisations/document-alias|58|62"});
}

TEST_CASE("brackets whose capitals do not spell the name are not an acronym", "[orgs]") {
  CHECK(orgs("Acme Widgets Ltd (XYZ) said. XYZ then fell.") ==
        std::vector<std::string>{"Acme Widgets Ltd|Acme Widgets|organisations/legal-form|0|16"});
}

TEST_CASE("a company named with its legal form is found again without it", "[orgs]") {
  CHECK(orgs("Contracts went to Acme Widgets Ltd last year. Acme Widgets declined to comment.") ==
        std::vector<std::string>{
            "Acme Widgets Ltd|Acme Widgets|organisations/legal-form|18|34",
            "Acme Widgets|Acme Widgets|organisations/document-alias|46|58"});
}

TEST_CASE("descriptions in the gazetteer name the organisation", "[orgs]") {
  CHECK(orgs("Russia\xE2\x80\x99s foreign intelligence service stole emails.") ==
        std::vector<std::string>{
            "Russia\xE2\x80\x99s foreign intelligence service|SVR|organisations/gazetteer|0|39"});
}

TEST_CASE("a title-case headline line yields no rule-made organisations", "[orgs]") {
  CHECK(orgs("Hackers Target Northshire Fire Authority Systems Again\nThe text.").empty());
}

TEST_CASE("sentence-initial words and a possessive are not part of the name", "[orgs]") {
  CHECK(orgs("The Northshire Fire Authority said it had been hit.") ==
        std::vector<std::string>{
            "Northshire Fire Authority|Northshire Fire Authority|organisations/institution|4|29"});
  CHECK(orgs("officers from Northshire's Metropolitan Police Department said so") ==
        std::vector<std::string>{"Metropolitan Police Department|Metropolitan Police Department|"
                                 "organisations/police|27|57"});
}

TEST_CASE("a role names the organisation the person works for", "[orgs]") {
  CHECK(orgs("said Kevin Robertson, chief operating officer of Acumen Cyber, of the breach.") ==
        std::vector<std::string>{"Acumen Cyber|Acumen Cyber|organisations/role-of|49|61"});
}

TEST_CASE("acronym initials are matched in order", "[orgs]") {
  using extract::organisations::spells_initials;
  CHECK(spells_initials("CISA", "Cybersecurity and Infrastructure Security Agency"));
  CHECK(spells_initials("CISA", "US Cybersecurity and Infrastructure Security Agency"));
  CHECK_FALSE(spells_initials("SVR", "Foreign Intelligence Service"));
  CHECK_FALSE(spells_initials("X", "Xylophone"));
}

TEST_CASE("headline lines are title case, sentences are not", "[orgs]") {
  using extract::organisations::is_title_case;
  CHECK(is_title_case("Hackers Target Regional Health Service Again"));
  CHECK_FALSE(is_title_case("the Department for Energy Security and Net Zero said"));
  CHECK_FALSE(is_title_case("Microsoft warns customers about the breach"));
}

TEST_CASE("a name inside a registry path or file name is not a mention", "[orgs]") {
  CHECK(orgs("reg add \"HKLM\\Software\\Microsoft\\Windows Defender\" /v x").empty());
  CHECK(orgs("the Microsoft.Exchange.Store.Worker.exe process").empty());
  CHECK(orgs("Microsoft.") ==
        std::vector<std::string>{"Microsoft|Microsoft|organisations/gazetteer|0|9"});
}

TEST_CASE("two institutions joined by and are not one name", "[orgs]") {
  CHECK(orgs("emails from the Department of Health and Bureau of Customs arrived") ==
        std::vector<std::string>{"Department of Health|Department of Health|organisations/ministry-of|16|36"});
}

TEST_CASE("an alias learnt twice keeps its first organisation", "[orgs]") {
  text::Document doc;
  doc.text = "Acme said. Later Acme and more.";
  doc.lines = text::LineIndex(doc.text);
  extract::OrganisationMention first, second;
  first.name = "Acme Widgets";
  first.category = "company";
  second.name = "Acme Holdings";
  second.category = "other";
  extract::organisations::DocumentAliases aliases;
  aliases.learn(std::string_view(doc.text).substr(0, 4), first);
  aliases.learn("Acme", second);
  std::vector<extract::OrganisationMention> found = aliases.find(doc, {});
  REQUIRE(found.size() == 2);
  CHECK(found[0].span.start == 0);
  CHECK(found[1].span.start == 17);
  CHECK(found[1].text == "Acme");
  CHECK(found[1].name == "Acme Widgets");
  CHECK(found[1].category == "company");
  CHECK(found[1].rule == "organisations/document-alias");
}

// Two entities that share an alias, and the built-in regulators (Denmark's and Norway's
// authorities are both "Datatilsynet").
TEST_CASE("an alias two entities share names the one the document names nearest to it",
          "[orgs]") {
  rules::Diagnostics diags;
  auto set = rules::RuleSet::load_texts(
      {{"shared.toml", R"toml(kind = "organisations"
[[entity]]
name = "Harbour Authority (North)"
category = "regulator"
aliases = ["Harbour Authority", "Northern Harbour Board"]
[[entity]]
name = "Harbour Authority (South)"
category = "regulator"
aliases = ["Harbour Authority", "Southern Harbour Board"]
)toml"}},
      diags);
  REQUIRE(diags.empty());
  auto names = [&](const std::string& text) {
    std::vector<std::string> out;
    for (const auto& m : testing::extract_text(*set, text).organisations)
      out.push_back(m.text + "|" + m.name);
    return out;
  };
  CHECK(names("The Southern Harbour Board met. The Harbour Authority agreed.") ==
        std::vector<std::string>{"Southern Harbour Board|Harbour Authority (South)",
                                 "Harbour Authority|Harbour Authority (South)"});
  // Named after the shared alias, too.
  CHECK(names("The Harbour Authority agreed; the Southern Harbour Board met later.")[0] ==
        "Harbour Authority|Harbour Authority (South)");
  // The nearest unambiguous mention decides.
  CHECK(names("Northern Harbour Board. Much later text follows here, and more, and more. "
              "Southern Harbour Board. The Harbour Authority agreed.")[2] ==
        "Harbour Authority|Harbour Authority (South)");
  // Counter-example: nothing else named, the first listed entity, as before.
  CHECK(names("The Harbour Authority agreed.") ==
        std::vector<std::string>{"Harbour Authority|Harbour Authority (North)"});

  const rules::RuleSet& regulators = testing::rules_from({"gazetteers/regulators.toml"});
  auto regulator = [&](const std::string& text) {
    auto x = testing::extract_text(regulators, text);
    return x.organisations.empty() ? std::string() : x.organisations.back().name;
  };
  CHECK(regulator("The Norwegian DPA fined Grindr. Datatilsynet said the fine was final.") ==
        "Datatilsynet (Norway)");
  CHECK(regulator("The Danish DPA fined Taxa 4x35. Datatilsynet said the fine was final.") ==
        "Datatilsynet (Denmark)");
  CHECK(regulator("Datatilsynet said the fine was final.") == "Datatilsynet (Denmark)");
}
