// Which rules make a kind's scan slow: reads up to MB megabytes of a folder, then times the bare
// DFA scan (warm, best of 3) of the kind's factored alternation, whole and without each of its
// patterns in turn. A pattern's cost is what leaving it out saves; each pattern alone is timed
// too. RE2's DFA is fast or slow by the states its program needs, which no profiler shows.
//
//   pattern_costs DIR KIND [MB]     (KIND: dates, organisations, threat_actors, regulator_actions)
// Prints the whole scan, then the patterns by cost, most first: rule id, cost, alone.

#include <fmt/format.h>
#include <re2/re2.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "bench/folder_texts.hpp"
#include "lib/rules/factored_alternation.hpp"
#include "lib/rules/rule_set.hpp"

using namespace dossier;

namespace {

// Seconds of the fastest of 3 warm scans of `texts` for the leftmost-longest matches of
// `alternation`, as PatternScanner finds its spans (capture-free, 64 MB of DFA).
double dfa_seconds(const std::string& alternation, const std::vector<std::string>& texts) {
  RE2::Options o;
  o.set_never_capture(true);
  o.set_longest_match(true);
  o.set_max_mem(64ll << 20);
  o.set_log_errors(false);
  RE2 re(alternation, o);
  if (!re.ok()) return -1;
  auto scan = [&] {
    for (const auto& t : texts) {
      re2::StringPiece whole(t), m;
      std::size_t pos = 0;
      while (pos < t.size() && re.Match(whole, pos, t.size(), RE2::UNANCHORED, &m, 1))
        pos = static_cast<std::size_t>(m.data() - t.data()) + std::max<std::size_t>(m.size(), 1);
    }
  };
  scan();  // builds the DFA's states
  double best = 1e9;
  for (int i = 0; i < 3; ++i) {
    auto t0 = std::chrono::steady_clock::now();
    scan();
    best = std::min(best,
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3 && argc != 4) {
    std::fprintf(stderr, "usage: pattern_costs DIR KIND [MB]\n");
    return 2;
  }
  const std::string kind_name = argv[2];
  const std::size_t max_bytes = (argc == 4 ? std::strtoull(argv[3], nullptr, 10) : 20) << 20;
  rules::Diagnostics diags;
  auto set = rules::RuleSet::load({rules::builtin_data_dir()}, diags);
  if (!diags.empty()) {
    std::fprintf(stderr, "rules do not load\n");
    return 1;
  }
  const rules::KindRules* kr = nullptr;
  for (rules::Kind k : rules::kAllKinds)
    if (rules::to_string(k) == kind_name) kr = &set->rules(k);
  if (!kr || kr->rules.empty()) {
    std::fprintf(stderr, "no rules of kind '%s'\n", kind_name.c_str());
    return 2;
  }
  std::size_t bytes = 0;
  const std::vector<std::string> texts = bench::folder_texts(argv[1], max_bytes, &bytes);
  const std::vector<std::string>& patterns = kr->scanner.patterns();
  const double whole = dfa_seconds(rules::factored_alternation(patterns), texts);
  std::printf("%s: %zu patterns, %zu files, %.1f MB; whole scan %.3f s (%.0f MB/s)\n",
              kind_name.c_str(), patterns.size(), texts.size(), bytes / 1048576.0, whole,
              bytes / 1048576.0 / whole);
  struct Row {
    std::string id;
    double cost, alone;
  };
  std::vector<Row> rows;
  for (std::size_t i = 0; i < patterns.size(); ++i) {
    std::vector<std::string> others = patterns;
    others.erase(others.begin() + static_cast<std::ptrdiff_t>(i));
    double without = others.empty() ? 0 : dfa_seconds(rules::factored_alternation(others), texts);
    rows.push_back({kr->rules[i].id, whole - without, dfa_seconds(patterns[i], texts)});
  }
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.cost > b.cost; });
  std::printf("%-44s %9s %9s\n", "rule", "cost_s", "alone_s");
  for (const Row& r : rows) std::printf("%-44s %9.3f %9.3f\n", r.id.c_str(), r.cost, r.alone);
  return 0;
}
