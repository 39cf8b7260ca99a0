// extract reading standard input: JSON lines longer than its read buffer come through whole,
// and a standard input that cannot be read ends the run with its reason, not an internal error.

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "tests/support/ndjson_lines.hpp"
#include "tests/support/run_binary.hpp"

using namespace dossier::testing;
using nlohmann::json;

TEST_CASE("extract --jsonl reads records longer than its 64 KB read buffer whole", "[e2e]") {
  // 3 records of ~100 KB each, every one ending with a date after the buffer's size.
  std::string input;
  for (int i = 1; i <= 3; ++i) {
    std::string text(100000, 'x');
    for (std::size_t k = 80; k < text.size(); k += 81) text[k] = ' ';
    text += fmt::format(" It was fined on {} May 2023.", i);
    input += json{{"id", fmt::format("r{}", i)}, {"text", text}}.dump();
    input += '\n';
  }
  RunResult r = run_dossier({"extract", "--jsonl"}, input);
  REQUIRE(r.exit_code == 0);
  int n = 0;
  for (const json& j : ndjson_lines(r.out)) {
    ++n;
    CHECK(j["document"]["id"] == fmt::format("r{}", n));
    REQUIRE(j["dates"].size() == 1);
    CHECK(j["dates"][0]["value"] == fmt::format("2023-05-{:02}", n));
  }
  CHECK(n == 3);
}

TEST_CASE("a closed standard input is exit 1 with 'standard input: cannot read'", "[e2e]") {
  for (std::vector<std::string> args :
       {std::vector<std::string>{"extract"}, std::vector<std::string>{"extract", "--jsonl"}}) {
    Launch l(args);
    l.prefix = {"/bin/bash", "-c", "exec \"$@\" <&-", "bash"};
    RunResult r = run_dossier(l);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("standard input: cannot read: Bad file descriptor") != std::string::npos);
  }
}

// extract --jsonl reads standard input in chunks of lines that its workers parse: records keep
// their order, their line numbers and their ids across a chunk's end.
TEST_CASE("extract --jsonl keeps order, ids and line numbers past a chunk of 4096 lines",
          "[e2e]") {
  std::string input;
  const int records = 5000;
  for (int i = 1; i <= records; ++i) {
    if (i % 1000 == 0) input += "\n";  // blank lines are counted, not records
    if (i == 4500) {
      input += "{not json\n";
    } else if (i % 2) {
      input += json{{"id", fmt::format("r{}", i)}, {"text", "Fined on 2 May 2023."}}.dump() + "\n";
    } else {
      input += json{{"text", "No date."}}.dump() + "\n";
    }
  }
  RunResult r = run_dossier({"extract", "--jsonl"}, input);
  CHECK(r.exit_code == 2);
  int n = 0;
  for (const json& j : ndjson_lines(r.out)) {
    ++n;
    std::size_t line_no = n + n / 1000;  // a blank line before each thousandth record
    if (n == 4500) {
      CHECK(j["error"] == fmt::format("line {}: not a JSON object", line_no));
    } else if (n % 2) {
      CHECK(j["document"]["id"] == fmt::format("r{}", n));
    } else {
      CHECK(j["document"]["id"] == fmt::format("stdin:{}", line_no));
    }
  }
  CHECK(n == records);
}
