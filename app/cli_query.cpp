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
  se->callback([&ctx] {
    auto db = open(search_opts);
    auto hits = store::search(*db, query, limit);
    if (long long waiting = store::search_pending(*db))
      std::fprintf(stderr,
                   "dossier: %lld documents are not in the search index yet (a run was "
                   "interrupted); the next `dossier ingest` adds them\n",
                   waiting);
    print(search_opts.json ? output::search_json(hits)
                           : output::search_text(hits, output::stdout_terminal()));
    ctx.exit_code = 0;
  });

  static ReadOptions timeline_opts;
  static store::TimelineFilter timeline_filter;
  CLI::App* tl = app.add_subcommand(
      "timeline", "dated events across documents, oldest first (aliases resolve)");
  tl->add_option("--actor", timeline_filter.actors, "a threat actor, by any alias")
      ->type_name("NAME")
      ->allow_extra_args(false);
  tl->add_option("--org", timeline_filter.orgs, "an organisation, by name or alias")
      ->type_name("NAME")
      ->allow_extra_args(false);
  tl->add_option("--regulator", timeline_filter.regulators, "a regulator, by name or alias")
      ->type_name("NAME")
      ->allow_extra_args(false);
  add_read_options(tl, timeline_opts, true);
  tl->callback([&ctx] {
    auto db = open(timeline_opts);
    timeline_filter.boilerplate = boilerplate(timeline_opts);
    auto events = store::timeline(*db, timeline_filter);
    print(timeline_opts.json ? output::timeline_json(events)
                             : output::timeline_text(events, output::stdout_terminal()));
    ctx.exit_code = 0;
  });

  static ReadOptions entities_opts;
  static std::string kind;
  CLI::App* en = app.add_subcommand("entities", "entities with mention and document counts");
  en->add_option("--kind", kind, "organisation or threat_actor")
      ->check(CLI::IsMember({"organisation", "threat_actor"}));
  add_read_options(en, entities_opts, true);
  en->callback([&ctx] {
    auto db = open(entities_opts);
    auto rows = store::entities(*db, kind, boilerplate(entities_opts));
    print(entities_opts.json ? output::entities_json(rows)
                             : output::entities_text(rows, output::stdout_terminal()));
    ctx.exit_code = 0;
  });

  static ReadOptions actions_opts;
  static store::ActionFilter action_filter;
  CLI::App* ac = app.add_subcommand("actions", "regulator actions");
  ac->add_option("--regulator", action_filter.regulator, "a regulator, by name or alias")
      ->type_name("NAME");
  ac->add_option("--action", action_filter.action, "fine, reprimand, warning, order, ...")
      ->type_name("KIND");
  add_read_options(ac, actions_opts, true);
  ac->callback([&ctx] {
    auto db = open(actions_opts);
    action_filter.boilerplate = boilerplate(actions_opts);
    auto rows = store::actions(*db, action_filter);
    print(actions_opts.json ? output::actions_json(rows)
                            : output::actions_text(rows, output::stdout_terminal()));
    ctx.exit_code = 0;
  });

  static ReadOptions stats_opts;
  CLI::App* st = app.add_subcommand("stats", "counts per table, the last runs, their failures");
  add_read_options(st, stats_opts, false);
  st->callback([&ctx] {
    auto db = open(stats_opts);
    auto s = store::stats(*db);
    print(stats_opts.json ? output::stats_json(s)
                          : output::stats_text(s, output::stdout_terminal()));
    ctx.exit_code = 0;
  });
}

}  // namespace dossier::app
