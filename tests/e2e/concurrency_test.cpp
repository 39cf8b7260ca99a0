// End to end: two ingests on one database at once, and databases that cannot be written
// (read-only, missing folder, file size limit): each a clear error, never a corrupt database
// or a half-written document.

#include <catch2/catch.hpp>

#include <filesystem>

#include "tests/support/corpus.hpp"
#include "tests/support/database.hpp"
#include "tests/support/run_binary.hpp"

using namespace dossier::testing;
namespace fs = std::filesystem;

namespace {

constexpr int kFiles = 1500;

}  // namespace

TEST_CASE("two ingests on one new database at once: both finish, every file once",
          "[e2e][concurrency]") {
  TempDir t;
  write_fined_corpus(t, kFiles);
  auto clean = t.path() / "clean.sqlite";
  REQUIRE(run_dossier({"ingest", "in", "--db", clean.string(), "--quiet"}, "", t.path())
              .exit_code == 0);
  long long mentions = count(clean, "SELECT count(*) FROM mentions");
  long long dates = count(clean, "SELECT count(*) FROM dates");

  auto db = t.path() / "d.sqlite";
  std::vector<std::string> args = {"ingest", "in", "--db", db.string(), "--jobs", "1"};
  pid_t a = spawn_dossier(Launch(args, t.path()), t.path() / "a.err");
  pid_t b = spawn_dossier(Launch(args, t.path()), t.path() / "b.err");
  int ra = wait_exit(a), rb = wait_exit(b);
  INFO("first: " << read_text(t.path() / "a.err") << "second: " << read_text(t.path() / "b.err"));
  CHECK(ra == 0);
  CHECK(rb == 0);
  CHECK(text_of(db, "PRAGMA integrity_check") == "ok");
  CHECK(count(db, "SELECT count(*) FROM documents") == kFiles);
  CHECK(count(db, "SELECT count(DISTINCT path) FROM documents") == kFiles);
  CHECK(count(db, "SELECT count(*) FROM mentions") == mentions);
  CHECK(count(db, "SELECT count(*) FROM dates") == dates);
  CHECK(count(db, "SELECT count(*) FROM runs WHERE status = 'ok'") == 2);
}

TEST_CASE("a database in a folder that does not exist is a clear error", "[e2e][concurrency]") {
  TempDir t;
  t.write("in/a.txt", "The ICO fined Acme Ltd.\n");
  RunResult r = run_dossier({"ingest", "in", "--db", "no/such/folder/d.sqlite"}, "", t.path());
  CHECK(r.exit_code == 1);
  CHECK(r.err ==
        "dossier: no/such/folder/d.sqlite: cannot create database: folder no/such/folder does not "
        "exist\n");
}

TEST_CASE("a read-only database file is a clear error", "[e2e][concurrency]") {
  TempDir t;
  t.write("in/a.txt", "The ICO fined Acme Ltd.\n");
  REQUIRE(run_dossier({"ingest", "in", "--db", "d.sqlite", "--quiet"}, "", t.path()).exit_code ==
          0);
  // Root writes any file whatever its mode: the run is made as `nobody`, for whom the
  // database (owned by root, mode 0444) is read-only.
  fs::permissions(t.path() / "d.sqlite", fs::perms::owner_read | fs::perms::group_read |
                                             fs::perms::others_read);
  fs::permissions(t.path(), fs::perms::all);
  fs::permissions(t.path() / "in", fs::perms::all);
  Launch as_nobody({"ingest", "in", "--db", "d.sqlite", "--force"}, t.path());
  as_nobody.uid = 65534;
  RunResult r = run_dossier(as_nobody);
  if (r.exit_code == 125) {
    WARN("cannot switch to user nobody: read-only database case skipped");
    return;
  }
  CHECK(r.exit_code == 1);
  CHECK(r.err ==
        "dossier: d.sqlite: database is read-only (check the file's and its folder's "
        "permissions)\n");
  CHECK(text_of(t.path() / "d.sqlite", "PRAGMA integrity_check") == "ok");
}

TEST_CASE("a full disk (ulimit -f) stops with a clear error; the re-run completes",
          "[e2e][concurrency]") {
  TempDir t;
  write_fined_corpus(t, kFiles);
  auto db = t.path() / "d.sqlite";
  // 1200 KiB: the schema (~700 KB with 16 KB pages) and a batch or so fit, the whole corpus
  // (~4 MB with its search index) does not.
  Launch limited({"ingest", "in", "--db", db.string()}, t.path());
  limited.prefix = {"/bin/bash", "-c", "ulimit -f 1200; exec \"$@\"", "bash"};
  RunResult r = run_dossier(limited);
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("dossier: " + db.string() + ": cannot write database: ") == 0);
  CHECK(r.err.find("(disk full or file size limit?); what was committed is kept\n") !=
        std::string::npos);
  CHECK(text_of(db, "PRAGMA integrity_check") == "ok");
  long long docs = count(db, "SELECT count(*) FROM documents");
  CHECK(docs < kFiles);
  // No half-written document: each one committed has its dates.
  CHECK(count(db, "SELECT count(*) FROM documents d WHERE NOT EXISTS "
                  "(SELECT 1 FROM dates x WHERE x.document_id = d.id)") == 0);

  RunResult again = run_dossier({"ingest", "in", "--db", db.string(), "--quiet"}, "", t.path());
  CHECK(again.exit_code == 0);
  CHECK(count(db, "SELECT count(*) FROM documents") == kFiles);
  CHECK(count(db, "SELECT count(DISTINCT path) FROM documents") == kFiles);
  CHECK(text_of(db, "PRAGMA integrity_check") == "ok");
}
