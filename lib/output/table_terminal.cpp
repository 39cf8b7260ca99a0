#include "lib/output/table_terminal.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>

namespace dossier::output {

Terminal stdout_terminal() {
  Terminal t;
  bool tty = isatty(STDOUT_FILENO);
  struct winsize ws {};
  if (tty && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) {
    t.width = ws.ws_col;
  } else if (const char* c = std::getenv("COLUMNS")) {
    int w = std::atoi(c);
    if (w > 0) t.width = w;
  }
  const char* no_color = std::getenv("NO_COLOR");
  t.color = tty && (no_color == nullptr || *no_color == '\0');
  return t;
}

}  // namespace dossier::output
