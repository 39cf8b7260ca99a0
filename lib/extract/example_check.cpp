#include "lib/extract/example_check.hpp"

#include <fmt/format.h>

#include <fstream>
#include <sstream>

#include "lib/extract/extractor.hpp"
#include "lib/output/ndjson.hpp"

namespace dossier::extract {
namespace {

using output::Json;

std::vector<Json> extractions_of(const rules::RuleSet& rules, rules::Kind kind,
                                 const rules::Example& ex) {
  text::Document doc;
  doc.id = doc.path = "example";
  doc.text = ex.text;
  doc.encoding = "utf-8";
  if (!ex.dct.empty()) {
    doc.dct = ex.dct;
    doc.dct_source = text::DctSource::kFlag;
  }
  Extractions x = extract::extract(rules, doc);
  std::vector<Json> out;
  switch (kind) {
    case rules::Kind::kDates:
      for (auto& m : x.dates) out.push_back(output::to_json(m));
      break;
    case rules::Kind::kOrganisations:
      for (auto& m : x.organisations) out.push_back(output::to_json(m));
      break;
    case rules::Kind::kThreatActors:
      for (auto& m : x.threat_actors) out.push_back(output::to_json(m));
      break;
    case rules::Kind::kRegulatorActions:
      for (auto& m : x.regulator_actions) out.push_back(output::to_json(m));
      break;
  }
  return out;
}

std::string source_line(const rules::SourcePos& pos) {
  std::ifstream in(pos.file);
  std::string line;
  for (int i = 0; i < pos.line && std::getline(in, line); ++i) {
  }
  return in ? line : std::string();
}

std::string brief(const Json& j) {
  std::string s = fmt::format("'{}' by {}", j.value("text", ""), j.value("rule", ""));
  for (const char* k : {"value", "name", "action"}) {
    if (j.contains(k)) s += fmt::format(" ({} {})", k, j[k].dump());
  }
  return s;
}

// Hits of the kind's scanner made by rule `index` (for blockers, which extract nothing).
std::vector<std::string> blocker_hits(const rules::KindRules& kr, std::size_t index,
                                      const std::string& text) {
  std::vector<std::string> out;
  for (const rules::Hit& h : kr.scanner.scan(text, false)) {
    if (static_cast<std::size_t>(h.pattern) == index)
      out.push_back(text.substr(h.span.start, h.span.size()));
  }
  return out;
}

}  // namespace

CheckSummary check_examples(const rules::RuleSet& rules, rules::Diagnostics& diags) {
  CheckSummary sum;
  auto fail = [&](const rules::SourcePos& pos, std::string msg) {
    diags.push_back({pos, std::move(msg), source_line(pos)});
  };
  for (rules::Kind kind : rules::kAllKinds) {
    const rules::KindRules& kr = rules.rules(kind);
    for (std::size_t ri = 0; ri < kr.rules.size(); ++ri) {
      const rules::Rule& rule = kr.rules[ri];
      ++sum.rules;
      if (rule.examples.empty() && !rule.block) {
        fail(rule.pos, fmt::format("rule {} has no examples", rule.id));
      }
      for (const rules::Example& ex : rule.examples) {
        ++sum.examples;
        if (rule.block) {
          auto hits = blocker_hits(kr, ri, ex.text);
          bool ok = !hits.empty() &&
                    (ex.match.empty() || std::find(hits.begin(), hits.end(), ex.match) != hits.end());
          if (!ok) fail(ex.pos, fmt::format("blocker {} does not match in \"{}\"", rule.id, ex.text));
          continue;
        }
        std::vector<Json> got = extractions_of(rules, kind, ex);
        const Json* mine = nullptr;
        for (const Json& j : got) {
          if (j["rule"] == rule.id && (ex.match.empty() || j["text"] == ex.match)) {
            mine = &j;
            break;
          }
        }
        if (!mine) {
          std::string found;
          for (const Json& j : got) found += (found.empty() ? "" : "; ") + brief(j);
          fail(ex.pos, fmt::format("example not extracted by {}: \"{}\"{}{}", rule.id,
                                   ex.match.empty() ? ex.text : ex.match,
                                   found.empty() ? "" : "; found instead: ", found));
          continue;
        }
        for (const auto& [key, want] : ex.expect.items()) {
          if (!mine->contains(key)) {
            fail(ex.pos, fmt::format("example of {}: no field '{}' in {}", rule.id, key, to_string(kind)));
          } else if ((*mine)[key] != Json(want)) {
            fail(ex.pos, fmt::format("example of {}: \"{}\" gives {} {}, expected {}", rule.id,
                                     (*mine)["text"].get<std::string>(), key, (*mine)[key].dump(),
                                     want.dump()));
          }
        }
      }
      for (const rules::Example& ex : rule.counter_examples) {
        ++sum.counter_examples;
        if (rule.block) {
          if (!blocker_hits(kr, ri, ex.text).empty())
            fail(ex.pos, fmt::format("counter-example matched by blocker {}: \"{}\"", rule.id, ex.text));
          continue;
        }
        for (const Json& j : extractions_of(rules, kind, ex)) {
          if (j["rule"] == rule.id && (ex.match.empty() || j["text"] == ex.match)) {
            fail(ex.pos, fmt::format("counter-example extracted by {}: {}", rule.id, brief(j)));
            break;
          }
        }
      }
    }
  }
  return sum;
}

}  // namespace dossier::extract
