// A run whose process ended without closing it (kill -9, a crash) is marked "killed" by the next
// run on the same host, and only such a run: one still going beside it, one of another host,
// container or older version is left as it is. (Before, it stayed "running" for ever.)
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <SQLiteCpp/Database.h>

#include <stdexcept>

#include "lib/store/database.hpp"
#include "lib/store/run_owner.hpp"
#include "lib/store/schema.hpp"
#include "lib/store/writer.hpp"
#include "tests/support/run_binary.hpp"
#include "tests/support/writer_fixture.hpp"

using namespace dossier;
using dossier::testing::no_rules;

namespace {

// A child process that waits until released: its owner while it runs, then it exits.
class Child {
 public:
  Child() {
    REQUIRE(pipe(fds_) == 0);
    pid_ = fork();
    REQUIRE(pid_ >= 0);
    if (pid_ == 0) {
      close(fds_[1]);
      char c;
      (void)!read(fds_[0], &c, 1);  // until the parent closes its end
      _exit(0);
    }
    close(fds_[0]);
  }
  ~Child() { end(); }
  pid_t pid() const { return pid_; }
  // Lets it exit; with `reap`, waits for it (else it stays a zombie until ~Child).
  void end(bool reap = true) {
    if (fds_[1] >= 0) close(fds_[1]);
    fds_[1] = -1;
    if (reap && pid_ > 0) {
      int status = 0;
      waitpid(pid_, &status, 0);
      pid_ = -1;
    }
  }

 private:
  int fds_[2] = {-1, -1};
  pid_t pid_ = -1;
};

std::string status_of(SQLite::Database& db, std::int64_t run) {
  SQLite::Statement q(db, "SELECT status FROM runs WHERE id = ?");
  q.bind(1, run);
  REQUIRE(q.executeStep());
  return q.getColumn(0).getString();
}

// A "running" row as an earlier run of `owner` would have left it.
std::int64_t running_row(SQLite::Database& db, const store::RunOwner* owner) {
  SQLite::Statement q(db,
                      "INSERT INTO runs (started, version, ruleset, status, host, pid, process) "
                      "VALUES ('2026-01-01T00:00:00Z', 'v', 'r', 'running', ?, ?, ?)");
  if (owner) {
    q.bind(1, owner->host);
    q.bind(2, owner->pid);
    q.bind(3, owner->process);
  }
  q.exec();
  return db.getLastInsertRowid();
}

}  // namespace

TEST_CASE("this process is running as a run's owner", "[store][runs]") {
  store::RunOwner me = store::this_process();
  CHECK(me.pid == getpid());
  CHECK_FALSE(me.host.empty());
  CHECK_FALSE(me.process.empty());
  CHECK(store::owner_state(me, me) == store::OwnerState::kRunning);
}

TEST_CASE("a run's process that has exited is gone, reaped or not yet", "[store][runs]") {
  const store::RunOwner me = store::this_process();
  Child child;
  auto owner = store::owner_of(child.pid());
  REQUIRE(owner);
  CHECK(store::owner_state(*owner, me) == store::OwnerState::kRunning);
  child.end(/*reap=*/false);
  // A zombie keeps its /proc entry until it is reaped; it has ended all the same.
  for (int i = 0; i < 200 && store::owner_state(*owner, me) == store::OwnerState::kRunning; ++i)
    usleep(10000);
  CHECK(store::owner_state(*owner, me) == store::OwnerState::kGone);
  child.end();
  CHECK(store::owner_state(*owner, me) == store::OwnerState::kGone);
  CHECK_FALSE(store::owner_of(owner->pid));
}

TEST_CASE("a run's pid now held by another process is gone", "[store][runs]") {
  const store::RunOwner me = store::this_process();
  store::RunOwner earlier = me;  // this pid, started at another time
  std::string ticks = me.process.substr(me.process.rfind(' ') + 1);
  earlier.process = me.process.substr(0, me.process.rfind(' ') + 1) + ticks + "0";
  CHECK(store::owner_state(earlier, me) == store::OwnerState::kGone);
}

TEST_CASE("a run of another host or container is unknown; one of an earlier boot is gone",
          "[store][runs]") {
  const store::RunOwner me = store::this_process();
  store::RunOwner other_host = me;
  other_host.host += "-elsewhere";
  CHECK(store::owner_state(other_host, me) == store::OwnerState::kUnknown);

  store::RunOwner other_container = me;  // "<boot> pid:[N] <ticks>"
  std::size_t ns = me.process.find(' ') + 1;
  other_container.process = me.process.substr(0, ns) + "x" + me.process.substr(ns);
  CHECK(store::owner_state(other_container, me) == store::OwnerState::kUnknown);

  store::RunOwner before_reboot = me;
  before_reboot.process = "x" + me.process;
  CHECK(store::owner_state(before_reboot, me) == store::OwnerState::kGone);

  store::RunOwner older_version{};  // a run written before version 4: no owner
  CHECK(store::owner_state(older_version, me) == store::OwnerState::kUnknown);
  store::RunOwner garbled{me.host, me.pid, "garbled"};
  CHECK(store::owner_state(garbled, me) == store::OwnerState::kUnknown);
}

TEST_CASE("a new run marks killed only the runs of this host whose process has gone",
          "[store][runs]") {
  testing::TempDir t;
  auto db = store::open_database((t.path() / "d.sqlite").string(), store::OpenMode::kReadWrite);
  const store::RunOwner me = store::this_process();
  Child dead;
  auto dead_owner = store::owner_of(dead.pid());
  REQUIRE(dead_owner);
  dead.end();
  store::RunOwner elsewhere = *dead_owner;
  elsewhere.host += "-elsewhere";

  const std::int64_t killed = running_row(*db, &*dead_owner);
  const std::int64_t alive = running_row(*db, &me);  // a run still going beside this one
  const std::int64_t other_host = running_row(*db, &elsewhere);
  const std::int64_t older = running_row(*db, nullptr);
  db->exec("UPDATE runs SET status = 'ok' WHERE id = " + std::to_string(running_row(*db, &*dead_owner)));

  store::Writer w(*db, no_rules());
  const std::int64_t run = w.begin_run();
  CHECK(status_of(*db, killed) == "killed");
  REQUIRE(w.killed_runs().size() == 1);  // for run_ingest to tell the user
  CHECK(w.killed_runs()[0].id == killed);
  CHECK(w.killed_runs()[0].started == "2026-01-01T00:00:00Z");
  CHECK(status_of(*db, alive) == "running");
  CHECK(status_of(*db, other_host) == "running");
  CHECK(status_of(*db, older) == "running");
  CHECK(db->execAndGet("SELECT count(*) FROM runs WHERE status = 'ok'").getInt() == 1);
  // The new run says which process it is.
  SQLite::Statement q(*db, "SELECT host, pid, process FROM runs WHERE id = ?");
  q.bind(1, run);
  REQUIRE(q.executeStep());
  CHECK(q.getColumn(0).getString() == me.host);
  CHECK(q.getColumn(1).getInt64() == me.pid);
  CHECK(q.getColumn(2).getString() == me.process);
  w.finish_run("ok", nlohmann::json::object());
  CHECK(status_of(*db, run) == "ok");
}

TEST_CASE("a run that ends with an exception is closed as failed, not left running",
          "[store][runs]") {
  testing::TempDir t;
  auto db = store::open_database((t.path() / "d.sqlite").string(), store::OpenMode::kReadWrite);
  std::int64_t run = 0;
  try {
    store::Writer w(*db, no_rules());
    run = w.begin_run();
    w.write_document(testing::stored_document("a.txt", "Half a batch."), {}, 0);
    throw std::runtime_error("disk full");
  } catch (const std::runtime_error&) {
  }
  CHECK(status_of(*db, run) == "failed");
  CHECK(db->execAndGet("SELECT finished IS NOT NULL FROM runs WHERE id = 1").getInt() == 1);
  CHECK(db->execAndGet("SELECT count(*) FROM documents").getInt() == 0);  // rolled back
}

TEST_CASE("a version 3 database gains the runs' owner columns", "[store][runs][migration]") {
  testing::TempDir t;
  const std::string path = (t.path() / "d.sqlite").string();
  {
    auto db = store::open_database(path, store::OpenMode::kReadWrite);
    running_row(*db, nullptr);
    db->exec(store::kUndoRunOwner);
    db->exec("PRAGMA user_version = 3");
  }
  auto db = store::open_database(path, store::OpenMode::kReadWrite);
  CHECK(store::schema_version(*db) == 4);
  CHECK(db->execAndGet("SELECT count(*) FROM pragma_table_info('runs') "
                       "WHERE name IN ('host', 'pid', 'process')")
            .getInt() == 3);
  store::Writer w(*db, no_rules());
  w.begin_run();  // the version 3 run, of no known owner, is left as it is
  CHECK(status_of(*db, 1) == "running");
}
