// End to end: two ingests on one database at once, and databases that cannot be written
// (read-only, missing folder, file size limit): each a clear error, never a corrupt database
// or a half-written document.

#include <SQLiteCpp/Database.h>
#include <fcntl.h>
#include <grp.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <filesystem>

#include "tests/support/run_binary.hpp"

using namespace dossier::testing;
namespace fs = std::filesystem;

namespace {

constexpr int kFiles = 1500;

long long count(const fs::path& db, const std::string& sql) {
  SQLite::Database d(db.string(), SQLite::OPEN_READONLY);
  return d.execAndGet(sql).getInt64();
}

std::string text_of(const fs::path& db, const std::string& sql) {
  SQLite::Database d(db.string(), SQLite::OPEN_READONLY);
  return d.execAndGet(sql).getString();
}

void write_corpus(const TempDir& t) {
  const char* orgs[] = {"the ICO", "Ofcom", "Acme Ltd", "the Home Office", "Fancy Bear",
                        "Lazarus Group", "the FCA", "Barclays plc"};
  for (int i = 0; i < kFiles; ++i) {
    std::string s;
    for (int k = 0; k < 8; ++k)
      s += fmt::format("On {} May 20{} {} said {} had been fined. ", 1 + (i + k) % 28,
                       10 + (i * 3 + k) % 15, orgs[(i + k) % 8], orgs[(i * 5 + k + 1) % 8]);
    t.write(fmt::format("in/f{:05d}.txt", i), s + "\n");
  }
}

// Starts `prefix... dossier ARGS` (prefix may be empty) in `cwd`, stderr to `err`, as `uid`
// when uid >= 0 and we are root; returns the pid.
pid_t spawn(const std::vector<std::string>& prefix, const std::vector<std::string>& args,
            const fs::path& cwd, const fs::path& err, int uid = -1) {
  pid_t pid = fork();
  if (pid == 0) {
    int null = open("/dev/null", O_RDWR);
    int fe = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0666);
    dup2(null, 0);
    dup2(null, 1);
    dup2(fe, 2);
    if (chdir(cwd.c_str()) != 0) _exit(126);
    if (uid >= 0 && geteuid() == 0 &&
        (setgroups(0, nullptr) != 0 || setgid(uid) != 0 || setuid(uid) != 0))
      _exit(125);
    std::vector<std::string> all = prefix;
    all.push_back(DOSSIER_BINARY);
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : all) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  return pid;
}

int wait_exit(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

RunResult run(const std::vector<std::string>& prefix, const std::vector<std::string>& args,
              const fs::path& cwd, int uid = -1) {
  TempDir io;
  fs::permissions(io.path(), fs::perms::all);
  RunResult r;
  r.exit_code = wait_exit(spawn(prefix, args, cwd, io.path() / "err", uid));
  r.err = read_text(io.path() / "err");
  return r;
}

}  // namespace

TEST_CASE("two ingests on one new database at once: both finish, every file once",
          "[e2e][concurrency]") {
  TempDir t;
  write_corpus(t);
  auto clean = t.path() / "clean.sqlite";
  REQUIRE(run_dossier({"ingest", "in", "--db", clean.string(), "--quiet"}, "", t.path())
              .exit_code == 0);
  long long mentions = count(clean, "SELECT count(*) FROM mentions");
  long long dates = count(clean, "SELECT count(*) FROM dates");

  auto db = t.path() / "d.sqlite";
  std::vector<std::string> args = {"ingest", "in", "--db", db.string(), "--jobs", "1"};
  pid_t a = spawn({}, args, t.path(), t.path() / "a.err");
  pid_t b = spawn({}, args, t.path(), t.path() / "b.err");
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
  RunResult r = run({}, {"ingest", "in", "--db", "d.sqlite", "--force"}, t.path(), 65534);
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
  write_corpus(t);
  auto db = t.path() / "d.sqlite";
  // 300 KiB: the schema and a batch or so fit, the whole corpus (~2 MB with FTS) does not.
  RunResult r = run({"/bin/bash", "-c", "ulimit -f 300; exec \"$@\"", "bash"},
                    {"ingest", "in", "--db", db.string()}, t.path());
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
