// The NDJSON line: document_line() writes it directly, and must equal, byte for byte, the line
// made the slow way from a Json tree of to_json() and document_json().

#include "lib/output/ndjson.hpp"

#include <catch2/catch.hpp>

#include "lib/version.hpp"

using namespace dossier;
using namespace dossier::output;

namespace {

// The line as it was made before document_line() wrote it directly.
std::string tree_line(const text::Document& doc, const extract::Extractions& x) {
  auto array_of = [](const auto& mentions) {
    Json a = Json::array();
    for (const auto& m : mentions) a.push_back(to_json(m));
    return a;
  };
  Json j;
  j["schema"] = kSchema;
  j["document"] = document_json(doc);
  j["dates"] = array_of(x.dates);
  j["organisations"] = array_of(x.organisations);
  j["threat_actors"] = array_of(x.threat_actors);
  j["regulator_actions"] = array_of(x.regulator_actions);
  j["warnings"] = doc.warnings;
  return to_line(j);
}

template <typename M>
M mention(std::string text, std::size_t start, int line, std::string rule) {
  M m;
  m.text = std::move(text);
  m.span = {start, start + m.text.size()};
  m.line = line;
  m.rule = std::move(rule);
  return m;
}

}  // namespace

TEST_CASE("a document without extractions gives the tree's line", "[output][ndjson]") {
  text::Document doc;
  doc.id = "a.txt";
  doc.encoding = "utf-8";
  extract::Extractions x;
  CHECK(document_line(doc, x) == tree_line(doc, x));
  CHECK(document_line(doc, x) ==
        R"({"schema":"dossier/1","document":{"id":"a.txt","path":null,"sha256":"","bytes":0,)"
        R"("title":"","dct":null,"dct_source":"none","encoding":"utf-8"},"dates":[],)"
        R"("organisations":[],"threat_actors":[],"regulator_actions":[],"warnings":[]})");
}

TEST_CASE("every kind, nulls, escapes and invalid UTF-8 give the tree's line", "[output][ndjson]") {
  text::Document doc;
  doc.id = "in/\"quoted\"\\file.txt";
  doc.path = "in/file.txt";
  doc.sha256 = "abc";
  doc.bytes = 123456789012ull;
  doc.title = "Tab\there, newline\nthere, bell \x07, bad \xC3( byte, caf\xC3\xA9";
  doc.dct = "2024-05-02";
  doc.dct_source = text::DctSource::kHeader;
  doc.encoding = "windows-1252";
  doc.source = "wire";
  doc.warnings = {"first", "second \"quoted\"", "\xFF\xFE"};

  extract::Extractions x;
  auto d = mention<extract::DateMention>("2 May", 10, 2, "dates/day-month");
  d.value = "2024-05-02";
  d.precision = "day";
  d.anchor = "dct";
  d.boilerplate = true;
  x.dates.push_back(d);
  d.mod = "START";
  d.span = {20, 25};
  x.dates.push_back(d);

  auto o = mention<extract::OrganisationMention>("ICO", 30, 3, "organisations/gazetteer");
  o.name = "Information Commissioner\xE2\x80\x99s Office";
  o.category = "regulator";
  o.country = "GB";
  x.organisations.push_back(o);
  o.country.clear();
  o.name = "Acme \x01 Ltd";
  x.organisations.push_back(o);

  auto t = mention<extract::ThreatActorMention>("Fancy Bear", 40, 4, "threat_actors/gazetteer");
  t.name = "APT28";
  t.country = "RU";
  t.aliases = {"Fancy Bear", "Sofacy"};
  t.ids = {{"mitre", "G0007"}, {"odd \"key\"", "v"}};
  x.threat_actors.push_back(t);
  t.ambiguous = true;
  t.candidates = {"APT28", "Other"};
  t.sponsor = "GRU";
  t.aliases.clear();
  t.ids.clear();
  x.threat_actors.push_back(t);

  auto r = mention<extract::RegulatorAction>("The ICO fined Acme", 50, 5, "regulator_actions/fine");
  r.regulator = "ICO";
  r.action = "fine";
  r.target = "Acme";
  r.date = "2024-05-02";
  r.amount = -1250000;
  r.currency = "GBP";
  r.negated = true;
  x.regulator_actions.push_back(r);
  r.target.clear();
  r.date.reset();
  r.amount.reset();
  r.currency = "";
  x.regulator_actions.push_back(r);

  CHECK(document_line(doc, x) == tree_line(doc, x));
}
