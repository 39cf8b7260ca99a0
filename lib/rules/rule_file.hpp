#pragma once
// Parses one rule file (TOML text, not a path, so tests need no files). Layout:
//
//   kind = "dates"                 # what every rule in the file feeds
//   example_dct = "2024-11-21"     # creation date the examples are read against
//   [define]                       # macros usable as {NAME} in any file's patterns
//   MONTH = '(?:January|February|...)'
//   [[rule]]
//   id = "day-month"
//   pattern = '(?P<day>\d{1,2}) (?P<month>{MONTH})'
//   examples = [{ text = "on 2 May, the", match = "2 May", value = "2024-05-02" }]
//   counter_examples = ["2 Mayors"]
//
// Problems are appended to `diags` with file:line:col; parsing goes on where it can.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "lib/rules/diagnostic.hpp"
#include "lib/rules/rule.hpp"

namespace dossier::rules {

struct RuleFile {
  std::string path;
  std::string stem;
  std::vector<Rule> rules;                    // patterns not yet macro-expanded
  std::map<std::string, std::string> defines;  // name -> pattern fragment
  std::map<std::string, SourcePos> define_pos;
};

RuleFile parse_rule_file(std::string_view text, const std::string& path, Diagnostics& diags);

// Expands {NAME} macros (NAME: an upper-case letter, then upper-case letters, digits or '_');
// RE2's own {n,m} repetitions are left alone. A define's body may use other defines, which expand
// in turn; a name that is not defined, or that would expand inside itself (a cycle, which
// parse_rule_file also reports at the define), is left as written and reported in `unknown`.
std::string expand_macros(std::string_view pattern, const std::map<std::string, std::string>& defs,
                          std::string* unknown);

}  // namespace dossier::rules
