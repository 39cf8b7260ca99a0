#include "lib/extract/extractor.hpp"

#include <fmt/format.h>

#include "lib/extract/dates/dates.hpp"
#include "lib/extract/dates/dct.hpp"
#include "lib/extract/organisations/organisations.hpp"
#include "lib/extract/regulator_actions/regulator_actions.hpp"
#include "lib/extract/threat_actors/threat_actors.hpp"
#include "lib/text/boilerplate.hpp"
#include "lib/text/sentences.hpp"
#include "lib/text/title.hpp"

namespace dossier::extract {
namespace {

template <typename T>
void cap(std::vector<T>& v, std::size_t& budget, std::string_view kind, text::Document& doc) {
  if (v.size() > budget) {
    doc.warnings.push_back(
        fmt::format("more than {} extractions: later {} dropped", kMaxExtractionsPerDocument, kind));
    v.resize(budget);
    v.shrink_to_fit();
  }
  budget -= v.size();
}

}  // namespace

Extractions extract(const rules::RuleSet& rules, text::Document& doc) {
  DocumentScans scans;
  return extract(rules, doc, scans);
}

Extractions extract(const rules::RuleSet& rules, text::Document& doc, DocumentScans& scans) {
  doc.lines = text::LineIndex(doc.text);
  doc.boilerplate = text::find_boilerplate(doc.text, doc.lines);
  if (doc.title.empty()) doc.title = text::find_title(doc.text);
  dates::find_dct(doc);

  std::size_t budget = kMaxExtractionsPerDocument;
  Extractions x;
  x.dates = dates::extract(rules, doc, scans, doc.warnings);
  cap(x.dates, budget, "dates", doc);
  if (doc.dct.empty()) doc.warnings.push_back("no creation date found: relative dates left unresolved");
  x.organisations = organisations::extract(rules, doc, scans, doc.warnings);
  cap(x.organisations, budget, "organisations", doc);
  text::Sentences sentences(doc.text);  // split once, by whichever needs them first
  x.threat_actors = threat_actors::extract(rules, doc, scans, sentences, doc.warnings);
  cap(x.threat_actors, budget, "threat actors", doc);
  if (std::size_t cut = sentences.cut())
    doc.warnings.push_back(fmt::format(
        "{} longer than {} bytes {} cut for threat-actor attribution and regulator actions",
        cut == 1 ? "1 sentence" : fmt::format("{} sentences", cut), text::kMaxSentenceBytes,
        cut == 1 ? "was" : "were"));
  x.regulator_actions = regulator_actions::extract(rules, doc, x, sentences, doc.warnings);
  cap(x.regulator_actions, budget, "regulator actions", doc);
  return x;
}

}  // namespace dossier::extract
