#pragma once
// A rule as written in a data/rules/*.toml file, before compilation.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace dossier::rules {

// The entity kind a rule feeds; the string forms are the NDJSON keys.
enum class Kind { kDates, kOrganisations, kThreatActors, kRegulatorActions };
inline constexpr Kind kAllKinds[] = {Kind::kDates, Kind::kOrganisations, Kind::kThreatActors,
                                     Kind::kRegulatorActions};
std::string_view to_string(Kind k);
std::optional<Kind> kind_from_string(std::string_view s);

// Where something was written, for `file:line:col: message`.
struct SourcePos {
  std::string file;
  int line = 0;
  int col = 0;
};

// One example of a rule. `text` is run through the whole extractor; the check looks for an
// extraction of this rule's kind made by this rule whose text equals `match` (or, when `match`
// is empty, any extraction by this rule). Every key in `expect` must equal the same key of
// that extraction's NDJSON object (value, mod, action, name, country, amount...).
struct Example {
  std::string text;
  std::string match;
  std::string dct;  // creation date for the example; defaults to the file's example_dct
  nlohmann::json expect = nlohmann::json::object();
  SourcePos pos;
};

struct Rule {
  std::string id;       // "<file-stem>/<rule id>", as printed in NDJSON `rule`
  Kind kind = Kind::kDates;
  std::string pattern;  // RE2 syntax, {MACROS} expanded
  // Every other string-valued key of the rule's table, for the kind's normaliser
  // (e.g. action = "fine", country = "RU", precision = "season").
  std::map<std::string, std::string, std::less<>> attrs;
  // A blocker rule's matches are consumed and produce nothing: "Theresa May" keeps "May" from
  // being read as a month. Written `block = true`.
  bool block = false;
  std::vector<Example> examples;
  std::vector<Example> counter_examples;
  SourcePos pos;          // of the [[rule]] table
  SourcePos pattern_pos;  // of the pattern string
  std::string pattern_line;  // the source line holding the pattern, for error messages

  std::string_view attr(std::string_view key, std::string_view fallback = {}) const;
};

}  // namespace dossier::rules
