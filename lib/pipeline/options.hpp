#pragma once
// What the command line asks of a run, as plain data (app/ fills it; lib/ never sees CLI11).

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "lib/source/walk.hpp"

namespace dossier::pipeline {

// Files (and walk failures) that ingest and extract take from the walk at a time, each chunk
// through the workers before the next is walked: what they hold of the walk is one chunk's paths,
// whatever the number of files. Between two chunks the workers wait for the last results to be
// written, a pause too short to measure at this size (about 150 MB of the bench corpus).
inline constexpr std::size_t kWalkChunk = 16384;

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
  std::size_t walk_chunk = kWalkChunk;  // tests make it small, to cross chunks with few files
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
