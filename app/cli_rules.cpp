#include "app/cli.hpp"
#include "lib/pipeline/commands.hpp"

namespace dossier::app {

void add_rules_commands(CLI::App& app, Context& ctx) {
  CLI::App* rules = app.add_subcommand("rules", "work with rule files");
  rules->require_subcommand(1);
  static std::vector<std::string> dirs;
  static bool quiet = false;
  CLI::App* check = rules->add_subcommand(
      "check", "compile every rule and run its examples; errors as file:line:col");
  check->add_option("dir", dirs, "a rule directory (default: the built-in rules)")
      ->type_name("DIR");
  check->add_option("--rules", dirs, "more rule directories")->type_name("DIR");
  check->add_flag("-q,--quiet", quiet, "only the problems");
  check->callback([&ctx] { ctx.exit_code = pipeline::run_rules_check(dirs, quiet); });
}

}  // namespace dossier::app
