// The search index (documents_fts) is filled at the end of each run from search_pending: what a
// run writes becomes searchable when it finishes, a replaced or interrupted document never leaves
// the index inconsistent, and a version 1 database (indexed row by row) is migrated.
#include <catch2/catch.hpp>

#include <SQLiteCpp/Database.h>
#include <fmt/format.h>

#include "lib/rules/rule_set.hpp"
#include "lib/store/database.hpp"
#include "lib/store/queries.hpp"
#include "lib/store/schema.hpp"
#include "lib/store/writer.hpp"
#include "tests/support/run_binary.hpp"
#include "tests/support/writer_fixture.hpp"

using namespace dossier;
using dossier::testing::no_rules;
using dossier::testing::stored_document;

namespace {

// One run writing `docs`, closed with `status`.
void run(SQLite::Database& db, const std::vector<text::Document>& docs,
         const std::string& status = "ok") {
  store::Writer w(db, no_rules());
  w.begin_run();
  for (const auto& d : docs) w.write_document(d, {}, 0);
  w.finish_run(status, nlohmann::json::object());
}

long long hits(SQLite::Database& db, const std::string& query) {
  SQLite::Statement q(db, "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?");
  q.bind(1, query);
  q.executeStep();
  return q.getColumn(0).getInt64();
}

long long pending(SQLite::Database& db) {
  return db.execAndGet("SELECT count(*) FROM search_pending").getInt64();
}

// FTS5's own check that the index matches the documents it was given.
void check_index(SQLite::Database& db) {
  CHECK_NOTHROW(db.exec("INSERT INTO documents_fts(documents_fts) VALUES('integrity-check')"));
}

}  // namespace

TEST_CASE("documents are searchable when the run ends and none stays pending", "[store][search]") {
  testing::TempDir t;
  auto db = store::open_database((t.path() / "d.sqlite").string(), store::OpenMode::kReadWrite);
  run(*db, {stored_document("a.txt", "The regulator fined Acme."), stored_document("b.txt", "Nothing here.")});
  CHECK(hits(*db, "fined") == 1);
  CHECK(hits(*db, "nothing") == 1);
  CHECK(pending(*db) == 0);
  check_index(*db);
}

TEST_CASE("a long run indexes whole chunks of text as it goes; a remainder waits for the next",
          "[store][search]") {
  // A small chunk indexed after a large one cost FTS5 0.1-0.3 s of merging for a few documents.
  testing::TempDir t;
  auto db = store::open_database((t.path() / "d.sqlite").string(), store::OpenMode::kReadWrite);
  store::Writer w(*db, no_rules(), /*index_chunk_bytes=*/30);
  w.begin_run();
  w.write_document(stored_document("a.txt", "alpha is twenty bytes"), {}, 0);
  w.write_document(stored_document("b.txt", "bravo is twenty bytes"), {}, 0);
  w.write_document(stored_document("c.txt", "charlie twenty bytes"), {}, 0);
  w.maybe_commit(true);  // 62 bytes: one chunk of 42 (a, b), and c left
  CHECK(hits(*db, "alpha") == 1);
  CHECK(hits(*db, "bravo") == 1);
  CHECK(hits(*db, "charlie") == 0);
  CHECK(pending(*db) == 1);
  w.write_document(stored_document("d.txt", "delta is twenty bytes"), {}, 0);
  w.maybe_commit(true);  // c's 20 bytes count towards the next chunk: c and d
  CHECK(hits(*db, "charlie") == 1);
  CHECK(hits(*db, "delta") == 1);
  w.write_document(stored_document("e.txt", "echo"), {}, 0);
  w.finish_run("ok", nlohmann::json::object());
  CHECK(hits(*db, "echo") == 1);
  CHECK(pending(*db) == 0);
  check_index(*db);
}

TEST_CASE("a document replaced before it was indexed is indexed once, with its new text",
          "[store][search]") {
  testing::TempDir t;
  auto db = store::open_database((t.path() / "d.sqlite").string(), store::OpenMode::kReadWrite);
  run(*db, {stored_document("a.txt", "alpha version"), stored_document("a.txt", "bravo version")});
  CHECK(hits(*db, "alpha") == 0);
  CHECK(hits(*db, "bravo") == 1);
  CHECK(hits(*db, "version") == 1);
  check_index(*db);
}

TEST_CASE("an indexed document replaced by a later run leaves none of its old words",
          "[store][search]") {
  testing::TempDir t;
  auto db = store::open_database((t.path() / "d.sqlite").string(), store::OpenMode::kReadWrite);
  run(*db, {stored_document("a.txt", "alpha version")});
  run(*db, {stored_document("a.txt", "bravo version")});
  CHECK(hits(*db, "alpha") == 0);
  CHECK(hits(*db, "bravo") == 1);
  check_index(*db);
}

TEST_CASE("an interrupted run leaves its documents pending and the next run indexes them",
          "[store][search]") {
  testing::TempDir t;
  auto db = store::open_database((t.path() / "d.sqlite").string(), store::OpenMode::kReadWrite);
  run(*db, {stored_document("a.txt", "alpha")}, "interrupted");
  CHECK(hits(*db, "alpha") == 0);
  CHECK(pending(*db) == 1);
  run(*db, {});
  CHECK(hits(*db, "alpha") == 1);
  CHECK(pending(*db) == 0);
  check_index(*db);
}

TEST_CASE("a version 1 database, indexed row by row, is migrated and stays searchable",
          "[store][search]") {
  testing::TempDir t;
  std::string path = (t.path() / "d.sqlite").string();
  {
    auto db = store::open_database(path, store::OpenMode::kReadWrite);
    run(*db, {stored_document("a.txt", "alpha")});
    // Back to version 1: no search_pending, triggers that index on insert.
    db->exec(R"SQL(
      DROP TRIGGER documents_ai; DROP TRIGGER documents_ad; DROP TRIGGER documents_au;
      DROP TABLE search_pending; DROP TABLE search_stale;
      CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
        INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
      END;
      CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
        INSERT INTO documents_fts(documents_fts, rowid, title, text)
          VALUES ('delete', old.id, old.title, old.text);
      END;
      CREATE TRIGGER documents_au AFTER UPDATE OF title, text ON documents BEGIN
        INSERT INTO documents_fts(documents_fts, rowid, title, text)
          VALUES ('delete', old.id, old.title, old.text);
        INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
      END;
      PRAGMA user_version = 1;)SQL");
    db->exec(store::kUndoRunOwner);
  }
  auto db = store::open_database(path, store::OpenMode::kReadWrite);
  CHECK(store::schema_version(*db) == store::kSchemaVersion);
  CHECK(hits(*db, "alpha") == 1);
  run(*db, {stored_document("a.txt", "bravo"), stored_document("b.txt", "charlie")});
  CHECK(hits(*db, "alpha") == 0);
  CHECK(hits(*db, "bravo") == 1);
  CHECK(hits(*db, "charlie") == 1);
  check_index(*db);
}

TEST_CASE("a version 2 database, its old words removed by trigger, is migrated and stays searchable",
          "[store][search]") {
  testing::TempDir t;
  std::string path = (t.path() / "d.sqlite").string();
  {
    auto db = store::open_database(path, store::OpenMode::kReadWrite);
    run(*db, {stored_document("a.txt", "alpha")});
    // Back to version 2: no search_stale, and version 2's triggers (kSearchPending), which remove
    // old words from the index themselves. Nothing is pending after the run.
    db->exec("DROP TRIGGER documents_ai; DROP TRIGGER documents_ad; DROP TRIGGER documents_au; "
             "DROP TABLE search_stale; DROP TABLE search_pending;");
    db->exec(store::kSearchPending);
    db->exec(store::kUndoRunOwner);
    db->exec("PRAGMA user_version = 2");
  }
  auto db = store::open_database(path, store::OpenMode::kReadWrite);
  CHECK(store::schema_version(*db) == store::kSchemaVersion);
  CHECK(db->tableExists("search_stale"));
  run(*db, {stored_document("a.txt", "bravo")});
  CHECK(hits(*db, "alpha") == 0);
  CHECK(hits(*db, "bravo") == 1);
  check_index(*db);
}

TEST_CASE("replacing indexed documents leaves the search index untouched until the bulk indexing",
          "[store][search]") {
  // A trigger that wrote to FTS5 made each later statement of the batch flush FTS5's words to a
  // segment of its own: 1,170 one-document segments for 1,170 replaced documents.
  testing::TempDir t;
  auto db = store::open_database((t.path() / "d.sqlite").string(), store::OpenMode::kReadWrite);
  std::vector<text::Document> first;
  for (int i = 0; i < 50; ++i)
    first.push_back(stored_document(fmt::format("{}.txt", i), fmt::format("alpha{} old words", i)));
  run(*db, first);
  auto index_pages = [&] {
    return db->execAndGet("SELECT count(*) || ':' || total(length(block)) FROM documents_fts_data")
        .getString();
  };
  const std::string before = index_pages();
  store::Writer w(*db, no_rules());
  w.begin_run();
  for (int i = 0; i < 50; ++i)
    w.write_document(stored_document(fmt::format("{}.txt", i), fmt::format("bravo{} new words", i)),
                     {}, 0);
  w.maybe_commit(true);
  CHECK(index_pages() == before);
  w.finish_run("ok", nlohmann::json::object());
  CHECK(hits(*db, "old") == 0);
  CHECK(hits(*db, "alpha7") == 0);
  CHECK(hits(*db, "bravo7") == 1);
  CHECK(hits(*db, "new") == 50);
  check_index(*db);
}

TEST_CASE("a replaced document's old words wait in search_stale until the run ends, unsearchable",
          "[store][search]") {
  testing::TempDir t;
  auto db = store::open_database((t.path() / "d.sqlite").string(), store::OpenMode::kReadWrite);
  run(*db, {stored_document("a.txt", "alpha version")});
  run(*db, {stored_document("a.txt", "bravo version")}, "interrupted");
  CHECK(db->execAndGet("SELECT count(*) FROM search_stale").getInt64() == 1);
  CHECK(hits(*db, "alpha") == 1);  // still in the index, and
  CHECK(store::search(*db, "alpha", 10).empty());  // not found by dossier search
  CHECK(store::search(*db, "bravo", 10).empty());  // the new text is pending
  run(*db, {});
  CHECK(db->execAndGet("SELECT count(*) FROM search_stale").getInt64() == 0);
  CHECK(hits(*db, "alpha") == 0);
  CHECK(store::search(*db, "bravo", 10).size() == 1);
  check_index(*db);
}

TEST_CASE("a document deleted by hand leaves the index when the next run ends",
          "[store][search]") {
  testing::TempDir t;
  auto db = store::open_database((t.path() / "d.sqlite").string(), store::OpenMode::kReadWrite);
  run(*db, {stored_document("a.txt", "alpha"), stored_document("b.txt", "bravo")});
  db->exec("DELETE FROM documents WHERE path = 'a.txt'");
  run(*db, {});
  CHECK(hits(*db, "alpha") == 0);
  CHECK(hits(*db, "bravo") == 1);
  check_index(*db);
}

TEST_CASE("a new search index has 16 KB leaf pages and answers phrase queries",
          "[store][search]") {
  testing::TempDir t;
  auto db = store::open_database((t.path() / "d.sqlite").string(), store::OpenMode::kReadWrite);
  CHECK(db->execAndGet("SELECT v FROM documents_fts_config WHERE k = 'pgsz'").getInt() == 16000);
  std::vector<text::Document> docs;
  for (int i = 0; i < 200; ++i)
    docs.push_back(stored_document(fmt::format("d{}.txt", i),
                       fmt::format("Report {}: the regulator fined the company after a data "
                                   "breach; the breach of data was reported late.",
                                   i)));
  docs.push_back(stored_document("x.txt", "data and breach, never as a phrase"));
  run(*db, docs);
  CHECK(hits(*db, "\"data breach\"") == 200);
  CHECK(hits(*db, "data AND breach") == 201);
  CHECK(hits(*db, "\"fined the company\"") == 200);
  check_index(*db);
}

TEST_CASE("indexing a chunk leaves the search index's automerge and hashsize as it found them",
          "[store][search]") {
  testing::TempDir t;
  auto db = store::open_database((t.path() / "d.sqlite").string(), store::OpenMode::kReadWrite);
  auto setting = [&](const char* key) {
    SQLite::Statement q(*db, "SELECT v FROM documents_fts_config WHERE k = ?");
    q.bind(1, key);
    return q.executeStep() ? q.getColumn(0).getInt() : -1;
  };
  // Chunks of 80 bytes: 10 bytes or more of text is a bulk chunk (automerge off meanwhile,
  // and a larger hashsize).
  auto run_small_chunks = [&](const std::vector<text::Document>& docs) {
    store::Writer w(*db, no_rules(), /*index_chunk_bytes=*/80);
    w.begin_run();
    for (const auto& d : docs) w.write_document(d, {}, 0);
    w.finish_run("ok", nlohmann::json::object());
  };
  run_small_chunks({stored_document("a.txt", "alpha is a bulk chunk")});
  CHECK(setting("automerge") == 4);        // FTS5's defaults
  CHECK(setting("hashsize") == 1 << 20);
  db->exec("INSERT INTO documents_fts(documents_fts, rank) VALUES ('automerge', 8)");
  db->exec("INSERT INTO documents_fts(documents_fts, rank) VALUES ('hashsize', 3000000)");
  run_small_chunks({stored_document("b.txt", "bravo is a bulk chunk")});
  CHECK(setting("automerge") == 8);
  CHECK(setting("hashsize") == 3000000);
  run_small_chunks({stored_document("c.txt", "charlie")});  // under 10 bytes: left alone
  CHECK(setting("automerge") == 8);
  CHECK(setting("hashsize") == 3000000);
  CHECK(hits(*db, "bravo") == 1);
  CHECK(hits(*db, "charlie") == 1);
  check_index(*db);
}
