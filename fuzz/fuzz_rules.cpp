// Fuzzes rule loading: one in-memory TOML file, as a rule file of each kind (its name picks the
// kind when the file has no `kind`) or a gazetteer. Bad input must give diagnostics, never a crash.

#include <cstddef>
#include <cstdint>
#include <string>

#include "lib/rules/rule_set.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 64 * 1024) return -1;  // rule files are small; keep the fuzzer fast
  std::string text(reinterpret_cast<const char*>(data), size);
  dossier::rules::Diagnostics diags;
  try {
    auto rules = dossier::rules::RuleSet::load_texts({{"fuzz/dates.toml", text}}, diags);
    (void)rules;
  } catch (const std::exception&) {
    // Fatal with file:line:col is an accepted outcome for a broken file.
  }
  return 0;
}
