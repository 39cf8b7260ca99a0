#include "lib/text/document.hpp"

#include <algorithm>

namespace dossier::text {

LineIndex::LineIndex(std::string_view text) : size_(text.size()) {
  starts_.push_back(0);
  for (std::size_t i = text.find('\n'); i != std::string_view::npos; i = text.find('\n', i + 1))
    starts_.push_back(i + 1);
}

int LineIndex::line_of(std::size_t offset) const {
  if (starts_.empty()) return 1;
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  return static_cast<int>(it - starts_.begin());
}

Span LineIndex::line_span(int line) const {
  if (line < 1 || line > line_count()) return {};
  std::size_t start = starts_[line - 1];
  std::size_t end = line < line_count() ? starts_[line] - 1 : size_;
  return {start, end};
}

std::string_view to_string(DctSource s) {
  switch (s) {
    case DctSource::kFlag: return "flag";
    case DctSource::kHeader: return "header";
    case DctSource::kFilename: return "filename";
    case DctSource::kInput: return "input";
    case DctSource::kInferred: return "inferred";
    case DctSource::kNone: return "none";
  }
  return "none";
}

bool Document::in_boilerplate(Span s) const {
  auto it = std::upper_bound(boilerplate.begin(), boilerplate.end(), s.start,
                             [](std::size_t pos, const Span& b) { return pos < b.start; });
  if (it == boilerplate.begin()) return false;
  --it;
  return s.start >= it->start && s.start < it->end;
}

}  // namespace dossier::text
