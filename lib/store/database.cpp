#include "lib/store/database.hpp"

#include <SQLiteCpp/Transaction.h>
#include <sqlite3.h>
#include <fmt/format.h>

#include <filesystem>
#include <iterator>

#include "lib/error.hpp"
#include "lib/store/schema.hpp"

namespace dossier::store {
namespace {

bool has_table(SQLite::Database& db, const char* name) {
  SQLite::Statement q(db, "SELECT 1 FROM sqlite_master WHERE type='table' AND name=?");
  q.bind(1, name);
  return q.executeStep();
}

int table_count(SQLite::Database& db) {
  return db.execAndGet("SELECT count(*) FROM sqlite_master").getInt();
}

// The steps from version 1 (kSchema) to kSchemaVersion: what each removes of the version
// before it (nothing in a new database), then what it adds.
struct Step {
  int version;
  const char* remove;
  const char* add;
};
constexpr Step kSteps[] = {
    {2, kDropV1SearchTriggers, kSearchPending},
    {3, nullptr, kSearchStale},
    {4, nullptr, kRunOwner},
};
static_assert(std::size(kSteps) == kSchemaVersion - 1, "a step for each version after 1");

void migrate(SQLite::Database& db, const std::string& path) {
  int v = schema_version(db);
  if (v > kSchemaVersion) {
    throw Fatal(fmt::format(
        "{}: database schema version {} is newer than this dossier supports ({}); "
        "upgrade dossier or use another --db",
        path, v, kSchemaVersion));
  }
  if (v == 0) {
    // Two first runs at once: take the write lock, then look again (the other may have won).
    SQLite::Transaction t(db, SQLite::TransactionBehavior::IMMEDIATE);
    if (schema_version(db) != 0) return;
    if (table_count(db) > 0) {
      throw Fatal(fmt::format("{}: not a dossier database (it has other tables); use another --db",
                              path));
    }
    db.exec(kSchema);
    for (const Step& step : kSteps) db.exec(step.add);
    db.exec(fmt::format("PRAGMA user_version = {}", kSchemaVersion));
    t.commit();
    return;
  }
  // Each step in one transaction, looking again under the write lock (another run may have
  // migrated meanwhile).
  for (const Step& step : kSteps) {
    if (v >= step.version) continue;
    SQLite::Transaction t(db, SQLite::TransactionBehavior::IMMEDIATE);
    if (schema_version(db) < step.version) {
      if (step.remove) db.exec(step.remove);
      db.exec(step.add);
      db.exec(fmt::format("PRAGMA user_version = {}", step.version));
    }
    t.commit();
  }
}

// Process-wide SQLite settings, made once before the first connection opens.
// No memory statistics: with them every allocation SQLite makes takes a global mutex.
void configure_sqlite() {
  static const bool once = [] {
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return true;
  }();
  (void)once;
}

}  // namespace

int schema_version(SQLite::Database& db) {
  return db.execAndGet("PRAGMA user_version").getInt();
}

std::unique_ptr<SQLite::Database> open_database(const std::string& path, OpenMode mode) {
  configure_sqlite();
  std::unique_ptr<SQLite::Database> db;
  try {
    if (mode == OpenMode::kReadOnly) {
      if (!std::filesystem::exists(path)) {
        throw Fatal(fmt::format("{}: no such database (run `dossier ingest` first)", path));
      }
      db = std::make_unique<SQLite::Database>(path, SQLite::OPEN_READONLY | SQLITE_OPEN_NOMUTEX);
    } else {
      std::filesystem::path parent = std::filesystem::path(path).parent_path();
      if (!parent.empty() && !std::filesystem::is_directory(parent)) {
        throw Fatal(fmt::format("{}: cannot create database: folder {} does not exist", path,
                                parent.string()));
      }
      db = std::make_unique<SQLite::Database>(
          path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLITE_OPEN_NOMUTEX);
      // SQLite quietly opens a file it may not write read-only; say so before any work is done.
      if (sqlite3_db_readonly(db->getHandle(), "main") == 1) {
        throw Fatal(fmt::format("{}: database is read-only (check the file's and its folder's "
                                "permissions)", path));
      }
    }
    db->setBusyTimeout(30000);
    // Reading the schema both checks the file is a database and takes the version.
    int v = schema_version(*db);
    if (mode == OpenMode::kReadOnly) {
      if (v > kSchemaVersion) {
        throw Fatal(fmt::format(
            "{}: database schema version {} is newer than this dossier supports ({}); "
            "upgrade dossier",
            path, v, kSchemaVersion));
      }
      if (v == 0 || !has_table(*db, "documents")) {
        throw Fatal(fmt::format("{}: not a dossier database", path));
      }
    } else {
      // 16 KB pages (default 4 KB): fewer overflow pages for 2-20 KB articles; ingest of the
      // 100 MB bench corpus 9.8 -> 8.3 s wall, system time -40%. Set before the first table.
      db->exec("PRAGMA page_size = 16384");
      db->exec("PRAGMA journal_mode = WAL");
      db->exec("PRAGMA synchronous = NORMAL");
      migrate(*db, path);
      // Indexes a killed first load left missing (no work when they exist).
      db->exec(kLoadIndexes);
      db->exec(kDropCoveredIndexes);
    }
    db->exec("PRAGMA foreign_keys = ON");
    // 32 MB of page cache (default 2 MB): index pages stay in memory across a batch; ingest
    // CPU -10% on the bench corpus, peak RSS +35 MB.
    db->exec("PRAGMA cache_size = -32768");
    // A checkpoint every 8000 pages of WAL (125 MB; default 1000): a run's writer syncs the disk
    // less often, and pages written again meanwhile are copied once. The first ingest of the
    // 1 GB bench corpus (strace -T): 227 syncs blocked it 7.0 s, now 56 syncs 5.3 s.
    db->exec("PRAGMA wal_autocheckpoint = 8000");
  } catch (const SQLite::Exception& e) {
    throw Fatal(fmt::format("{}: cannot open database: {}", path, e.what()));
  }
  return db;
}

}  // namespace dossier::store
