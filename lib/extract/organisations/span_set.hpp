#pragma once
// Spans already claimed by a mention, for "does this new span overlap any?" in O(log n):
// a document can hold hundreds of thousands of mentions (a 50 MB one-line file).

#include <iterator>
#include <set>

#include "lib/text/document.hpp"

namespace dossier::extract::organisations {

class SpanSet {
 public:
  // True when `s` overlaps a span in the set. The set's spans never overlap each other.
  bool overlaps(text::Span s) const {
    auto it = by_start_.lower_bound(text::Span{s.end, s.end});  // first span starting at/after s.end
    if (it == by_start_.begin()) return false;
    return std::prev(it)->end > s.start;
  }
  // Adds `s`; the caller has checked that it overlaps nothing.
  void insert(text::Span s) { by_start_.insert(s); }

 private:
  struct ByStart {
    bool operator()(text::Span a, text::Span b) const { return a.start < b.start; }
  };
  std::set<text::Span, ByStart> by_start_;
};

}  // namespace dossier::extract::organisations
