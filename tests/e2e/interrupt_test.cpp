// End to end: a run stopped by Ctrl-C (SIGINT) or killed outright (SIGKILL, the OOM killer, a
// reboot) leaves a consistent database, and the next run completes it: every file once, the
// same mentions as one clean run.

#include <signal.h>

#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <thread>

#include "tests/support/corpus.hpp"
#include "tests/support/database.hpp"
#include "tests/support/run_binary.hpp"

using namespace dossier::testing;
namespace fs = std::filesystem;

namespace {

// The first commit comes after 1,000 documents, and what is in flight then (up to 48 batches of
// 64 files, run_ingest.cpp's kIngestInFlight) is still written after the signal: with 3,000
// files a stop could land after the last of them, once the window grew to 48 batches.
constexpr int kFiles = 6000;

// Documents committed so far; 0 while the database does not exist or is being created.
long long committed(const fs::path& db) {
  try {
    return count(db, "SELECT count(*) FROM documents");
  } catch (const std::exception&) {
    return 0;
  }
}

struct Totals {
  long long documents, distinct_paths, mentions, dates;
};

Totals totals(const fs::path& db) {
  return {count(db, "SELECT count(*) FROM documents"),
          count(db, "SELECT count(DISTINCT path) FROM documents"),
          count(db, "SELECT count(*) FROM mentions"), count(db, "SELECT count(*) FROM dates")};
}

// Interrupts one ingest with `sig` once some documents are committed, re-runs it, and compares
// with a clean run. Waiting for committed documents rather than a fixed time keeps the test
// meaningful on a slow or loaded machine (and under sanitizers).
void interrupt_then_resume(int sig) {
  TempDir t;
  write_fined_corpus(t, kFiles, 30);
  auto clean_db = t.path() / "clean.sqlite";
  REQUIRE(run_dossier({"ingest", "in", "--db", clean_db.string(), "--quiet"}, "", t.path())
              .exit_code == 0);
  Totals clean = totals(clean_db);
  REQUIRE(clean.documents == kFiles);

  auto db = t.path() / "d.sqlite";
  auto started = std::chrono::steady_clock::now();
  pid_t pid = spawn_dossier(Launch({"ingest", "in", "--db", db.string(), "--jobs", "2"}, t.path()));
  long long seen = 0;
  while ((seen = committed(db)) == 0 &&
         std::chrono::steady_clock::now() - started < std::chrono::seconds(120))
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  kill(pid, sig);
  int rc = wait_exit(pid);
  auto took = std::chrono::steady_clock::now() - started;
  INFO("signal " << sig << " once " << seen << " documents were committed; process ended after "
                 << std::chrono::duration_cast<std::chrono::milliseconds>(took).count() << " ms");
  REQUIRE(seen > 0);
  if (sig == SIGINT) {
    CHECK(rc == 130);
    CHECK(text_of(db, "SELECT status FROM runs WHERE id = 1") == "interrupted");
  } else {
    CHECK(rc == 128 + SIGKILL);
  }
  CHECK(text_of(db, "PRAGMA integrity_check") == "ok");
  Totals partial = totals(db);
  CHECK(partial.documents == partial.distinct_paths);
  CHECK(partial.documents < kFiles);  // it really was stopped mid-run
  // What it committed is not searchable yet, and search says so.
  RunResult search = run_dossier({"search", "fined", "--db", db.string()}, "", t.path());
  CHECK(search.exit_code == 0);
  CHECK(search.err.find(" documents are not in the search index yet") != std::string::npos);

  RunResult again = run_dossier({"ingest", "in", "--db", db.string(), "--quiet"}, "", t.path());
  CHECK(again.exit_code == 0);
  // A killed run does not stay "running": the re-run saw its process gone, and says so (even
  // with --quiet: a cron job's log is where it would go unnoticed).
  CHECK(text_of(db, "SELECT status FROM runs WHERE id = 1") ==
        (sig == SIGINT ? "interrupted" : "killed"));
  CHECK((again.err.find(": run 1 (started ") != std::string::npos) == (sig == SIGKILL));
  CHECK((again.err.find("marked killed, what it committed is kept") != std::string::npos) ==
        (sig == SIGKILL));
  CHECK(text_of(db, "SELECT status FROM runs WHERE id = 2") == "ok");
  CHECK(text_of(db, "PRAGMA integrity_check") == "ok");
  Totals after_rerun = totals(db);
  CHECK(after_rerun.documents == kFiles);
  CHECK(after_rerun.distinct_paths == kFiles);
  CHECK(after_rerun.mentions == clean.mentions);
  CHECK(after_rerun.dates == clean.dates);
  CHECK(count(db, "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'fined'") ==
        kFiles);
  CHECK(run_dossier({"search", "fined", "--db", db.string()}, "", t.path()).err.empty());
}

}  // namespace

TEST_CASE("Ctrl-C mid-ingest exits 130, records the run as interrupted, and the re-run completes",
          "[e2e][interrupt]") {
  interrupt_then_resume(SIGINT);
}

TEST_CASE("SIGKILL mid-ingest leaves a consistent database; the re-run completes it and records "
          "the run as killed, not running",
          "[e2e][interrupt]") {
  interrupt_then_resume(SIGKILL);
}
