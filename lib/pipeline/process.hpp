#pragma once
// One document through the pipeline: raw bytes -> decode -> extract. Never throws for what the
// bytes contain; a document that cannot be text comes back as a failure value, and so does one
// whose decoding or extraction threw (std::bad_alloc, std::length_error, a bug in a stage): that
// document fails with the reason, the run goes on with the others.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "lib/extract/document_scans.hpp"
#include "lib/extract/extraction.hpp"
#include "lib/pipeline/batches.hpp"
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
// UTF-8 becomes the text without a copy), so a huge file is not held twice while extracted;
// `mtime_ns` is passed on to its outcome.
struct Pending {
  text::Document seed;
  std::string raw;
  std::int64_t mtime_ns = 0;
};

// process_bytes for each of `docs`, in order, with the same outcomes; but the document-wide
// scans run one scanner over all of the documents before the next (extract::DocumentScans: it
// keeps that scanner's DFA in the CPU's cache). A failure is still the one document's.
std::vector<Outcome> process_batch(const rules::RuleSet& rules, std::vector<Pending> docs,
                                   ExtractFn extract_fn = nullptr);

// The failure reason for an exception thrown while one document was processed:
// "out of memory", "internal error: <what()>".
std::string reason_of_current_exception();

// Items [b.first, b.last) of a command's input through process_batch; their outcomes, in order.
// prepare(i, pending) either appends item i's document to `pending` and returns nothing, or
// returns the outcome that needs no extraction (unchanged, unreadable). Nothing thrown escapes
// (a worker thread would end the run): what prepare throws fails item i, and what the batch
// throws (out of memory for it as a whole) fails each document it held, each named by
// name_of(i), an {id, path} pair.
template <typename Prepare, typename NameOf>
std::vector<Outcome> process_items(const rules::RuleSet& rules, Batch b, Prepare& prepare,
                                   NameOf name_of) {
  std::vector<Outcome> out(b.last - b.first);
  std::vector<Pending> pending;
  std::vector<std::size_t> at;  // where each pending document's outcome goes in `out`
  at.reserve(out.size());
  auto fail = [&](std::size_t k, const std::string& reason) {
    std::pair<std::string, std::string> name = name_of(b.first + k);
    out[k] = Outcome{};
    out[k].doc.id = std::move(name.first);
    out[k].doc.path = std::move(name.second);
    out[k].error = reason;
  };
  for (std::size_t i = b.first; i < b.last; ++i) {
    try {
      if (std::optional<Outcome> done = prepare(i, pending)) {
        out[i - b.first] = std::move(*done);
      } else {
        at.push_back(i - b.first);  // reserved: does not throw
      }
    } catch (...) {
      fail(i - b.first, reason_of_current_exception());
    }
  }
  std::vector<Outcome> extracted;
  try {
    extracted = process_batch(rules, std::move(pending));
  } catch (...) {
    std::string reason = reason_of_current_exception();
    for (std::size_t k : at) fail(k, reason);
    return out;
  }
  for (std::size_t j = 0; j < extracted.size(); ++j) out[at[j]] = std::move(extracted[j]);
  return out;
}

}  // namespace dossier::pipeline
