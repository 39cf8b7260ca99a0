// End to end on data/samples: the NDJSON equals the golden file, and every extraction's text
// is exactly the document's bytes at start..end.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/support/ndjson_lines.hpp"
#include "tests/support/run_binary.hpp"

using namespace dossier::testing;
using nlohmann::json;

namespace {

RunResult extract_samples() {
  auto dir = source_dir() / "data" / "samples";
  return run_dossier({"extract", "--dct", "2024-11-21", "."}, "", dir);
}

}  // namespace

TEST_CASE("extract on the samples matches the golden NDJSON", "[e2e][golden]") {
  RunResult r = extract_samples();
  REQUIRE(r.exit_code == 0);
  std::string golden = read_text(source_dir() / "tests" / "golden" / "samples.ndjson");
  // On a difference: scripts/update-golden.sh, then read the diff before committing it.
  CHECK(r.out == golden);
}

TEST_CASE("every extraction's text is the stored bytes at start..end", "[e2e][offsets]") {
  RunResult r = extract_samples();
  REQUIRE(r.exit_code == 0);
  auto docs = ndjson_lines(r.out);
  REQUIRE(docs.size() == 2);
  std::size_t checked = 0;
  for (const json& d : docs) {
    std::string text = read_text(source_dir() / "data" / "samples" / d["document"]["path"].get<std::string>());
    for (const char* kind : {"dates", "organisations", "threat_actors", "regulator_actions"}) {
      for (const json& x : d[kind]) {
        std::size_t s = x["start"], e = x["end"];
        REQUIRE(s <= e);
        REQUIRE(e <= text.size());
        CHECK(text.substr(s, e - s) == x["text"].get<std::string>());
        ++checked;
      }
    }
  }
  CHECK(checked > 40);
}

TEST_CASE("extract --jsonl takes id, text and date from each line", "[e2e]") {
  RunResult r = run_dossier({"extract", "--jsonl"},
                            R"({"id":"a","text":"The ICO said on 2 May that it would act.","date":"2024-11-21"})"
                            "\n"
                            R"({"text":"no id here"})"
                            "\n"
                            "not json\n");
  CHECK(r.exit_code == 2);
  auto docs = ndjson_lines(r.out);
  REQUIRE(docs.size() == 3);
  CHECK(docs[0]["document"]["id"] == "a");
  CHECK(docs[0]["document"]["dct_source"] == "input");
  CHECK(docs[0]["dates"][0]["value"] == "2024-05-02");
  CHECK(docs[1]["document"]["id"] == "stdin:2");
  CHECK(docs[2]["error"] == "line 3: not a JSON object");
  CHECK(r.err == "stdin:3: line 3: not a JSON object\n");
}
