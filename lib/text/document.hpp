#pragma once
// A decoded document: the UTF-8 text every offset points into, and what is known about it.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::text {

// A half-open byte range [start, end) into Document::text.
struct Span {
  std::size_t start = 0;
  std::size_t end = 0;
  std::size_t size() const { return end - start; }
  bool contains(std::size_t pos) const { return pos >= start && pos < end; }
  bool overlaps(Span o) const { return start < o.end && o.start < end; }
  bool operator==(const Span&) const = default;
};

// Maps byte offsets to 1-based line numbers. Lines end at '\n' (a CRLF's '\r' stays in the line).
class LineIndex {
 public:
  LineIndex() = default;
  explicit LineIndex(std::string_view text);
  // 1-based line of the byte at `offset` (offset == text size gives the last line).
  int line_of(std::size_t offset) const;
  // The byte span of 1-based line `line`, without its '\n'.
  Span line_span(int line) const;
  int line_count() const { return static_cast<int>(starts_.size()); }

 private:
  std::vector<std::size_t> starts_;
  std::size_t size_ = 0;
};

// Where the document creation date came from (PRODUCT.md, Dates).
enum class DctSource { kFlag, kHeader, kFilename, kInput, kInferred, kNone };
std::string_view to_string(DctSource s);

struct Document {
  std::string id;        // the JSONL id, else the path
  std::string path;      // as given or walked; empty for stdin/JSONL input without one
  std::string sha256;    // of the raw bytes as read
  std::uint64_t bytes = 0;  // raw size in bytes
  std::string title;
  std::string encoding;  // "utf-8", "utf-8-bom", "windows-1252", "utf-16le", "utf-16be", "utf-8 (repaired)"
  std::string text;      // decoded UTF-8; every extraction offset points into this
  std::string dct;       // YYYY-MM-DD, or empty when unknown
  DctSource dct_source = DctSource::kNone;
  std::string source;    // the JSONL "source" field, if any
  std::string input_date;  // the JSONL "date" field, if any: last in the DCT chain
  std::vector<std::string> warnings;
  LineIndex lines;
  // Lines (as spans) that are page furniture, sorted; filled by text::find_boilerplate.
  std::vector<Span> boilerplate;

  bool in_boilerplate(Span s) const;
};

}  // namespace dossier::text
