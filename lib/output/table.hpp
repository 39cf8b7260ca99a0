#pragma once
// Aligned text tables for the terminal: columns as wide as their widest cell, shrunk to fit a
// width (the flexible columns first), long cells cut on a character boundary with "…". Widths
// are display columns (utf8proc: a CJK character is 2, a combining mark 0), not bytes.

#include <string>
#include <string_view>
#include <vector>

namespace dossier::output {

enum class Align { kLeft, kRight };
// Whether a column gives up width first when the table is too wide (long free text).
enum class Flex { kFixed, kFlexible };

// Which end of a too-long cell gives way: the end of text, the start of a path (whose file name
// says most).
enum class Cut { kEnd, kStart };

struct Column {
  std::string header;
  Align align = Align::kLeft;
  Flex flex = Flex::kFixed;
  Cut cut = Cut::kEnd;
  // How strongly a flexible column keeps its width: one of weight 3 ends up about three times as
  // wide as one of weight 1 when both must shrink (the free text over names and paths).
  int weight = 1;
};

// Whether headers are printed bold (ANSI); only on a terminal that wants colour.
enum class Color { kOff, kOn };

// The display width of UTF-8 text; an invalid byte counts 1.
int display_width(std::string_view s);

// `s` cut to at most `width` display columns, ending in "…" when it was cut; never splits a
// UTF-8 character.
std::string truncate_to_width(std::string_view s, int width);

// `s` cut to at most `width` display columns from the left, starting with "…" when it was cut.
std::string truncate_start_to_width(std::string_view s, int width);

// `s` on one line: newlines, tabs and other control characters as spaces.
std::string one_line(std::string_view s);

// The table, one line per row after a header line, each line ending in '\n', at most `width`
// display columns wide when the columns can shrink that far.
std::string render_table(const std::vector<Column>& columns,
                         const std::vector<std::vector<std::string>>& rows, int width,
                         Color color = Color::kOff);

}  // namespace dossier::output
