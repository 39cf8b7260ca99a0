// Where extraction time goes: reads every file under a folder once, then times, on one thread,
// each scanner of the built-in rule set over all the texts (cold, warm, finding its spans only,
// and its bare DFA scan), the whole extract, its stages one by one, and three of them again with
// their scans run beforehand. A profiler cannot see into RE2's symbols here; this can.
//
//   stage_times DIR [SCANNER]
// Prints one row per stage: seconds, MB/s, hits. With SCANNER (dates-rules, organisations-names,
// threat_actors-rules...) only that scanner's rows.

#include <fmt/format.h>
#include <re2/re2.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <initializer_list>
#include <string>
#include <vector>

#include "bench/folder_texts.hpp"
#include "lib/extract/dates/dates.hpp"
#include "lib/extract/dates/dct.hpp"
#include "lib/extract/extractor.hpp"
#include "lib/extract/organisations/organisations.hpp"
#include "lib/extract/regulator_actions/regulator_actions.hpp"
#include "lib/extract/threat_actors/threat_actors.hpp"
#include "lib/rules/factored_alternation.hpp"
#include "lib/rules/rule_set.hpp"
#include "lib/text/boilerplate.hpp"
#include "lib/text/sentences.hpp"
#include "lib/text/title.hpp"

using namespace dossier;

namespace {

// Runs f (one pass over the texts, returning its hits) and prints one row.
template <typename F>
void time_stage(const std::string& name, std::size_t bytes, F&& f) {
  auto t0 = std::chrono::steady_clock::now();
  std::size_t hits = f();
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("%-44s %8.2f s %9.1f MB/s %10zu hits\n", name.c_str(), s, bytes / 1048576.0 / s,
              hits);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2 && argc != 3) {
    std::fprintf(stderr, "usage: stage_times DIR [SCANNER]\n");
    return 2;
  }
  const char* only = argc == 3 ? argv[2] : nullptr;
  std::size_t bytes = 0;
  const std::vector<std::string> texts =
      bench::folder_texts(argv[1], static_cast<std::size_t>(-1), &bytes);
  rules::Diagnostics diags;
  auto set = rules::RuleSet::load({rules::builtin_data_dir()}, diags);
  if (!diags.empty()) {
    std::fprintf(stderr, "rules do not load\n");
    return 1;
  }
  std::printf("%zu files, %.1f MB\n", texts.size(), bytes / 1048576.0);
  // Each scanner: its scan cold (RE2 builds DFA states as it goes), warm, and the bare DFA
  // scan of its capture-free alternation (the floor for that scanner). The names are found by
  // NameMatcher; their "DFA only" row is the RE2 alternation of the same aliases it replaced.
  for (rules::Kind k : rules::kAllKinds) {
    for (bool names : {false, true}) {
      const rules::PatternScanner& sc = set->rules(k).scanner;
      const rules::NameMatcher& nm = set->names(k).matcher;
      std::size_t size = names ? nm.size() : sc.size();
      if (!size) continue;
      if (only && fmt::format("{}-{}", rules::to_string(k), names ? "names" : "rules") != only)
        continue;
      std::string label =
          fmt::format("{} {} ({})", rules::to_string(k), names ? "names" : "rules", size);
      for (const char* pass : {"cold", "warm"})
        time_stage(fmt::format("{}, {}", label, pass), bytes, [&] {
          std::size_t n = 0;
          for (const auto& t : texts) n += names ? nm.scan(t).size() : sc.scan(t, true).size();
          return n;
        });
      // The scanner finding its spans without asking which pattern matched each: the rest of
      // its warm time is that asking (an RE2::Set, then the pattern with its groups).
      if (!names) {
        rules::PatternScanner spans_only;
        std::string err;
        for (const auto& p : sc.patterns()) spans_only.add(p, &err);
        spans_only.compile(&err, rules::PatternScanner::Identify::kSpanOnly, 64ll << 20);
        auto pass = [&] {
          std::size_t n = 0;
          for (const auto& t : texts) n += spans_only.scan(t, false).size();
          return n;
        };
        pass();
        time_stage(label + ", spans only (warm)", bytes, pass);
      }
      std::vector<std::string> patterns = sc.patterns();
      if (names) {
        patterns.clear();
        for (const auto& a : nm.aliases()) {
          std::string p = rules::alias_pattern(a.text);
          patterns.push_back(a.ignore_case ? "(?i:" + p + ")" : p);
        }
      }
      // The program the scanner finds its spans with; for the names, the plain alternation.
      std::string alt =
          names ? rules::plain_alternation(patterns) : rules::factored_alternation(patterns);
      RE2::Options o;
      o.set_never_capture(true);
      o.set_longest_match(true);
      o.set_max_mem(256ll << 20);
      RE2 re(alt, o);
      auto dfa_scan = [&] {
        std::size_t n = 0;
        for (const auto& t : texts) {
          re2::StringPiece whole(t), m;
          std::size_t pos = 0;
          while (pos < t.size() && re.Match(whole, pos, t.size(), RE2::UNANCHORED, &m, 1)) {
            ++n;
            pos = static_cast<std::size_t>(m.data() - t.data()) + std::max<std::size_t>(m.size(), 1);
          }
        }
        return n;
      };
      dfa_scan();  // warm up
      time_stage(label + ", DFA only (warm)", bytes, dfa_scan);
    }
  }
  if (only) return 0;
  // The whole extract, warm, then its stages one by one (the same order as extract()).
  time_stage("whole extract (warm)", bytes, [&] {
    std::size_t n = 0;
    for (const auto& t : texts) {
      text::Document doc;
      doc.text = t;
      doc.dct = "2024-11-21";
      extract::Extractions x = extract::extract(*set, doc);
      n += x.dates.size() + x.organisations.size() + x.threat_actors.size() +
           x.regulator_actions.size();
    }
    return n;
  });
  // The same in batches of 32 documents, each scanner over the batch before the next
  // (pipeline::process_batch).
  time_stage("whole extract (warm), batches of 32", bytes, [&] {
    std::size_t n = 0;
    for (std::size_t b = 0; b < texts.size(); b += 32) {
      std::size_t e = std::min(texts.size(), b + 32);
      std::vector<text::Document> docs(e - b);
      std::vector<extract::DocumentScans> scans(e - b);
      for (std::size_t i = b; i < e; ++i) {
        docs[i - b].text = texts[i];
        docs[i - b].dct = "2024-11-21";
      }
      for (extract::Scan s : extract::kDocumentScans) {
        for (std::size_t i = 0; i < docs.size(); ++i) scans[i].find(*set, docs[i].text, s);
        for (std::size_t i = 0; i < docs.size(); ++i) scans[i].run(*set, docs[i].text, s);
      }
      for (std::size_t i = 0; i < docs.size(); ++i) {
        extract::Extractions x = extract::extract(*set, docs[i], scans[i]);
        n += x.dates.size() + x.organisations.size() + x.threat_actors.size() +
             x.regulator_actions.size();
      }
    }
    return n;
  });
  std::vector<text::Document> docs(texts.size());
  std::vector<extract::Extractions> xs(texts.size());
  std::vector<std::string> warnings;
  auto each = [&](auto&& f) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < docs.size(); ++i) n += f(docs[i], xs[i]);
    return n;
  };
  for (std::size_t i = 0; i < docs.size(); ++i) {
    docs[i].text = texts[i];
    docs[i].dct = "2024-11-21";
  }
  time_stage("  lines", bytes, [&] {
    return each([&](text::Document& d, extract::Extractions&) {
      d.lines = text::LineIndex(d.text);
      return std::size_t{0};
    });
  });
  time_stage("  boilerplate", bytes, [&] {
    return each([&](text::Document& d, extract::Extractions&) {
      d.boilerplate = text::find_boilerplate(d.text, d.lines);
      return d.boilerplate.size();
    });
  });
  time_stage("  title", bytes, [&] {
    return each([&](text::Document& d, extract::Extractions&) {
      d.title = text::find_title(d.text);
      return std::size_t{!d.title.empty()};
    });
  });
  time_stage("  dct", bytes, [&] {
    return each([&](text::Document& d, extract::Extractions&) {
      d.dct.clear();  // found in the text, as a run without --dct does
      extract::dates::find_dct(d);
      return std::size_t{!d.dct.empty()};
    });
  });
  time_stage("  sentences", bytes, [&] {
    return each([&](text::Document& d, extract::Extractions&) {
      return text::Sentences(d.text).spans().size();
    });
  });
  time_stage("  dates", bytes, [&] {
    return each([&](text::Document& d, extract::Extractions& x) {
      extract::DocumentScans scans;
      x.dates = extract::dates::extract(*set, d, scans, warnings);
      return x.dates.size();
    });
  });
  time_stage("  organisations", bytes, [&] {
    return each([&](text::Document& d, extract::Extractions& x) {
      extract::DocumentScans scans;
      x.organisations = extract::organisations::extract(*set, d, scans, warnings);
      return x.organisations.size();
    });
  });
  time_stage("  threat actors", bytes, [&] {
    return each([&](text::Document& d, extract::Extractions& x) {
      text::Sentences sentences(d.text);
      extract::DocumentScans scans;
      x.threat_actors = extract::threat_actors::extract(*set, d, scans, sentences, warnings);
      return x.threat_actors.size();
    });
  });
  time_stage("  regulator actions", bytes, [&] {
    return each([&](text::Document& d, extract::Extractions& x) {
      text::Sentences sentences(d.text);
      x.regulator_actions = extract::regulator_actions::extract(*set, d, x, sentences, warnings);
      return x.regulator_actions.size();
    });
  });
  // The dates, organisations and threat-actor stages again, their scans run beforehand: what is
  // left is their own code (normalising values, gazetteer lookups, aliases, attribution).
  auto time_scanned = [&](const std::string& name, std::initializer_list<extract::Scan> scans,
                          auto&& stage) {
    std::vector<extract::DocumentScans> pre(docs.size());
    for (extract::Scan scan : scans)
      for (std::size_t i = 0; i < docs.size(); ++i) pre[i].run(*set, docs[i].text, scan);
    std::size_t i = 0;
    time_stage(name, bytes, [&] {
      return each(
          [&](text::Document& d, extract::Extractions& x) { return stage(d, x, pre[i++]); });
    });
  };
  time_scanned("  dates, scanned before", {extract::Scan::kDateRules},
               [&](text::Document& d, extract::Extractions& x, extract::DocumentScans& scans) {
                 x.dates = extract::dates::extract(*set, d, scans, warnings);
                 return x.dates.size();
               });
  time_scanned("  organisations, scanned before",
               {extract::Scan::kOrganisationNames, extract::Scan::kOrganisationRules},
               [&](text::Document& d, extract::Extractions& x, extract::DocumentScans& scans) {
                 x.organisations = extract::organisations::extract(*set, d, scans, warnings);
                 return x.organisations.size();
               });
  time_scanned("  threat actors, scanned before",
               {extract::Scan::kThreatActorNames, extract::Scan::kThreatActorRules},
               [&](text::Document& d, extract::Extractions& x, extract::DocumentScans& scans) {
                 text::Sentences sentences(d.text);
                 x.threat_actors =
                     extract::threat_actors::extract(*set, d, scans, sentences, warnings);
                 return x.threat_actors.size();
               });
}
