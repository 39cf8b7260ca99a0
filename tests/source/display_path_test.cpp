// display_path: one `path: reason` per stderr line whatever the file is called.

#include "lib/source/display_path.hpp"

#include <catch2/catch.hpp>

using dossier::source::display_path;

TEST_CASE("spaces and non-ASCII letters are shown as they are", "[source]") {
  CHECK(display_path("in/with space.txt") == "in/with space.txt");
  CHECK(display_path("in/na\xC3\xAFve r\xC3\xA9sum\xC3\xA9.txt") ==
        "in/na\xC3\xAFve r\xC3\xA9sum\xC3\xA9.txt");
  CHECK(display_path("in/\xE6\x96\x87\xE4\xBB\xB6.txt") == "in/\xE6\x96\x87\xE4\xBB\xB6.txt");
}

TEST_CASE("newlines, tabs and carriage returns get their C escapes", "[source]") {
  CHECK(display_path("in/new\nline.txt") == "in/new\\nline.txt");
  CHECK(display_path("a\tb\rc") == "a\\tb\\rc");
}

TEST_CASE("a backslash is doubled so an escape can be told from a real one", "[source]") {
  CHECK(display_path("in/a\\nb.txt") == "in/a\\\\nb.txt");
}

TEST_CASE("other control bytes, DEL, C1 controls and invalid UTF-8 are octal", "[source]") {
  CHECK(display_path("x\x1b[31my") == "x\\033[31my");
  CHECK(display_path("x\x7Fy") == "x\\177y");
  CHECK(display_path("x\xC2\x85y") == "x\\302\\205y");  // U+0085 NEXT LINE
  CHECK(display_path("caf\xE9.txt") == "caf\\351.txt");
}
