#pragma once
// What the command line asks of a run, as plain data (app/ fills it; lib/ never sees CLI11).

#include <cstdint>
#include <string>
#include <vector>

#include "lib/source/walk.hpp"

namespace dossier::pipeline {

struct RunOptions {
  std::vector<std::string> paths;
  source::WalkOptions walk;
  std::vector<std::string> rules_dirs;  // --rules, on top of the built-in rules
  std::string dct;                      // --dct, YYYY-MM-DD
  std::uint64_t max_bytes = 64ull << 20;
  int jobs = 0;                         // 0: all cores
  bool json = false;                    // ingest --json: NDJSON on stdout too
  bool quiet = false;                   // no summary on stderr
  bool progress = false;                // progress line on stderr (set when stderr is a TTY)
};

struct IngestOptions : RunOptions {
  std::string db = "dossier.sqlite";
  bool force = false;
};

struct ExtractOptions : RunOptions {
  bool jsonl = false;  // read {"id","text",...} lines from stdin
};

// Exit codes (PRODUCT.md): every document done; nothing could be done; some inputs failed.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFatal = 1;
inline constexpr int kExitPartial = 2;
inline constexpr int kExitInterrupted = 130;

}  // namespace dossier::pipeline
