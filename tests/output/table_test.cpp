// Terminal tables: display widths, cuts on character boundaries, aligned columns that fit.

#include "lib/output/table.hpp"

#include <catch2/catch.hpp>

#include "lib/output/table_results.hpp"

using namespace dossier::output;

TEST_CASE("display width counts characters, wide ones twice", "[output][table]") {
  CHECK(display_width("na\xC3\xAFve") == 5);              // naïve
  CHECK(display_width("\xE6\x97\xA5\xE6\x9C\xAC") == 4);  // 日本
  CHECK(display_width("") == 0);
}

TEST_CASE("a long cell is cut with an ellipsis, never inside a character", "[output][table]") {
  CHECK(truncate_to_width("Midnight Blizzard", 8) == "Midnigh\xE2\x80\xA6");
  CHECK(truncate_to_width("Midnight Blizzard", 17) == "Midnight Blizzard");
  // ’ is 3 bytes: cut before it, not through it.
  CHECK(truncate_to_width("Commissioner\xE2\x80\x99s Office", 14) ==
        "Commissioner\xE2\x80\x99\xE2\x80\xA6");
  CHECK(truncate_to_width("Commissioner\xE2\x80\x99s Office", 13) == "Commissioner\xE2\x80\xA6");
  CHECK(truncate_to_width("\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E", 4) == "\xE6\x97\xA5\xE2\x80\xA6");
}

TEST_CASE("a path is cut at its start so the file name stays", "[output][table]") {
  CHECK(truncate_start_to_width("in/000_file.txt:4", 8) ==
        "\xE2\x80\xA6"
        "e.txt:4");
  CHECK(truncate_start_to_width("a.txt", 8) == "a.txt");
}

TEST_CASE("columns are aligned and the flexible one shrinks to fit", "[output][table]") {
  std::vector<Column> cols{{"date"}, {"n", Align::kRight}, {"text", Align::kLeft, Flex::kFlexible}};
  std::vector<std::vector<std::string>> rows{{"2024-01", "3", "short"},
                                             {"2023", "12", "a much longer line of text here"}};
  CHECK(render_table(cols, rows, 100) ==
        "date      n  text\n"
        "2024-01   3  short\n"
        "2023     12  a much longer line of text here\n");
  CHECK(render_table(cols, rows, 30) ==
        "date      n  text\n"
        "2024-01   3  short\n"
        "2023     12  a much longer li\xE2\x80\xA6\n");
}

TEST_CASE("control characters in a cell become spaces", "[output][table]") {
  CHECK(one_line("a\nb\tc") == "a b c");
}

TEST_CASE("search matches are bold red on a terminal and unmarked elsewhere", "[output][table]") {
  CHECK(highlight("Midnight \x01"
                  "Blizzard\x02 hit",
                  true) == "Midnight \x1b[1;31mBlizzard\x1b[0m hit");
  CHECK(highlight("Midnight \x01"
                  "Blizzard\x02\nhit",
                  false) == "Midnight Blizzard hit");
}
