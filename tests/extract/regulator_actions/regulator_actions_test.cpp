// Regulator actions over whole documents: who reported a breach, negation, dates and targets
// that come from the sentence before, and sentences that split at company forms.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <cctype>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "lib/extract/extractor.hpp"
#include "lib/rules/rule_set.hpp"
#include "lib/text/sentences.hpp"

using namespace dossier;

namespace {

// The built-in rules this stage reads: regulator actions, organisations, dates.
const rules::RuleSet& action_rules() {
  static std::shared_ptr<const rules::RuleSet> set = [] {
    std::vector<rules::RuleSet::SourceFile> files;
    for (const char* name : {"rules/regulator_actions.toml", "rules/organisations.toml",
                             "rules/dates.toml", "gazetteers/organisations.toml",
                             "gazetteers/regulators.toml"}) {
      std::ifstream in(std::string(DOSSIER_SOURCE_DIR "/data/") + name);
      std::stringstream ss;
      ss << in.rdbuf();
      files.push_back({name, ss.str()});
    }
    rules::Diagnostics diags;
    auto s = rules::RuleSet::load_texts(files, diags);
    REQUIRE(diags.empty());
    return s;
  }();
  return *set;
}

// Each action as "action|regulator|target|date|negated".
std::vector<std::string> actions(const std::string& text) {
  text::Document doc;
  doc.text = text;
  doc.dct = "2024-11-21";
  doc.dct_source = text::DctSource::kFlag;
  extract::Extractions found = extract::extract(action_rules(), doc);
  std::vector<std::string> out;
  for (const extract::RegulatorAction& a : found.regulator_actions)
    out.push_back(a.action + "|" + a.regulator + "|" + a.target + "|" + a.date.value_or("") + "|" +
                  (a.negated ? "negated" : "affirmed"));
  return out;
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("a breach report's target is who reported it, never an organisation after it",
          "[regulator_actions]") {
  CHECK(actions("The day after the data breach report was filed with the ICO, the UK issued a statement on "
                "Microsoft.") == V{"breach_report|Information Commissioner's Office|||affirmed"});
  CHECK(actions("The Home Office reported the breach to the ICO.") ==
        V{"breach_report|Information Commissioner's Office|Home Office||affirmed"});
}

TEST_CASE("passive negation sets negated", "[regulator_actions]") {
  CHECK(actions("British Airways was not fined by the ICO.") ==
        V{"fine|Information Commissioner's Office|British Airways||negated"});
  CHECK(actions("Microsoft has not been fined by the ICO.") ==
        V{"fine|Information Commissioner's Office|Microsoft||negated"});
  CHECK(actions("No fine was imposed on Microsoft by the ICO.") ==
        V{"fine|Information Commissioner's Office|Microsoft||negated"});
}

TEST_CASE("'no further action' is its own kind and is never negated", "[regulator_actions]") {
  CHECK(actions("The ICO will not take action against Microsoft.") ==
        V{"no_further_action|Information Commissioner's Office|Microsoft||affirmed"});
  CHECK(actions("The ICO did not decide to take no further action against Microsoft.") ==
        V{"no_further_action|Information Commissioner's Office|Microsoft||affirmed"});
}

TEST_CASE("an undated action takes the date of a scene-setting sentence before it",
          "[regulator_actions]") {
  CHECK(actions("On 12 March 2024 the Garante published its decision. The Garante fined "
                "Microsoft EUR 1,000.") ==
        V{"fine|Garante per la protezione dei dati personali|Microsoft|2024-03-12|affirmed"});
}

TEST_CASE("a date that belongs to the previous sentence's own action is not carried",
          "[regulator_actions]") {
  CHECK(actions("The Home Office reported the breach to the ICO on 2 May 2024. The ICO said it "
                "had decided no further action was required.") ==
        V{"breach_report|Information Commissioner's Office|Home Office|2024-05-02|affirmed",
          "no_further_action|Information Commissioner's Office|Home Office||affirmed"});
}

TEST_CASE("a date that says nothing is not an action's date", "[regulator_actions]") {
  // "the day after" with nothing to count from resolves to XXXX-XX-XX.
  for (const std::string& a : actions("The day after, the ICO fined Microsoft £1m."))
    CHECK(a.find("XXXX") == std::string::npos);
}

TEST_CASE("a fine whose agent goes unsaid belongs to the regulator just named",
          "[regulator_actions]") {
  CHECK(actions("The Romanian DPA (ANSPDCP) investigated Microsoft. As a result, the controller "
                "was fined RON 14,399.50.") ==
        V{"investigation|ANSPDCP|Microsoft||affirmed", "fine|ANSPDCP|Microsoft||affirmed"});
  CHECK(actions("The ICO published guidance. Microsoft said the weather was fine.").empty());
}

TEST_CASE("'it' opening a sentence is the regulator the sentence before opened with",
          "[regulator_actions]") {
  CHECK(actions("The ICO investigated Acme Widgets Ltd. It fined Acme Widgets Ltd £500,000.") ==
        V{"investigation|Information Commissioner's Office|Acme Widgets||affirmed",
          "fine|Information Commissioner's Office|Acme Widgets||affirmed"});
  CHECK(actions("The ICO investigated TikTok. Later, it issued TikTok with a reprimand.") ==
        V{"investigation|Information Commissioner's Office|TikTok||affirmed",
          "reprimand|Information Commissioner's Office|TikTok||affirmed"});
  // Counter-examples: "it" is whoever the sentence before opened with, here no regulator.
  CHECK(actions("Acme Widgets Ltd said the ICO had been in touch. It fined its own staff.").empty());
  CHECK(actions("The ICO published guidance. It said Microsoft was fine.").empty());
}

TEST_CASE("a pronoun is never a passive action's target: the one named before is",
          "[regulator_actions]") {
  CHECK(actions("The ICO investigated TikTok. It was fined £12.7m.") ==
        V{"investigation|Information Commissioner's Office|TikTok||affirmed",
          "fine|Information Commissioner's Office|TikTok||affirmed"});
  CHECK(actions("Acme Widgets Ltd was investigated by the ICO. It was fined £12.7m.") ==
        V{"investigation|Information Commissioner's Office|Acme Widgets||affirmed",
          "fine|Information Commissioner's Office|Acme Widgets||affirmed"});
}

TEST_CASE("Hungarian and other company forms do not end the sentence", "[regulator_actions]") {
  std::string t = "The NAIH fined Budapest Bank Zrt. HUF 250,000,000 in total. Kft. Then.";
  auto s = text::split_sentences(t);
  REQUIRE(!s.empty());
  CHECK(t.substr(s[0].start, s[0].size()) ==
        "The NAIH fined Budapest Bank Zrt. HUF 250,000,000 in total.");
}

namespace {

// The first word of a name that is not an article, lower-cased ASCII: how a decision's target is
// compared ("a private individual" ~ "Private individual").
std::string first_word(const std::string& s) {
  std::string w;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    char c = i < s.size() ? s[i] : ' ';
    bool word = static_cast<unsigned char>(c) >= 0x80 || std::isalnum(static_cast<unsigned char>(c)) ||
                c == '_' || c == '-';
    if (word) {
      w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!w.empty()) {
      if (w != "the" && w != "a" && w != "an" && w != "of" && w != "and") return w;
      w.clear();
    }
  }
  return w;
}

}  // namespace

// Our own decision write-ups in the style of a regulator-enforcement tracker (one fine each,
// with the regulator's country, the target as the tracker names it, and the amount).
TEST_CASE("the DPA decision write-ups give each fine's regulator country, target and amount",
          "[regulator_actions][fines]") {
  for (const char* name : {"fines.jsonl", "fines_dpa.jsonl", "fines_dpa_more.jsonl"}) {
    std::ifstream in(std::string(DOSSIER_SOURCE_DIR "/tests/extract/regulator_actions/") + name);
    REQUIRE(in);
    int n = 0, found = 0, country = 0, target = 0, amount = 0;
    for (std::string line; std::getline(in, line);) {
      if (line.empty()) continue;
      auto row = nlohmann::json::parse(line);
      ++n;
      text::Document doc;
      doc.text = row["text"].get<std::string>();
      doc.dct = "2024-11-21";
      doc.dct_source = text::DctSource::kFlag;
      extract::Extractions x = extract::extract(action_rules(), doc);
      const extract::RegulatorAction* best = nullptr;
      const std::string want = first_word(row["controller"].get<std::string>());
      for (const auto& a : x.regulator_actions) {
        if (a.action != "fine" || a.negated) continue;
        if (!best || (first_word(a.target) == want && first_word(best->target) != want)) best = &a;
      }
      if (!best) continue;
      ++found;
      for (const auto& o : x.organisations)
        if (o.name == best->regulator && o.country == row["country"]) {
          ++country;
          break;
        }
      target += first_word(best->target) == want;
      amount += best->amount == row["amount"].get<std::int64_t>() && best->currency == row["currency"];
    }
    INFO(name << ": " << n << " decisions, found " << found << ", country " << country << ", target "
              << target << ", amount " << amount);
    CHECK(found == n);
    CHECK(country == n);
    CHECK(amount == n);
    CHECK(target * 100 >= n * 92);
  }
}

TEST_CASE("a text naming no regulator still says when its sentences were cut",
          "[regulator_actions]") {
  auto warnings_of = [](const std::string& text) {
    text::Document doc;
    doc.text = text;
    doc.dct = "2024-11-21";
    doc.dct_source = text::DctSource::kFlag;
    extract::Extractions found = extract::extract(action_rules(), doc);
    CHECK(found.regulator_actions.empty());
    std::string all;
    for (const std::string& w : doc.warnings) all += w + "\n";
    return all;
  };
  std::string words;
  while (words.size() <= text::kMaxSentenceBytes) words += "word ";
  CHECK(warnings_of("Short line.\n" + words).find("1 sentence longer than 4096 bytes was cut for threat-actor attribution") !=
        std::string::npos);
  CHECK(warnings_of("Short line.\n" + words.substr(0, 300)).find(" cut for ") == std::string::npos);
}
