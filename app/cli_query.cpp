#include "app/cli.hpp"

namespace dossier::app {

void add_query_commands(CLI::App& app, Context& ctx) {
  (void)app;
  (void)ctx;
}

}  // namespace dossier::app
