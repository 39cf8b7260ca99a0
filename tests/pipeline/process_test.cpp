// process_bytes: one document's failure, whatever it is, is a value naming the document; it
// never escapes to end the run.

#include "lib/pipeline/process.hpp"

#include <catch2/catch.hpp>

#include <new>
#include <stdexcept>

#include "tests/support/writer_fixture.hpp"

using dossier::pipeline::Outcome;
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

extract::Extractions throws_bad_alloc(const rules::RuleSet&, text::Document&) {
  throw std::bad_alloc();
}
extract::Extractions throws_length_error(const rules::RuleSet&, text::Document&) {
  throw std::length_error("basic_string::_M_create");
}
extract::Extractions throws_int(const rules::RuleSet&, text::Document&) { throw 42; }
extract::Extractions finds_nothing(const rules::RuleSet&, text::Document&) { return {}; }

}  // namespace

TEST_CASE("out of memory in the extractor fails that document, named, and is not thrown",
          "[pipeline]") {
  Outcome o = process_bytes(no_rules(), seed("in/a.txt"), "Some text.\n", &throws_bad_alloc);
  CHECK(o.status == Outcome::Status::kFailed);
  CHECK(o.doc.path == "in/a.txt");
  CHECK(o.doc.id == "in/a.txt");
  CHECK(o.error == "out of memory while processing this file");
}

TEST_CASE("a std::exception from the extractor becomes the document's reason", "[pipeline]") {
  Outcome o = process_bytes(no_rules(), seed("in/b.txt"), "Some text.\n", &throws_length_error);
  CHECK(o.status == Outcome::Status::kFailed);
  CHECK(o.doc.path == "in/b.txt");
  CHECK(o.error == "internal error while processing this file: basic_string::_M_create");
}

TEST_CASE("anything else thrown is still a failure of that document", "[pipeline]") {
  Outcome o = process_bytes(no_rules(), seed("in/c.txt"), "Some text.\n", &throws_int);
  CHECK(o.status == Outcome::Status::kFailed);
  CHECK(o.error == "internal error while processing this file");
}

TEST_CASE("a document after a failed one is processed normally", "[pipeline]") {
  process_bytes(no_rules(), seed("in/bad.txt"), "x\n", &throws_bad_alloc);
  Outcome o = process_bytes(no_rules(), seed("in/good.txt"), "Plain text.\n", &finds_nothing);
  CHECK(o.status == Outcome::Status::kDone);
  CHECK(o.doc.text == "Plain text.\n");
  CHECK(o.doc.bytes == 12);
}

TEST_CASE("the real extractor is used when none is given", "[pipeline]") {
  Outcome o = process_bytes(no_rules(), seed("in/d.txt"), "Plain text.\n");
  CHECK(o.status == Outcome::Status::kDone);
  CHECK(o.doc.encoding == "utf-8");
}

TEST_CASE("process_owned_bytes gives what process_bytes gives", "[pipeline]") {
  std::string raw = "Plain text.\n";
  Outcome o = dossier::pipeline::process_owned_bytes(no_rules(), seed("in/e.txt"),
                                                     std::move(raw), &finds_nothing);
  CHECK(o.status == Outcome::Status::kDone);
  CHECK(o.doc.text == "Plain text.\n");
  CHECK(o.doc.bytes == 12);
  CHECK(o.doc.sha256 == process_bytes(no_rules(), seed("in/e.txt"), "Plain text.\n").doc.sha256);
  std::string binary("a\0b\0c\0", 6);
  Outcome f = dossier::pipeline::process_owned_bytes(no_rules(), seed("in/f.bin"),
                                                     std::move(binary));
  CHECK(f.status == Outcome::Status::kFailed);
  CHECK(f.error == "binary file (NUL byte at offset 1)");
}
