// process_bytes and process_batch: one document's failure, whatever it is, is a value naming the
// document; it never escapes to end the run. A batch gives each document what it alone gets.

#include "lib/pipeline/process.hpp"

#include <catch2/catch.hpp>

#include <new>
#include <stdexcept>

#include "lib/output/ndjson.hpp"
#include "tests/support/extract_fixture.hpp"
#include "tests/support/writer_fixture.hpp"

using dossier::pipeline::Outcome;
using dossier::pipeline::Pending;
using dossier::pipeline::process_batch;
using dossier::pipeline::process_bytes;
using dossier::testing::no_rules;
namespace extract = dossier::extract;
namespace rules = dossier::rules;
namespace text = dossier::text;

namespace {

text::Document seed(const std::string& path) {
  text::Document d;
  d.id = d.path = path;
  return d;
}

extract::Extractions throws_bad_alloc(const rules::RuleSet&, text::Document&, extract::DocumentScans&) {
  throw std::bad_alloc();
}
extract::Extractions throws_length_error(const rules::RuleSet&, text::Document&, extract::DocumentScans&) {
  throw std::length_error("basic_string::_M_create");
}
extract::Extractions throws_int(const rules::RuleSet&, text::Document&, extract::DocumentScans&) {
  throw 42;
}
// Throws for "in/bad.txt" only; the real extractor for the others.
extract::Extractions throws_for_bad(const rules::RuleSet& r, text::Document& d,
                                    extract::DocumentScans& s) {
  if (d.path == "in/bad.txt") throw std::bad_alloc();
  return extract::extract(r, d, s);
}

const rules::RuleSet& every_kind() {
  return dossier::testing::rules_from({"rules/dates.toml", "rules/organisations.toml",
                                       "gazetteers/organisations.toml", "gazetteers/regulators.toml",
                                       "rules/threat_actors.toml", "gazetteers/threat_actors.toml",
                                       "rules/regulator_actions.toml"});
}

std::string line_of(const Outcome& o) {
  return o.status == Outcome::Status::kDone ? dossier::output::document_line(o.doc, o.x)
                                            : o.doc.path + ": " + o.error;
}
extract::Extractions finds_nothing(const rules::RuleSet&, text::Document&, extract::DocumentScans&) { return {}; }

}  // namespace

TEST_CASE("out of memory in the extractor fails that document, named, and is not thrown",
          "[pipeline]") {
  Outcome o = process_bytes(*no_rules(), seed("in/a.txt"), "Some text.\n", &throws_bad_alloc);
  CHECK(o.status == Outcome::Status::kFailed);
  CHECK(o.doc.path == "in/a.txt");
  CHECK(o.doc.id == "in/a.txt");
  CHECK(o.error == "out of memory while processing this file");
}

TEST_CASE("a std::exception from the extractor becomes the document's reason", "[pipeline]") {
  Outcome o = process_bytes(*no_rules(), seed("in/b.txt"), "Some text.\n", &throws_length_error);
  CHECK(o.status == Outcome::Status::kFailed);
  CHECK(o.doc.path == "in/b.txt");
  CHECK(o.error == "internal error while processing this file: basic_string::_M_create");
}

TEST_CASE("anything else thrown is still a failure of that document", "[pipeline]") {
  Outcome o = process_bytes(*no_rules(), seed("in/c.txt"), "Some text.\n", &throws_int);
  CHECK(o.status == Outcome::Status::kFailed);
  CHECK(o.error == "internal error while processing this file");
}

TEST_CASE("a document after a failed one is processed normally", "[pipeline]") {
  process_bytes(*no_rules(), seed("in/bad.txt"), "x\n", &throws_bad_alloc);
  Outcome o = process_bytes(*no_rules(), seed("in/good.txt"), "Plain text.\n", &finds_nothing);
  CHECK(o.status == Outcome::Status::kDone);
  CHECK(o.doc.text == "Plain text.\n");
  CHECK(o.doc.bytes == 12);
}

TEST_CASE("the real extractor is used when none is given", "[pipeline]") {
  Outcome o = process_bytes(*no_rules(), seed("in/d.txt"), "Plain text.\n");
  CHECK(o.status == Outcome::Status::kDone);
  CHECK(o.doc.encoding == "utf-8");
}

TEST_CASE("a batch gives each document what process_bytes gives it, in order", "[pipeline]") {
  // Every document-wide scan has hits here, so a stage handed another's hits would show.
  std::vector<std::string> texts = {
      "On 2 May 2024 the ICO fined Acme Widgets Ltd £1m after APT29 stole records.\n",
      "Nothing to see.\n",
      "Microsoft said Fancy Bear, also called APT28, attacked it last Tuesday.\n",
      "The Information Commissioner's Office reprimanded Example Trust in March 2023.\n"};
  std::vector<Pending> batch;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    batch.push_back({seed("in/" + std::to_string(i) + ".txt"), texts[i]});
    batch.back().seed.dct = "2024-05-20";
  }
  std::vector<Outcome> got = process_batch(every_kind(), std::move(batch));
  REQUIRE(got.size() == texts.size());
  for (std::size_t i = 0; i < texts.size(); ++i) {
    text::Document alone = seed("in/" + std::to_string(i) + ".txt");
    alone.dct = "2024-05-20";
    Outcome want = process_bytes(every_kind(), alone, texts[i]);
    INFO(texts[i]);
    CHECK(got[i].status == Outcome::Status::kDone);
    CHECK(line_of(got[i]) == line_of(want));
  }
  CHECK(got[0].x.dates.size() == 1);
  CHECK(got[2].x.threat_actors.size() == 2);
}

TEST_CASE("a document that fails in a batch fails alone, named", "[pipeline]") {
  std::vector<Pending> batch;
  batch.push_back({seed("in/a.txt"), "Filed on 3 June 2024.\n"});
  batch.push_back({seed("in/bad.txt"), "Filed on 4 June 2024.\n"});
  batch.push_back({seed("in/f.bin"), std::string("a\0b\0c\0", 6)});
  batch.push_back({seed("in/empty.txt"), ""});
  batch.push_back({seed("in/z.txt"), "Filed on 5 June 2024.\n"});
  std::vector<Outcome> got = process_batch(every_kind(), std::move(batch), &throws_for_bad);
  REQUIRE(got.size() == 5);
  CHECK(got[0].status == Outcome::Status::kDone);
  CHECK(got[0].x.dates.size() == 1);
  CHECK(got[1].status == Outcome::Status::kFailed);
  CHECK(got[1].doc.path == "in/bad.txt");
  CHECK(got[1].error == "out of memory while processing this file");
  CHECK(got[2].status == Outcome::Status::kFailed);
  CHECK(got[2].error == "binary file (NUL byte at offset 1)");
  CHECK(got[3].error == "empty file");
  CHECK(got[4].status == Outcome::Status::kDone);
  CHECK(got[4].doc.text == "Filed on 5 June 2024.\n");
  CHECK(got[4].doc.bytes == 22);
  CHECK(got[4].doc.sha256 == process_bytes(*no_rules(), seed("in/z.txt"), got[4].doc.text).doc.sha256);
}
