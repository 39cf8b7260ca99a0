// Where extraction time goes: reads every file under a folder once, then times, on one thread,
// each scanner of the built-in rule set over all the texts (scan only), and the whole extract.
// A profiler cannot see into RE2's symbols here; this can.
//
//   stage_times DIR
// Prints one row per stage: seconds, MB/s, hits.

#include <re2/re2.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "lib/extract/extractor.hpp"
#include "lib/rules/rule_set.hpp"
#include "lib/text/decode.hpp"

namespace fs = std::filesystem;
using namespace dossier;

namespace {

template <typename F>
void time_stage(const char* name, std::size_t bytes, F&& f) {
  auto t0 = std::chrono::steady_clock::now();
  std::size_t hits = f();
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("%-34s %8.2f s %9.1f MB/s %10zu hits\n", name, s, bytes / 1048576.0 / s, hits);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: stage_times DIR\n");
    return 2;
  }
  std::vector<std::string> texts;
  std::size_t bytes = 0;
  for (const auto& e : fs::recursive_directory_iterator(argv[1])) {
    if (!e.is_regular_file()) continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    text::Decoded d = text::decode(ss.str());
    if (!d.ok) continue;
    bytes += d.text.size();
    texts.push_back(std::move(d.text));
  }
  rules::Diagnostics diags;
  auto set = rules::RuleSet::load({rules::builtin_data_dir()}, diags);
  if (!diags.empty()) {
    std::fprintf(stderr, "rules do not load\n");
    return 1;
  }
  std::printf("%zu files, %.1f MB\n", texts.size(), bytes / 1048576.0);
  for (rules::Kind k : rules::kAllKinds) {
    std::string kind(rules::to_string(k));
    const auto& kr = set->rules(k);
    if (kr.scanner.size())
      time_stage((kind + " rules (" + std::to_string(kr.scanner.size()) + ")").c_str(), bytes,
                 [&] {
                   std::size_t n = 0;
                   for (const auto& t : texts) n += kr.scanner.scan(t, true).size();
                   return n;
                 });
    const auto& kn = set->names(k);
    if (kn.scanner.size())
      time_stage((kind + " names (" + std::to_string(kn.scanner.size()) + ")").c_str(), bytes,
                 [&] {
                   std::size_t n = 0;
                   for (const auto& t : texts) n += kn.scanner.scan(t, false).size();
                   return n;
                 });
  }
  for (rules::Kind k : rules::kAllKinds) {
    for (const auto* sc : {&set->rules(k).scanner, &set->names(k).scanner}) {
      if (!sc->size()) continue;
      std::string alt;
      for (const auto& p : sc->patterns()) {
        if (!alt.empty()) alt += '|';
        alt += "(?:" + p + ")";
      }
      RE2::Options o;
      o.set_never_capture(true);
      o.set_longest_match(true);
      o.set_max_mem(256ll << 20);
      RE2 re(alt, o);
      if (const char* dump = std::getenv("STAGE_TIMES_DUMP"))
        std::ofstream(std::string(dump) + std::string(rules::to_string(k)) +
                      (sc == &set->rules(k).scanner ? ".rules" : ".names")) << alt;
      std::string name = std::string(rules::to_string(k)) + " DFA only";
      time_stage(name.c_str(), bytes, [&] {
        std::size_t n = 0;
        for (const auto& t : texts) {
          re2::StringPiece whole(t), m;
          std::size_t pos = 0;
          while (pos < t.size() && re.Match(whole, pos, t.size(), RE2::UNANCHORED, &m, 1)) {
            ++n;
            std::size_t s = m.data() - t.data();
            pos = s + std::max<std::size_t>(m.size(), 1);
          }
        }
        return n;
      });
    }
  }
  for (int round = 0; round < (std::getenv("STAGE_TIMES_ROUNDS") ? std::atoi(std::getenv("STAGE_TIMES_ROUNDS")) : 1); ++round)
  time_stage("whole extract", bytes, [&] {
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
}
