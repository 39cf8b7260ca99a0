#include "lib/pipeline/process.hpp"

#include "lib/extract/extractor.hpp"
#include "lib/text/decode.hpp"
#include "lib/util/sha256.hpp"

namespace dossier::pipeline {

Outcome process_bytes(const rules::RuleSet& rules, text::Document seed, std::string_view raw) {
  Outcome o;
  o.doc = std::move(seed);
  if (raw.empty()) {
    o.error = "empty file";
    return o;
  }
  text::Decoded d = text::decode(raw);
  if (!d.ok) {
    o.error = d.error;
    return o;
  }
  o.doc.sha256 = util::sha256_hex(raw);
  o.doc.bytes = raw.size();
  o.doc.text = std::move(d.text);
  o.doc.encoding = std::move(d.encoding);
  for (auto& w : d.warnings) o.doc.warnings.push_back(std::move(w));
  o.x = extract::extract(rules, o.doc);
  o.status = Outcome::Status::kDone;
  return o;
}

}  // namespace dossier::pipeline
