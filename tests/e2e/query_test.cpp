// End to end: the reading commands on the ingested sample articles, as text and as --json, and
// the database read by other tools (its views, sqlite-utils).

#include <SQLiteCpp/Database.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

#include "lib/output/table.hpp"
#include "tests/support/ndjson_lines.hpp"
#include "tests/support/run_binary.hpp"

using namespace dossier::testing;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

// The samples ingested once (paths in/000_….txt, in/001_….txt) for every test here.
const TempDir& samples_db() {
  static TempDir t;
  static bool done = false;
  if (!done) {
    fs::create_directories(t.path() / "in");
    for (const auto& e : fs::directory_iterator(source_dir() / "data" / "samples"))
      fs::copy_file(e.path(), t.path() / "in" / e.path().filename());
    RunResult r = run_dossier({"ingest", "in", "--db", "d.sqlite", "--dct", "2024-11-21", "-q"}, "",
                              t.path());
    REQUIRE(r.exit_code == 0);
    done = true;
  }
  return t;
}

RunResult ask(std::vector<std::string> args) {
  const TempDir& t = samples_db();
  args.push_back("--db");
  args.push_back("d.sqlite");
  return run_dossier(args, "", t.path());
}

const std::string kDoc0 = "in/000_2a1c51f0c11a7e85.txt";
const std::string kDoc1 = "in/001_631a60871432d60d.txt";

}  // namespace

TEST_CASE("timeline --actor APT29 lists Midnight Blizzard's events oldest first", "[e2e][query]") {
  RunResult r = ask({"timeline", "--actor", "APT29", "--json"});
  REQUIRE(r.exit_code == 0);
  auto events = ndjson_lines(r.out);
  REQUIRE(events.size() == 3);
  // "late November 2023" (000 line 4), "In January" (000 line 3), "the January attack" (001 line
  // 10).
  CHECK(events[0]["date"] == "2023-11");
  CHECK(events[0]["date_text"] == "late November 2023");
  CHECK(events[0]["path"] == kDoc0);
  CHECK(events[0]["line"] == 4);
  CHECK(events[1]["date"] == "2024-01");
  CHECK(events[1]["path"] == kDoc0);
  CHECK(events[2]["date"] == "2024-01");
  CHECK(events[2]["path"] == kDoc1);
  CHECK(events[2]["line"] == 10);
  CHECK(events[2]["text"] ==
        "The US and UK governments have attributed the January attack to a group of hackers "
        "tracked as Midnight Blizzard that works for Russia\xE2\x80\x99s SVR intelligence agency.");
  for (const auto& e : events) {
    CHECK(e["event"] == "mention");
    CHECK(e["entities"][0] == "Midnight Blizzard");
  }
  // Keys in a stable order, for scripts.
  CHECK(r.out.rfind("{\"date\":\"2023-11\",\"precision\":\"month\",\"event\":\"mention\",", 0) ==
        0);
}

TEST_CASE("timeline resolves any alias, in any case, to the same actor", "[e2e][query]") {
  std::string apt29 = ask({"timeline", "--actor", "APT29", "--json"}).out;
  CHECK(ask({"timeline", "--actor", "cozy bear", "--json"}).out == apt29);
  CHECK(ask({"timeline", "--actor", "Midnight Blizzard", "--json"}).out == apt29);
}

TEST_CASE("timeline of a name the database does not know is exit 1 with a message",
          "[e2e][query]") {
  RunResult r = ask({"timeline", "--actor", "Fancy Nobody"});
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  CHECK(r.err ==
        "dossier: no threat actor named \"Fancy Nobody\" in the database (see `dossier entities "
        "--kind threat_actor`)\n");
}

TEST_CASE("timeline --regulator shows the regulator's dated actions", "[e2e][query]") {
  RunResult r = ask({"timeline", "--regulator", "ICO", "--json"});
  REQUIRE(r.exit_code == 0);
  auto events = ndjson_lines(r.out);
  bool breach_report = false;
  for (const auto& e : events) {
    if (e["event"] == "regulator_action" && e["action"] == "breach_report" && e["path"] == kDoc1) {
      breach_report = true;
      CHECK(e["date"] == "2024-05-02");
      CHECK(e["entities"] == json::array({"Information Commissioner's Office", "Home Office"}));
    }
  }
  CHECK(breach_report);
}

TEST_CASE("timeline as text: a header, aligned rows, no colour off a terminal", "[e2e][query]") {
  setenv("COLUMNS", "80", 1);
  RunResult r = ask({"timeline", "--actor", "APT29"});
  unsetenv("COLUMNS");
  REQUIRE(r.exit_code == 0);
  std::istringstream in(r.out);
  std::vector<std::string> lines;
  for (std::string l; std::getline(in, l);) lines.push_back(l);
  REQUIRE(lines.size() == 4);
  CHECK(lines[0].rfind("date     event    who           what", 0) == 0);
  CHECK(lines[1].rfind("2023-11  mention  Midnight Bl\xE2\x80\xA6  Microsoft also announced", 0) ==
        0);
  CHECK(lines[3].substr(lines[3].size() - 11) == "d60d.txt:10");
  for (const auto& l : lines) CHECK(dossier::output::display_width(l) <= 80);
  CHECK(r.out.find('\x1b') == std::string::npos);
}

TEST_CASE("actions --regulator ICO includes no_further_action", "[e2e][query]") {
  RunResult r = ask({"actions", "--regulator", "ICO", "--json"});
  REQUIRE(r.exit_code == 0);
  auto rows = ndjson_lines(r.out);
  bool nfa = false;
  for (const auto& a : rows) {
    CHECK(a["regulator"] == "Information Commissioner's Office");
    if (a["action"] == "no_further_action") {
      nfa = true;
      CHECK(a["text"] ==
            "The ICO said it was aware of the incident and had decided no further action was "
            "required.");
      CHECK(a["date"].is_null());
      CHECK(a["negated"] == false);
    }
  }
  CHECK(nfa);
  // A curly apostrophe names the same regulator.
  CHECK(ask({"actions", "--regulator", "Information Commissioner\xE2\x80\x99s Office", "--json"})
            .out == r.out);
}

TEST_CASE("actions: dated first, in date order; --action filters; a bad kind is exit 1",
          "[e2e][query]") {
  auto rows = ndjson_lines(ask({"actions", "--json"}).out);
  REQUIRE(rows.size() >= 2);
  bool undated_seen = false;
  for (const auto& a : rows) {
    if (a["date"].is_null())
      undated_seen = true;
    else
      CHECK_FALSE(undated_seen);
  }
  auto nfa = ndjson_lines(ask({"actions", "--action", "no_further_action", "--json"}).out);
  REQUIRE(nfa.size() == 1);
  CHECK(nfa[0]["path"] == kDoc1);
  RunResult bad = ask({"actions", "--action", "spanking"});
  CHECK(bad.exit_code == 1);
  CHECK(bad.err.rfind("dossier: --action spanking: not an action kind; one of: breach_report, ",
                      0) == 0);
}

TEST_CASE("entities --kind threat_actor counts mentions and documents", "[e2e][query]") {
  RunResult r = ask({"entities", "--kind", "threat_actor", "--json"});
  REQUIRE(r.exit_code == 0);
  auto rows = ndjson_lines(r.out);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0]["name"] == "Midnight Blizzard");
  CHECK(rows[0]["kind"] == "threat_actor");
  CHECK(rows[0]["country"] == "RU");
  CHECK(rows[0]["mentions"] == 3);
  CHECK(rows[0]["documents"] == 2);
  RunResult text = ask({"entities", "--kind", "threat_actor"});
  CHECK(text.out ==
        "kind          name               category  country  mentions  documents\n"
        "threat_actor  Midnight Blizzard            RU              3          2\n");
  CHECK(ask({"entities", "--kind", "people"}).exit_code == 1);
}

TEST_CASE("stats counts the tables and shows the last run", "[e2e][query]") {
  RunResult r = ask({"stats", "--json"});
  REQUIRE(r.exit_code == 0);
  auto s = json::parse(r.out);
  CHECK(s["tables"]["documents"] == 2);
  CHECK(s["tables"]["runs"] == 1);
  CHECK(s["tables"]["failures"] == 0);
  CHECK(s["runs"][0]["status"] == "ok");
  CHECK(s["failures"] == json::array());
  RunResult text = ask({"stats"});
  CHECK(text.out.rfind("table              rows\ndocuments             2\n", 0) == 0);
  CHECK(text.out.find("No failures in run 1.") != std::string::npos);
}

TEST_CASE("search finds documents with a snippet of the match", "[e2e][query]") {
  RunResult r = ask({"search", "Blizzard", "--json"});
  REQUIRE(r.exit_code == 0);
  auto hits = ndjson_lines(r.out);
  REQUIRE(hits.size() == 2);
  for (const auto& h : hits) {
    CHECK(h["snippet"].get<std::string>().find("Midnight Blizzard") != std::string::npos);
  }
  CHECK(ndjson_lines(ask({"search", "Blizzard", "--limit", "1", "--json"}).out).size() == 1);
  RunResult text = ask({"search", "\"no further action\""});
  CHECK(text.out.rfind(kDoc1 + "  Russian hackers accessed", 0) == 0);
  CHECK(text.out.find("decided no further action was required") != std::string::npos);
}

TEST_CASE("a search query FTS5 cannot parse is exit 1 with a message", "[e2e][query]") {
  RunResult r = ask({"search", "Bliz\""});
  CHECK(r.exit_code == 1);
  CHECK(r.err.rfind("dossier: search: cannot run the query \"Bliz\\\"\": ", 0) == 0);
}

TEST_CASE("reading a database that does not exist is exit 1 and creates nothing", "[e2e][query]") {
  TempDir t;
  RunResult r = run_dossier({"stats", "--db", "none.sqlite"}, "", t.path());
  CHECK(r.exit_code == 1);
  CHECK(r.err == "dossier: none.sqlite: no such database (run `dossier ingest` first)\n");
  CHECK_FALSE(fs::exists(t.path() / "none.sqlite"));
}

TEST_CASE("the database's views answer without dossier", "[e2e][query][store]") {
  SQLite::Database db((samples_db().path() / "d.sqlite").string(), SQLite::OPEN_READONLY);
  CHECK(db.execAndGet("SELECT count(*) FROM actor_timeline WHERE entity = 'Midnight Blizzard'")
            .getInt() == 3);
  CHECK(db.execAndGet("SELECT count(*) FROM regulator_actions_named WHERE regulator = "
                      "'Information Commissioner''s Office' AND action = 'no_further_action'")
            .getInt() == 1);
  CHECK(db.execAndGet("SELECT mentions FROM entity_documents WHERE entity = 'Midnight Blizzard' "
                      "AND path = '" +
                      kDoc1 + "'")
            .getInt() == 1);
  CHECK(db.execAndGet("SELECT count(*) FROM action_kinds WHERE name = 'fine'").getInt() == 1);
  SQLite::Statement fk(db, "PRAGMA foreign_key_check");
  CHECK_FALSE(fk.executeStep());
}

TEST_CASE("sqlite-utils finds the full-text index and searches it", "[e2e][query][store]") {
  if (std::system("command -v sqlite-utils >/dev/null 2>&1") != 0) {
    WARN("SKIP: sqlite-utils is not installed (Debian package sqlite-utils)");
    return;
  }
  std::string cmd = "sqlite-utils search '" + (samples_db().path() / "d.sqlite").string() +
                    "' documents Blizzard --csv -c path 2>&1";
  std::string out;
  if (FILE* p = popen(cmd.c_str(), "r")) {
    char buf[4096];
    for (std::size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
    CHECK(pclose(p) == 0);
  }
  CHECK(out.find(kDoc0) != std::string::npos);
  CHECK(out.find(kDoc1) != std::string::npos);
}

TEST_CASE("page furniture is left out of entities and timeline unless --all", "[e2e][query]") {
  auto names = [](const std::string& out) {
    std::vector<std::string> v;
    for (const auto& e : ndjson_lines(out)) v.push_back(e["name"]);
    return v;
  };
  // "Welcome to Silicon In Focus Podcast: Tech in 2025!" is a teaser line under the article.
  auto plain = names(ask({"entities", "--json"}).out);
  auto all = names(ask({"entities", "--json", "--all"}).out);
  CHECK(std::find(plain.begin(), plain.end(), "Silicon UK") == plain.end());
  CHECK(std::find(all.begin(), all.end(), "Silicon UK") != all.end());
  CHECK(ask({"timeline", "--json"}).out.find("Tech in 2025") == std::string::npos);
  CHECK(ask({"timeline", "--json", "--all"}).out.find("Tech in 2025") != std::string::npos);
}
