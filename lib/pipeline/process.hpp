#pragma once
// One document through the pipeline: raw bytes -> decode -> extract. Never throws for what the
// bytes contain; a document that cannot be text comes back as a failure value.

#include <cstdint>
#include <string>

#include "lib/extract/extraction.hpp"
#include "lib/rules/rule_set.hpp"
#include "lib/text/document.hpp"

namespace dossier::pipeline {

struct Outcome {
  enum class Status { kDone, kUnchanged, kTouched, kFailed };
  Status status = Status::kFailed;
  text::Document doc;  // id, path (and, when done, everything else)
  extract::Extractions x;
  std::string error;   // when failed
  std::int64_t mtime_ns = 0;
};

// `seed` carries id, path, dct (+ kFlag), title, input_date, source; `raw` its bytes.
Outcome process_bytes(const rules::RuleSet& rules, text::Document seed, std::string_view raw);

}  // namespace dossier::pipeline
