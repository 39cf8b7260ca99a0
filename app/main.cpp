// dossier: folders of news articles and FOI releases -> a SQLite database of dates,
// organisations, threat actors and regulator actions. See README.md and PRODUCT.md.

#include <unistd.h>

#include <cstdio>

#include "app/cli.hpp"
#include "lib/error.hpp"
#include "lib/version.hpp"

int main(int argc, char** argv) {
  using namespace dossier;
  CLI::App app{"dossier: dates, organisations, threat actors and regulator actions from text, "
               "into SQLite, each traceable to its bytes"};
  app.set_version_flag("--version", std::string("dossier ") + kVersion);
  app.require_subcommand(1);
  app.fallthrough();
  app::Context ctx;
  ctx.stderr_tty = isatty(STDERR_FILENO);
  app::add_pipeline_commands(app, ctx);
  app::add_rules_commands(app, ctx);
  app::add_query_commands(app, ctx);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : 1;
  } catch (const Fatal& e) {
    std::fprintf(stderr, "dossier: %s\n", e.what());
    return 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "dossier: internal error: %s\n", e.what());
    return 1;
  }
  return ctx.exit_code;
}
