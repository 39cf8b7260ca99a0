#include "lib/pipeline/process.hpp"

#include <fmt/format.h>

#include <exception>
#include <new>

#include "lib/extract/extractor.hpp"
#include "lib/text/decode.hpp"
#include "lib/util/sha256.hpp"

namespace dossier::pipeline {
namespace {

// The document's text from its bytes: decode(raw), or decode_owned(*owned) when the caller
// gave up its bytes.
text::Decoded decode_bytes(std::string_view raw, std::string* owned) {
  return owned ? text::decode_owned(std::move(*owned)) : text::decode(raw);
}

// process_bytes without the exception guard. `owned`, when not null, holds `raw`.
Outcome process_unguarded(const rules::RuleSet& rules, Outcome o, std::string_view raw,
                          std::string* owned, ExtractFn extract_fn) {
  if (raw.empty()) {
    o.error = "empty file";
    return o;
  }
  o.doc.sha256 = util::sha256_hex(raw);
  o.doc.bytes = raw.size();
  text::Decoded d = decode_bytes(raw, owned);  // `raw` dangles from here when owned
  if (!d.ok) {
    o.error = d.error;
    o.doc.sha256.clear();
    o.doc.bytes = 0;
    return o;
  }
  o.doc.text = std::move(d.text);
  o.doc.encoding = std::move(d.encoding);
  for (auto& w : d.warnings) o.doc.warnings.push_back(std::move(w));
  o.x = extract_fn(rules, o.doc);
  o.status = Outcome::Status::kDone;
  return o;
}

// Runs process_unguarded; whatever it throws becomes the document's failure.
Outcome guarded(const rules::RuleSet& rules, text::Document seed, std::string_view raw,
                std::string* owned, ExtractFn extract_fn) {
  // Keep what identifies the document: a failure must still name it.
  std::string id = seed.id, path = seed.path;
  try {
    Outcome o;
    o.doc = std::move(seed);
    return process_unguarded(rules, std::move(o), raw, owned,
                             extract_fn ? extract_fn : &extract::extract);
  } catch (...) {
    Outcome failed;
    failed.doc.id = std::move(id);
    failed.doc.path = std::move(path);
    failed.error = reason_of_current_exception();
    return failed;
  }
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
  return guarded(rules, std::move(seed), raw, nullptr, extract_fn);
}

Outcome process_owned_bytes(const rules::RuleSet& rules, text::Document seed, std::string&& raw,
                            ExtractFn extract_fn) {
  std::string_view view = raw;
  return guarded(rules, std::move(seed), view, &raw, extract_fn);
}

}  // namespace dossier::pipeline
