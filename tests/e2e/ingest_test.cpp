// End to end: ingest into a database, incrementally, with failures named and recorded.

#include <SQLiteCpp/Database.h>
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>

#include "tests/support/run_binary.hpp"

using namespace dossier::testing;
namespace fs = std::filesystem;

namespace {

long long count(const fs::path& db, const std::string& sql) {
  SQLite::Database d(db.string(), SQLite::OPEN_READONLY);
  return d.execAndGet(sql).getInt64();
}

void copy_samples(const TempDir& t) {
  fs::create_directories(t.path() / "in");
  for (const auto& e : fs::directory_iterator(source_dir() / "data" / "samples"))
    fs::copy_file(e.path(), t.path() / "in" / e.path().filename());
}

}  // namespace

TEST_CASE("a second ingest of an unchanged folder re-extracts nothing", "[e2e][ingest]") {
  TempDir t;
  copy_samples(t);
  auto db = t.path() / "d.sqlite";
  RunResult first = run_dossier({"ingest", "in", "--db", db.string()}, "", t.path());
  REQUIRE(first.exit_code == 0);
  CHECK(count(db, "SELECT count(*) FROM documents") == 2);
  long long mentions = count(db, "SELECT count(*) FROM mentions");
  CHECK(mentions > 10);

  RunResult second = run_dossier({"ingest", "in", "--db", db.string()}, "", t.path());
  CHECK(second.exit_code == 0);
  CHECK(second.err.find("0 new, 0 re-extracted, 2 unchanged (not re-extracted), 0 failed") !=
        std::string::npos);
  CHECK(count(db, "SELECT count(*) FROM documents WHERE run_id = 1") == 2);
  CHECK(count(db, "SELECT count(*) FROM mentions") == mentions);
}

TEST_CASE("a changed file is replaced, not doubled", "[e2e][ingest]") {
  TempDir t;
  t.write("in/a.txt", "The ICO said on 2 May 2024 it had decided no further action was required.");
  auto db = t.path() / "d.sqlite";
  REQUIRE(run_dossier({"ingest", "in", "--db", db.string()}, "", t.path()).exit_code == 0);
  t.write("in/a.txt", "Nothing happened in March 2021.");
  RunResult r = run_dossier({"ingest", "in", "--db", db.string()}, "", t.path());
  REQUIRE(r.exit_code == 0);
  CHECK(count(db, "SELECT count(*) FROM documents") == 1);
  CHECK(count(db, "SELECT count(*) FROM dates") == 1);
  CHECK(count(db, "SELECT count(*) FROM regulator_actions") == 0);
  CHECK(count(db, "SELECT count(*) FROM documents WHERE run_id = 2") == 1);
}

TEST_CASE("a file touched but not changed is not re-extracted; its new mtime is kept",
          "[e2e][ingest]") {
  TempDir t;
  t.write("in/a.txt", "The ICO said on 2 May 2024 it had decided no further action was required.");
  auto db = t.path() / "d.sqlite";
  REQUIRE(run_dossier({"ingest", "in", "--db", db.string()}, "", t.path()).exit_code == 0);
  long long before = count(db, "SELECT mtime_ns FROM documents");
  fs::last_write_time(t.path() / "in" / "a.txt",
                      fs::last_write_time(t.path() / "in" / "a.txt") + std::chrono::hours(1));
  RunResult r = run_dossier({"ingest", "in", "--db", db.string()}, "", t.path());
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.find("0 new, 0 re-extracted, 1 unchanged") != std::string::npos);
  CHECK(count(db, "SELECT run_id FROM documents") == 1);
  CHECK(count(db, "SELECT mtime_ns FROM documents") == before + 3600LL * 1000000000LL);
  // Now the size and mtime match again: not even read (the same summary, nothing written).
  r = run_dossier({"ingest", "in", "--db", db.string()}, "", t.path());
  CHECK(r.err.find("0 new, 0 re-extracted, 1 unchanged") != std::string::npos);
}

TEST_CASE("an unchanged file is re-extracted when the rule set changed", "[e2e][ingest]") {
  TempDir t;
  t.write("in/a.txt", "Researchers said Quartz Blizzard was behind it on 2 May 2024.");
  t.write("r/threat_actors.toml",
          "kind = \"threat_actors\"\n[[rule]]\nid = \"user-quartz\"\n"
          "pattern = '\\b(?P<name>Quartz Blizzard)\\b'\n"
          "examples = [{ text = \"Quartz Blizzard\", match = \"Quartz Blizzard\" }]\n");
  auto db = t.path() / "d.sqlite";
  REQUIRE(run_dossier({"ingest", "in", "--db", db.string()}, "", t.path()).exit_code == 0);
  RunResult r = run_dossier({"ingest", "in", "--db", db.string(), "--rules", "r"}, "", t.path());
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.find("0 new, 1 re-extracted, 0 unchanged") != std::string::npos);
  CHECK(count(db, "SELECT run_id FROM documents") == 2);
  // The same rule set again: unchanged.
  r = run_dossier({"ingest", "in", "--db", db.string(), "--rules", "r"}, "", t.path());
  CHECK(r.err.find("0 new, 0 re-extracted, 1 unchanged") != std::string::npos);
}

TEST_CASE("a binary file gives exit 2, a path: reason line and a failures row", "[e2e][ingest]") {
  TempDir t;
  copy_samples(t);
  t.write("in/blob.txt", std::string("\x7F"
                                     "ELF\x02\x01\x01\0\0\0\0",
                                     11));
  auto db = t.path() / "d.sqlite";
  RunResult r = run_dossier({"ingest", "in", "--db", db.string(), "--quiet"}, "", t.path());
  CHECK(r.exit_code == 2);
  CHECK(r.err == "in/blob.txt: binary file (ELF executable)\n");
  CHECK(count(db, "SELECT count(*) FROM failures WHERE path = 'in/blob.txt'") == 1);
  CHECK(count(db, "SELECT count(*) FROM documents") == 2);
}

TEST_CASE("a database from a newer schema is refused with a clear message", "[e2e][store]") {
  TempDir t;
  auto db = t.path() / "new.sqlite";
  {
    SQLite::Database d(db.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    d.exec("PRAGMA user_version = 99");
  }
  t.write("in/a.txt", "text");
  RunResult r = run_dossier({"ingest", "in", "--db", db.string()}, "", t.path());
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("database schema version 99 is newer than this dossier supports") !=
        std::string::npos);
}

TEST_CASE("rules check names file:line:col of a broken pattern and exits 1", "[e2e][rules]") {
  TempDir t;
  t.write("r/dates.toml", "[[rule]]\nid = \"bad\"\npattern = 'foo('\nexamples = [\"foo\"]\n");
  RunResult r = run_dossier({"rules", "check", (t.path() / "r").string()});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find((t.path() / "r" / "dates.toml").string() +
                   ":3:11: pattern does not compile: missing ): foo(") != std::string::npos);
}
