#pragma once
// Documents from JSON lines on stdin: {"id","text","date","title","source"}, only "text"
// required. A line that is not such an object is a failure value, named "stdin:LINE".

#include <istream>
#include <optional>
#include <string>

namespace dossier::source {

struct JsonlRecord {
  std::size_t line = 0;
  std::string id;  // "stdin:LINE" when the record has none
  std::string text;
  std::string date;
  std::string title;
  std::string source;
  std::string error;  // set when the line is not a usable record
};

// A non-blank line of input and its number (from 1).
struct JsonlLine {
  std::size_t line = 0;
  std::string text;
};

// Reads the next non-blank line; nullopt at end of input.
std::optional<JsonlLine> next_line(std::istream& in, std::size_t& line_no);

// Parses line `line_no` into a record.
JsonlRecord parse_record(const std::string& line, std::size_t line_no);

}  // namespace dossier::source
