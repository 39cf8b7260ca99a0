#include "tests/support/extract_fixture.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <memory>
#include <sstream>

namespace dossier::testing {

const rules::RuleSet& rules_from(const std::vector<std::string>& files) {
  static std::map<std::vector<std::string>, std::shared_ptr<const rules::RuleSet>> loaded;
  auto it = loaded.find(files);
  if (it != loaded.end()) return *it->second;
  std::vector<rules::RuleSet::SourceFile> texts;
  for (const std::string& name : files) {
    std::ifstream in(std::string(DOSSIER_SOURCE_DIR "/data/") + name);
    INFO("data/" << name);
    REQUIRE(in);
    std::stringstream ss;
    ss << in.rdbuf();
    texts.push_back({name, ss.str()});
  }
  rules::Diagnostics diags;
  auto set = rules::RuleSet::load_texts(texts, diags);
  for (const auto& d : diags) UNSCOPED_INFO(d.format());
  REQUIRE(diags.empty());
  return *loaded.emplace(files, std::move(set)).first->second;
}

extract::Extractions extract_text(const rules::RuleSet& rules, const std::string& text,
                                  const std::string& dct, text::Document* doc) {
  text::Document local;
  text::Document& d = doc ? *doc : local;
  d.text = text;
  if (!dct.empty()) {
    d.dct = dct;
    d.dct_source = text::DctSource::kFlag;
  }
  return extract::extract(rules, d);
}

}  // namespace dossier::testing
