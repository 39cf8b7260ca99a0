#include "lib/pipeline/process.hpp"

#include <fmt/format.h>

#include <exception>
#include <new>

#include "lib/extract/extractor.hpp"
#include "lib/text/decode.hpp"
#include "lib/util/sha256.hpp"

namespace dossier::pipeline {
namespace {

// process_bytes without the exception guard.
Outcome process_unguarded(const rules::RuleSet& rules, Outcome o, std::string_view raw,
                          ExtractFn extract_fn) {
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
  o.x = extract_fn(rules, o.doc);
  o.status = Outcome::Status::kDone;
  return o;
}

}  // namespace

std::string reason_of_current_exception() {
  try {
    throw;
  } catch (const std::bad_alloc&) {
    return "out of memory while processing this file";
  } catch (const std::exception& e) {
    return fmt::format("internal error while processing this file: {}", e.what());
  } catch (...) {
    return "internal error while processing this file";
  }
}

Outcome process_bytes(const rules::RuleSet& rules, text::Document seed, std::string_view raw,
                      ExtractFn extract_fn) {
  // Keep what identifies the document: a failure must still name it.
  std::string id = seed.id, path = seed.path;
  try {
    Outcome o;
    o.doc = std::move(seed);
    return process_unguarded(rules, std::move(o), raw, extract_fn ? extract_fn : &extract::extract);
  } catch (...) {
    Outcome failed;
    failed.doc.id = std::move(id);
    failed.doc.path = std::move(path);
    failed.error = reason_of_current_exception();
    return failed;
  }
}

}  // namespace dossier::pipeline
