#pragma once
// What the terminal on stdout can show: its width and whether to colour.

namespace dossier::output {

struct Terminal {
  int width = 100;     // display columns
  bool color = false;  // ANSI bold/colour allowed
};

// stdout's terminal: width from TIOCGWINSZ, else $COLUMNS, else 100; colour only when stdout is
// a terminal and NO_COLOR is unset or empty (https://no-color.org).
Terminal stdout_terminal();

}  // namespace dossier::output
