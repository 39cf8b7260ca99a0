#include "tests/support/writer_fixture.hpp"

#include <catch2/catch.hpp>

namespace dossier::testing {

std::shared_ptr<const rules::RuleSet> no_rules() {
  static std::shared_ptr<const rules::RuleSet> set = [] {
    rules::Diagnostics diags;
    auto s = rules::RuleSet::load_texts({}, diags);
    REQUIRE(diags.empty());
    return s;
  }();
  return set;
}

text::Document stored_document(const std::string& path, const std::string& text) {
  text::Document d;
  d.id = d.path = path;
  d.text = text;
  d.sha256 = std::string(64, '0');  // (assigning a literal here trips GCC 12's -Wrestrict)
  d.bytes = text.size();
  d.encoding = "utf-8";
  return d;
}

}  // namespace dossier::testing
