// A first load into an empty database builds the secondary indexes of documents, mentions, dates
// and regulator_actions once, at its end (kLoadIndexes), rather than row by row; a run killed
// before its end leaves them missing, and the next read-write open builds them.
#include <fmt/format.h>

#include <catch2/catch.hpp>

#include <SQLiteCpp/Database.h>
#include <sqlite3.h>

#include <string>
#include <vector>

#include "lib/rules/rule_set.hpp"
#include "lib/store/database.hpp"
#include "lib/store/writer.hpp"
#include "tests/support/run_binary.hpp"
#include "tests/support/writer_fixture.hpp"

using namespace dossier;
using dossier::testing::no_rules;
using dossier::testing::stored_document;

namespace {

// One date, so that the dates table has a row to index.
extract::Extractions one_date() {
  extract::Extractions x;
  extract::DateMention d;
  d.text = "2024";
  d.span = {0, 4};
  d.line = 1;
  d.value = "2024";
  d.precision = "year";
  d.anchor = "absolute";
  d.rule = "test";
  x.dates.push_back(d);
  return x;
}

// The names of the secondary indexes of the tables an ingest fills, in name order.
std::vector<std::string> load_indexes(SQLite::Database& db) {
  SQLite::Statement q(db,
                      "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                      "AND tbl_name IN ('documents', 'mentions', 'dates', 'regulator_actions') "
                      "ORDER BY name");
  std::vector<std::string> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getString());
  return out;
}

const std::vector<std::string> kAll = {
    "dates_document_line",         "dates_precision",
    "dates_value",                 "documents_dct",
    "documents_known",             "documents_run_id",
    "mentions_document_line",
    "mentions_entity_id",          "regulator_actions_action",
    "regulator_actions_date",      "regulator_actions_document_id",
    "regulator_actions_regulator_id", "regulator_actions_target_id"};

}  // namespace

TEST_CASE("a new database has every secondary index", "[store][indexes]") {
  testing::TempDir t;
  auto db = store::open_database((t.path() / "d.sqlite").string(), store::OpenMode::kReadWrite);
  CHECK(load_indexes(*db) == kAll);
}

TEST_CASE("a first load drops the secondary indexes and builds them at its end",
          "[store][indexes]") {
  testing::TempDir t;
  auto db = store::open_database((t.path() / "d.sqlite").string(), store::OpenMode::kReadWrite);
  store::Writer w(*db, no_rules());
  w.begin_run();
  CHECK(load_indexes(*db).empty());
  w.write_document(stored_document("a.txt", "2024 was a year."), one_date(), 0);
  w.finish_run("ok", nlohmann::json::object());
  CHECK(load_indexes(*db) == kAll);
  CHECK(db->execAndGet("PRAGMA integrity_check").getString() == "ok");
  // The built index holds the rows loaded without it.
  CHECK(db->execAndGet("SELECT count(*) FROM dates INDEXED BY dates_value WHERE value = '2024'")
            .getInt() == 1);
}

TEST_CASE("an interrupted first load builds the secondary indexes too", "[store][indexes]") {
  testing::TempDir t;
  auto db = store::open_database((t.path() / "d.sqlite").string(), store::OpenMode::kReadWrite);
  store::Writer w(*db, no_rules());
  w.begin_run();
  w.write_document(stored_document("a.txt", "2024"), one_date(), 0);
  w.finish_run("interrupted", nlohmann::json::object());
  CHECK(load_indexes(*db) == kAll);
}

TEST_CASE("a first load killed before its end leaves indexes the next open builds",
          "[store][indexes]") {
  testing::TempDir t;
  std::string path = (t.path() / "d.sqlite").string();
  {
    auto db = store::open_database(path, store::OpenMode::kReadWrite);
    store::Writer w(*db, no_rules());
    w.begin_run();
    w.write_document(stored_document("a.txt", "2024"), one_date(), 0);
    w.maybe_commit(true);
    // Killed here: no finish_run.
  }
  {
    SQLite::Database raw(path, SQLite::OPEN_READONLY);
    CHECK(load_indexes(raw).empty());
    CHECK(raw.execAndGet("SELECT count(*) FROM dates").getInt() == 1);
  }
  auto db = store::open_database(path, store::OpenMode::kReadWrite);
  CHECK(load_indexes(*db) == kAll);
  CHECK(db->execAndGet("PRAGMA integrity_check").getString() == "ok");
}

TEST_CASE("a run into a database that has documents keeps its indexes", "[store][indexes]") {
  testing::TempDir t;
  auto db = store::open_database((t.path() / "d.sqlite").string(), store::OpenMode::kReadWrite);
  {
    store::Writer w(*db, no_rules());
    w.begin_run();
    w.write_document(stored_document("a.txt", "2024"), one_date(), 0);
    w.finish_run("ok", nlohmann::json::object());
  }
  store::Writer w(*db, no_rules());
  w.begin_run();
  CHECK(load_indexes(*db) == kAll);
  w.write_document(stored_document("b.txt", "2024"), one_date(), 0);
  w.finish_run("ok", nlohmann::json::object());
  CHECK(load_indexes(*db) == kAll);
  CHECK(db->execAndGet("PRAGMA integrity_check").getString() == "ok");
}

TEST_CASE("finish_run lets go of the rule set before it builds the indexes", "[store][indexes]") {
  // The rule set's RE2 DFA caches are most of a long run's memory; the indexing at the end of
  // the run was its peak while they were still held.
  testing::TempDir t;
  auto db = store::open_database((t.path() / "d.sqlite").string(), store::OpenMode::kReadWrite);
  rules::Diagnostics diags;
  std::shared_ptr<const rules::RuleSet> set = rules::RuleSet::load_texts({}, diags);
  std::weak_ptr<const rules::RuleSet> watch = set;
  store::Writer w(*db, std::move(set));
  w.begin_run();
  w.write_document(stored_document("a.txt", "2024 was a year."), one_date(), 0);
  CHECK_FALSE(watch.expired());
  w.finish_run("ok", nlohmann::json::object());
  CHECK(watch.expired());
  CHECK(load_indexes(*db) == kAll);
}

TEST_CASE("an open drops the indexes that (document_id, line) covers, and lookups use that one",
          "[store][indexes]") {
  testing::TempDir t;
  std::string path = (t.path() / "d.sqlite").string();
  {
    auto db = store::open_database(path, store::OpenMode::kReadWrite);
    // As earlier versions made them.
    db->exec("CREATE INDEX mentions_document_id ON mentions(document_id)");
    db->exec("CREATE INDEX dates_document_id ON dates(document_id)");
    CHECK(load_indexes(*db).size() == kAll.size() + 2);
  }
  auto db = store::open_database(path, store::OpenMode::kReadWrite);
  CHECK(load_indexes(*db) == kAll);
  for (const char* table : {"mentions", "dates"}) {
    SQLite::Statement plan(
        *db, fmt::format("EXPLAIN QUERY PLAN SELECT * FROM {} WHERE document_id = 1", table));
    REQUIRE(plan.executeStep());
    INFO(plan.getColumn(3).getString());
    CHECK(plan.getColumn(3).getString().find(fmt::format("USING INDEX {}_document_line", table)) !=
          std::string::npos);
  }
}

TEST_CASE("an unchanged file is looked up without reading its document's page",
          "[store][indexes]") {
  // Re-ingesting the 1 GB bench corpus unchanged read a 16 KB page of text per file.
  testing::TempDir t;
  std::string path = (t.path() / "d.sqlite").string();
  {
    auto db = store::open_database(path, store::OpenMode::kReadWrite);
    store::Writer w(*db, no_rules());
    w.begin_run();
    for (int i = 0; i < 40; ++i) {
      // A page each: 12 KB of text.
      w.write_document(stored_document(fmt::format("{}.txt", i), std::string(12000, 'a' + i % 26)),
                       {}, 7 + i);
      // In a first load, documents_known is dropped until the end; lookups still answer.
      CHECK(w.known_document(fmt::format("{}.txt", i)).has_value());
    }
    w.finish_run("ok", nlohmann::json::object());
  }
  auto db = store::open_database(path, store::OpenMode::kReadWrite);
  store::Writer w(*db, no_rules());
  w.begin_run();
  auto misses = [&] {
    int now = 0, high = 0;
    sqlite3_db_status(db->getHandle(), SQLITE_DBSTATUS_CACHE_MISS, &now, &high, 0);
    return now;
  };
  const int before = misses();
  {
    store::Writer::Lookups lookups(w);
    for (int i = 0; i < 40; ++i) {
      auto k = w.known_document(fmt::format("{}.txt", i));
      REQUIRE(k.has_value());
      CHECK(k->bytes == 12000);
      CHECK(k->mtime_ns == 7 + i);
      CHECK(k->same_rules);
    }
    CHECK_FALSE(w.known_document("missing.txt").has_value());
  }
  CHECK(misses() - before < 10);
  w.finish_run("ok", nlohmann::json::object());
}
