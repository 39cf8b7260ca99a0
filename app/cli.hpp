#pragma once
// Each file app/cli_*.cpp registers one group of subcommands on the CLI11 app. Handlers fill a
// plain Options struct and call lib/; the exit code they return is stored in `exit_code`.

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace dossier::app {

struct Context {
  int exit_code = 0;
  bool stderr_tty = false;
};

// Adds `--name VALUE` that may be given again for more values (one value each time, so that a
// positional argument after it is not taken as another).
inline CLI::Option* add_repeated_option(CLI::App* cmd, const std::string& name,
                                        std::vector<std::string>& values, const std::string& help,
                                        const std::string& type_name) {
  return cmd->add_option(name, values, help)->type_name(type_name)->allow_extra_args(false);
}

void add_pipeline_commands(CLI::App& app, Context& ctx);  // ingest, extract
void add_rules_commands(CLI::App& app, Context& ctx);     // rules check
void add_query_commands(CLI::App& app, Context& ctx);     // search, timeline, entities, actions, stats

}  // namespace dossier::app
