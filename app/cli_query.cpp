#include <cstdio>
#include <string>

#include "app/cli.hpp"
#include "lib/output/table_results.hpp"
#include "lib/store/database.hpp"
#include "lib/store/queries.hpp"

namespace dossier::app {
namespace {

// What every reading command takes.
struct ReadOptions {
  std::string db = "dossier.sqlite";
  bool json = false;
  bool all = false;  // include boilerplate (page furniture)
};

void add_read_options(CLI::App* cmd, ReadOptions& o, bool boilerplate_flag) {
  cmd->add_option("--db", o.db, "database file (default ./dossier.sqlite)")->type_name("FILE");
  cmd->add_flag("--json", o.json, "one JSON object per line (NDJSON)");
  if (boilerplate_flag)
    cmd->add_flag("--all", o.all, "include extractions from page furniture (boilerplate)");
}

store::Boilerplate boilerplate(const ReadOptions& o) {
  return o.all ? store::Boilerplate::kInclude : store::Boilerplate::kExclude;
}

// Opens the database read-only; Fatal (exit 1) when it is missing or not a dossier database.
auto open(const ReadOptions& o) { return store::open_database(o.db, store::OpenMode::kReadOnly); }

void print(const std::string& s) { std::fwrite(s.data(), 1, s.size(), stdout); }

// Runs `cmd` as every reading command runs: open the database read-only, ask it (`ask(db)`), print
// the answer as NDJSON (`json(rows)`) with --json, else as a table (`text(rows, terminal)`).
template <typename Ask, typename ToJson, typename ToText>
void on_run(CLI::App* cmd, Context& ctx, const ReadOptions& o, Ask ask, ToJson json, ToText text) {
  cmd->callback([&ctx, &o, ask, json, text] {
    auto db = open(o);
    auto rows = ask(*db);
    print(o.json ? json(rows) : text(rows, output::stdout_terminal()));
    ctx.exit_code = 0;
  });
}

}  // namespace

void add_query_commands(CLI::App& app, Context& ctx) {
  static ReadOptions search_opts;
  static std::string query;
  static int limit = 20;
  CLI::App* se = app.add_subcommand("search", "full-text search (FTS5 syntax) with snippets");
  se->add_option("query", query, "FTS5 query: words, \"a phrase\", AND/OR/NOT, prefix*")
      ->required()
      ->type_name("QUERY");
  se->add_option("--limit", limit, "at most this many documents (default 20)")
      ->check(CLI::PositiveNumber);
  add_read_options(se, search_opts, false);
  auto ask_search = [](SQLite::Database& db) {
    auto hits = store::search(db, query, limit);
    if (long long waiting = store::search_pending(db))
      std::fprintf(stderr,
                   "dossier: %lld documents are not in the search index yet (a run was "
                   "interrupted); the next `dossier ingest` adds them\n",
                   waiting);
    return hits;
  };
  on_run(se, ctx, search_opts, ask_search, output::search_json, output::search_text);

  static ReadOptions timeline_opts;
  static store::TimelineFilter timeline_filter;
  CLI::App* tl = app.add_subcommand(
      "timeline", "dated events across documents, oldest first (aliases resolve)");
  add_repeated_option(tl, "--actor", timeline_filter.actors, "a threat actor, by any alias",
                      "NAME");
  add_repeated_option(tl, "--org", timeline_filter.orgs, "an organisation, by name or alias",
                      "NAME");
  add_repeated_option(tl, "--regulator", timeline_filter.regulators,
                      "a regulator, by name or alias", "NAME");
  add_read_options(tl, timeline_opts, true);
  auto ask_timeline = [](SQLite::Database& db) {
    timeline_filter.boilerplate = boilerplate(timeline_opts);
    return store::timeline(db, timeline_filter);
  };
  on_run(tl, ctx, timeline_opts, ask_timeline, output::timeline_json, output::timeline_text);

  static ReadOptions entities_opts;
  static std::string kind;
  CLI::App* en = app.add_subcommand("entities", "entities with mention and document counts");
  en->add_option("--kind", kind, "organisation or threat_actor")
      ->check(CLI::IsMember({"organisation", "threat_actor"}));
  add_read_options(en, entities_opts, true);
  auto ask_entities = [](SQLite::Database& db) {
    return store::entities(db, kind, boilerplate(entities_opts));
  };
  on_run(en, ctx, entities_opts, ask_entities, output::entities_json, output::entities_text);

  static ReadOptions actions_opts;
  static store::ActionFilter action_filter;
  CLI::App* ac = app.add_subcommand("actions", "regulator actions");
  ac->add_option("--regulator", action_filter.regulator, "a regulator, by name or alias")
      ->type_name("NAME");
  ac->add_option("--action", action_filter.action, "fine, reprimand, warning, order, ...")
      ->type_name("KIND");
  add_read_options(ac, actions_opts, true);
  auto ask_actions = [](SQLite::Database& db) {
    action_filter.boilerplate = boilerplate(actions_opts);
    return store::actions(db, action_filter);
  };
  on_run(ac, ctx, actions_opts, ask_actions, output::actions_json, output::actions_text);

  static ReadOptions stats_opts;
  CLI::App* st = app.add_subcommand("stats", "counts per table, the last runs, their failures");
  add_read_options(st, stats_opts, false);
  auto ask_stats = [](SQLite::Database& db) { return store::stats(db); };
  on_run(st, ctx, stats_opts, ask_stats, output::stats_json, output::stats_text);
}

}  // namespace dossier::app
