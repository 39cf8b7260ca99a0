// End to end: a run stopped by Ctrl-C (SIGINT) or killed outright (SIGKILL, the OOM killer, a
// reboot) leaves a consistent database, and the next run completes it: every file once, the
// same mentions as one clean run.

#include <SQLiteCpp/Database.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "tests/support/run_binary.hpp"

using namespace dossier::testing;
namespace fs = std::filesystem;

namespace {

constexpr int kFiles = 3000;

long long count(const fs::path& db, const std::string& sql) {
  SQLite::Database d(db.string(), SQLite::OPEN_READONLY);
  return d.execAndGet(sql).getInt64();
}

std::string text_of(const fs::path& db, const std::string& sql) {
  SQLite::Database d(db.string(), SQLite::OPEN_READONLY);
  return d.execAndGet(sql).getString();
}

// Many small articles, enough that ingesting them takes well over a second.
void write_corpus(const TempDir& t) {
  const char* orgs[] = {"the ICO", "Ofcom", "Acme Ltd", "the Home Office", "Fancy Bear",
                        "Lazarus Group", "the FCA", "Barclays plc"};
  for (int i = 0; i < kFiles; ++i) {
    std::string s;
    for (int k = 0; k < 8; ++k)
      s += fmt::format("On {} May 20{} {} said {} had been fined. ", 1 + (i + k) % 28,
                       10 + (i * 3 + k) % 15, orgs[(i + k) % 8], orgs[(i * 5 + k + 1) % 8]);
    t.write(fmt::format("in/{:02d}/f{:05d}.txt", i % 30, i), s + "\n");
  }
}

// Starts `dossier ARGS` in `cwd` with stdout/stderr to /dev/null; returns its pid.
pid_t spawn(const std::vector<std::string>& args, const fs::path& cwd) {
  pid_t pid = fork();
  if (pid == 0) {
    int null = open("/dev/null", O_RDWR);
    dup2(null, 0);
    dup2(null, 1);
    dup2(null, 2);
    if (chdir(cwd.c_str()) != 0) _exit(126);
    std::string bin = DOSSIER_BINARY;
    std::vector<std::string> copy = args;
    std::vector<char*> argv{bin.data()};
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(bin.c_str(), argv.data());
    _exit(127);
  }
  return pid;
}

int wait_exit(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

struct Totals {
  long long documents, distinct_paths, mentions, dates;
};

Totals totals(const fs::path& db) {
  return {count(db, "SELECT count(*) FROM documents"),
          count(db, "SELECT count(DISTINCT path) FROM documents"),
          count(db, "SELECT count(*) FROM mentions"), count(db, "SELECT count(*) FROM dates")};
}

// Interrupts one ingest with `sig` after `after`, re-runs it, and compares with a clean run.
void interrupt_then_resume(int sig, std::chrono::milliseconds after) {
  TempDir t;
  write_corpus(t);
  auto clean_db = t.path() / "clean.sqlite";
  REQUIRE(run_dossier({"ingest", "in", "--db", clean_db.string(), "--quiet"}, "", t.path())
              .exit_code == 0);
  Totals clean = totals(clean_db);
  REQUIRE(clean.documents == kFiles);

  auto db = t.path() / "d.sqlite";
  auto started = std::chrono::steady_clock::now();
  pid_t pid = spawn({"ingest", "in", "--db", db.string(), "--jobs", "2"}, t.path());
  std::this_thread::sleep_for(after);
  kill(pid, sig);
  int rc = wait_exit(pid);
  auto took = std::chrono::steady_clock::now() - started;
  INFO("signal " << sig << " after " << after.count() << " ms; process ended after "
                 << std::chrono::duration_cast<std::chrono::milliseconds>(took).count() << " ms");
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

  RunResult again = run_dossier({"ingest", "in", "--db", db.string(), "--quiet"}, "", t.path());
  CHECK(again.exit_code == 0);
  CHECK(text_of(db, "PRAGMA integrity_check") == "ok");
  Totals after_rerun = totals(db);
  CHECK(after_rerun.documents == kFiles);
  CHECK(after_rerun.distinct_paths == kFiles);
  CHECK(after_rerun.mentions == clean.mentions);
  CHECK(after_rerun.dates == clean.dates);
  CHECK(count(db, "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'fined'") ==
        kFiles);
}

}  // namespace

TEST_CASE("Ctrl-C mid-ingest exits 130, records the run as interrupted, and the re-run completes",
          "[e2e][interrupt]") {
  interrupt_then_resume(SIGINT, std::chrono::milliseconds(300));
}

TEST_CASE("SIGKILL mid-ingest leaves a consistent database the re-run completes",
          "[e2e][interrupt]") {
  interrupt_then_resume(SIGKILL, std::chrono::milliseconds(300));
}
