#pragma once
// Every rule and gazetteer, compiled once. Immutable after load() and shared by all worker
// threads (const methods only; RE2 and NameMatcher matching are thread-safe).
//
// Where rules come from: the built-in data directory (data/rules/*.toml, data/gazetteers/*.toml),
// then each --rules DIR in order. A file holding [[entity]] tables is a gazetteer, any other
// .toml file a rule file. A rule whose id is already loaded replaces the earlier one (a user's
// rule overrides the built-in one); a gazetteer entity with the same name likewise.

#include <array>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "lib/rules/diagnostic.hpp"
#include "lib/rules/gazetteer.hpp"
#include "lib/rules/name_matcher.hpp"
#include "lib/rules/pattern_scanner.hpp"
#include "lib/rules/rule.hpp"

namespace dossier::rules {

// The rules of one kind and the scanner over their patterns (pattern i is rules[i]).
struct KindRules {
  std::vector<Rule> rules;
  PatternScanner scanner;
};

// A gazetteer and the matcher of all its aliases (spans only; look the text up).
struct KindNames {
  Gazetteer gazetteer;
  NameMatcher matcher;
};

class RuleSet {
 public:
  // Loads and compiles. Problems go to `diags` (file:line:col); the result is usable only
  // when `diags` stayed empty.
  static std::shared_ptr<const RuleSet> load(const std::vector<std::filesystem::path>& dirs,
                                             Diagnostics& diags);
  // The same from in-memory files (path, TOML text): for tests and fuzzers.
  struct SourceFile {
    std::string path;
    std::string text;
  };
  static std::shared_ptr<const RuleSet> load_texts(const std::vector<SourceFile>& files,
                                                   Diagnostics& diags);

  const KindRules& rules(Kind k) const { return rules_[static_cast<int>(k)]; }
  // Gazetteers exist for organisations and threat actors; other kinds have an empty one.
  const KindNames& names(Kind k) const { return names_[static_cast<int>(k)]; }
  // Identifies this rule set: a hash of the program version and every file's name and text.
  const std::string& version() const { return version_; }
  std::size_t rule_count() const;
  std::size_t file_count() const { return file_count_; }

 private:
  std::array<KindRules, 4> rules_;
  std::array<KindNames, 4> names_;
  std::string version_;
  std::size_t file_count_ = 0;
};

// The built-in data directory: $DOSSIER_DATA, else ../data or ../share/dossier next to the
// executable, else the source tree's data/ this binary was built from.
std::filesystem::path builtin_data_dir();

// The .toml files under `dir`, sorted, recursively.
std::vector<std::filesystem::path> toml_files(const std::filesystem::path& dir);

}  // namespace dossier::rules
