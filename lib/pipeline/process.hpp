#pragma once
// One document through the pipeline: raw bytes -> decode -> extract. Never throws for what the
// bytes contain; a document that cannot be text comes back as a failure value, and so does one
// whose decoding or extraction threw (std::bad_alloc, std::length_error, a bug in a stage): that
// document fails with the reason, the run goes on with the others.

#include <cstdint>
#include <string>
#include <vector>

#include "lib/extract/document_scans.hpp"
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

// The extraction stage: extract::extract in the tool; tests pass one that throws.
using ExtractFn = extract::Extractions (*)(const rules::RuleSet&, text::Document&,
                                           extract::DocumentScans&);

// `seed` carries id, path, dct (+ kFlag), title, input_date, source; `raw` its bytes.
Outcome process_bytes(const rules::RuleSet& rules, text::Document seed, std::string_view raw,
                      ExtractFn extract_fn = nullptr);

// A document waiting in a batch: its seed and its bytes, which are freed once decoded (valid
// UTF-8 becomes the text without a copy), so a huge file is not held twice while extracted.
struct Pending {
  text::Document seed;
  std::string raw;
};

// process_bytes for each of `docs`, in order, with the same outcomes; but the document-wide
// scans run one scanner over all of the documents before the next (extract::DocumentScans: it
// keeps that scanner's DFA in the CPU's cache). A failure is still the one document's.
std::vector<Outcome> process_batch(const rules::RuleSet& rules, std::vector<Pending> docs,
                                   ExtractFn extract_fn = nullptr);

// The failure reason for an exception thrown while one document was processed:
// "out of memory", "internal error: <what()>".
std::string reason_of_current_exception();

}  // namespace dossier::pipeline
