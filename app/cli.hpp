#pragma once
// Each file app/cli_*.cpp registers one group of subcommands on the CLI11 app. Handlers fill a
// plain Options struct and call lib/; the exit code they return is stored in `exit_code`.

#include <CLI/CLI.hpp>

namespace dossier::app {

struct Context {
  int exit_code = 0;
  bool stderr_tty = false;
};

void add_pipeline_commands(CLI::App& app, Context& ctx);  // ingest, extract
void add_rules_commands(CLI::App& app, Context& ctx);     // rules check
void add_query_commands(CLI::App& app, Context& ctx);     // search, timeline, entities, actions, stats

}  // namespace dossier::app
