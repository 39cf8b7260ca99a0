// Fuzzes what ingest does to one file: decode, then extract with the built-in rules (loaded
// once). Every extraction's text must equal the document bytes at its span.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "lib/pipeline/load_rules.hpp"
#include "lib/pipeline/process.hpp"

namespace {

template <typename M>
void check_spans(const std::vector<M>& v, const std::string& text) {
  for (const auto& m : v) {
    if (m.span.start > m.span.end || m.span.end > text.size()) __builtin_trap();
    if (text.compare(m.span.start, m.span.end - m.span.start, m.text) != 0) __builtin_trap();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static auto rules = dossier::pipeline::load_rules({});
  if (size > 256 * 1024) return -1;
  dossier::text::Document seed;
  seed.id = seed.path = "fuzz.txt";
  auto out = dossier::pipeline::process_bytes(
      *rules, std::move(seed), std::string_view(reinterpret_cast<const char*>(data), size));
  // process_bytes turns an exception into the document's failure so a run goes on; here it is
  // a finding (std::out_of_range from a stage, say), not a refusal of the bytes.
  if (out.status == dossier::pipeline::Outcome::Status::kFailed &&
      out.error.rfind("internal error", 0) == 0)
    __builtin_trap();
  if (out.status != dossier::pipeline::Outcome::Status::kDone) return 0;
  const std::string& text = out.doc.text;
  check_spans(out.x.dates, text);
  check_spans(out.x.organisations, text);
  check_spans(out.x.threat_actors, text);
  check_spans(out.x.regulator_actions, text);
  return 0;
}
