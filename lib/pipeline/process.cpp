#include "lib/pipeline/process.hpp"

#include <fmt/format.h>

#include <exception>
#include <new>

#include "lib/extract/extractor.hpp"
#include "lib/text/decode.hpp"
#include "lib/util/sha256.hpp"

namespace dossier::pipeline {
namespace {

// `o` becomes a failure that still names its document.
void fail(Outcome& o, std::string reason) {
  Outcome failed;
  failed.doc.id = std::move(o.doc.id);
  failed.doc.path = std::move(o.doc.path);
  failed.error = std::move(reason);
  o = std::move(failed);
}

// Runs f(); what it throws becomes `o`'s failure. False when it threw.
template <typename F>
bool guarded(Outcome& o, F&& f) {
  try {
    f();
    return true;
  } catch (...) {
    fail(o, reason_of_current_exception());
    return false;
  }
}

// Gives o.doc its text from `raw` (decode_owned(*owned) when the caller gave up its bytes, which
// `raw` views). False, with o a failure, when the bytes cannot be text.
bool decode_into(Outcome& o, std::string_view raw, std::string* owned) {
  bool ok = false;
  guarded(o, [&] {
    if (raw.empty()) {
      o.error = "empty file";
      return;
    }
    o.doc.sha256 = util::sha256_hex(raw);
    o.doc.bytes = raw.size();
    text::Decoded d = owned ? text::decode_owned(std::move(*owned)) : text::decode(raw);
    // `raw` dangles from here when owned
    if (!d.ok) {
      o.error = d.error;
      o.doc.sha256.clear();
      o.doc.bytes = 0;
      return;
    }
    o.doc.text = std::move(d.text);
    o.doc.encoding = std::move(d.encoding);
    for (auto& w : d.warnings) o.doc.warnings.push_back(std::move(w));
    ok = true;
  });
  return ok;
}

void extract_into(const rules::RuleSet& rules, Outcome& o, extract::DocumentScans& scans,
                  ExtractFn extract_fn) {
  if (!extract_fn) extract_fn = &extract::extract;
  guarded(o, [&] {
    o.x = extract_fn(rules, o.doc, scans);
    o.status = Outcome::Status::kDone;
  });
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
  Outcome o;
  o.doc = std::move(seed);
  if (decode_into(o, raw, nullptr)) {
    extract::DocumentScans scans;
    extract_into(rules, o, scans, extract_fn);
  }
  return o;
}

std::vector<Outcome> process_batch(const rules::RuleSet& rules, std::vector<Pending> docs,
                                   ExtractFn extract_fn) {
  std::vector<Outcome> out(docs.size());
  std::vector<extract::DocumentScans> scans(docs.size());
  std::vector<bool> live(docs.size());
  for (std::size_t i = 0; i < docs.size(); ++i) {
    out[i].doc = std::move(docs[i].seed);
    out[i].mtime_ns = docs[i].mtime_ns;
    std::string_view raw = docs[i].raw;
    live[i] = decode_into(out[i], raw, &docs[i].raw);
  }
  for (extract::Scan scan : extract::kDocumentScans) {
    for (std::size_t i = 0; i < docs.size(); ++i) {
      if (live[i]) live[i] = guarded(out[i], [&] { scans[i].find(rules, out[i].doc.text, scan); });
    }
    for (std::size_t i = 0; i < docs.size(); ++i) {
      if (live[i]) live[i] = guarded(out[i], [&] { scans[i].run(rules, out[i].doc.text, scan); });
    }
  }
  for (std::size_t i = 0; i < docs.size(); ++i) {
    if (live[i]) extract_into(rules, out[i], scans[i], extract_fn);
  }
  return out;
}

}  // namespace dossier::pipeline
