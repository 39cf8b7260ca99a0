// ingest and extract take the walk a chunk at a time (RunOptions::walk_chunk): across chunk
// boundaries every file is taken once, in walk order, unchanged files are still recognised, and
// the output is the same as with one chunk.

#include <SQLiteCpp/Database.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <cstdio>
#include <nlohmann/json.hpp>

#include "lib/pipeline/commands.hpp"
#include "tests/support/run_binary.hpp"

using namespace dossier::pipeline;
using dossier::testing::read_text;
using dossier::testing::TempDir;
namespace fs = std::filesystem;

namespace {

// Seven articles in three folders, a binary file and a FIFO: with chunks of two, every chunk
// boundary falls somewhere different (inside a folder, between folders, at a failure).
void write_folder(const TempDir& t) {
  t.write("in/a/1.txt", "Microsoft said on 3 March 2024 that Fancy Bear was behind it.\n");
  t.write("in/a/2.txt", "The ICO fined Acme Ltd £4m on 12 May 2023.\n");
  t.write("in/a/3.bin.txt", std::string("\x7f" "ELF\x02\x01\x01\0\0\0", 10));
  t.write("in/b/4.txt", "On 1 April 2022 Lazarus Group struck again.\n");
  t.write("in/b/c/5.txt", "Nothing to see here.\n");
  t.write("in/b/c/6.txt", "Google and Apple met on Friday, 5 January 2024.\n");
  t.write("in/d/7.txt", "APT29 was named by the NCSC in 2021.\n");
  t.write("in/d/8.txt", "Sandworm, 2017.\n");
  REQUIRE(mkfifo((t.path() / "in/d/9.txt").c_str(), 0644) == 0);
}

nlohmann::json last_run_counts(const fs::path& db) {
  SQLite::Database d(db.string());
  return nlohmann::json::parse(
      d.execAndGet("SELECT counts FROM runs ORDER BY id DESC LIMIT 1").getString());
}

std::vector<std::string> document_paths(const fs::path& db) {
  SQLite::Database d(db.string());
  SQLite::Statement q(d, "SELECT path FROM documents ORDER BY id");
  std::vector<std::string> out;
  while (q.executeStep()) out.push_back(fs::path(q.getColumn(0).getString()).filename());
  return out;
}

// What run_extract writes on standard output.
std::string extract_output(const ExtractOptions& o, const fs::path& scratch) {
  std::fflush(stdout);
  int saved = dup(1);
  int fd = open(scratch.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  REQUIRE(fd >= 0);
  dup2(fd, 1);
  close(fd);
  run_extract(o);
  std::fflush(stdout);
  dup2(saved, 1);
  close(saved);
  return read_text(scratch);
}

}  // namespace

TEST_CASE("ingest in chunks of two takes every file once, in order, and knows it again",
          "[pipeline][walk]") {
  TempDir t;
  write_folder(t);
  IngestOptions o;
  o.paths = {(t.path() / "in").string()};
  o.db = (t.path() / "db.sqlite").string();
  o.quiet = true;
  o.walk_chunk = 2;
  o.jobs = 2;

  CHECK(run_ingest(o) == kExitPartial);
  nlohmann::json c = last_run_counts(o.db);
  CHECK(c["added"] == 7);
  CHECK(c["failed"] == 2);  // the binary file and the FIFO
  CHECK(document_paths(o.db) ==
        std::vector<std::string>{"1.txt", "2.txt", "4.txt", "5.txt", "6.txt", "7.txt", "8.txt"});

  CHECK(run_ingest(o) == kExitPartial);
  c = last_run_counts(o.db);
  CHECK(c["unchanged"] == 7);
  CHECK(c["added"] == 0);

  t.write("in/b/c/6.txt", "Google and Apple met on Friday, 5 January 2024, and again in May.\n");
  CHECK(run_ingest(o) == kExitPartial);
  c = last_run_counts(o.db);
  CHECK(c["replaced"] == 1);
  CHECK(c["unchanged"] == 6);
  CHECK(document_paths(o.db).size() == 7);
}

TEST_CASE("extract in chunks of one or two prints what one chunk prints", "[pipeline][walk]") {
  TempDir t;
  write_folder(t);
  ExtractOptions o;
  o.paths = {(t.path() / "in").string()};
  o.jobs = 2;
  o.walk_chunk = 1000;
  std::string whole = extract_output(o, t.path() / "out.ndjson");
  CHECK(std::count(whole.begin(), whole.end(), '\n') == 9);  // 7 documents and 2 error lines
  for (std::size_t chunk : {1, 2}) {
    o.walk_chunk = chunk;
    CHECK(extract_output(o, t.path() / "out.ndjson") == whole);
  }
}
