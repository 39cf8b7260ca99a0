#pragma once
// Finds where any of many patterns match in a text, fast: one capture-free alternation
// (factored_alternation.hpp: what the patterns share written once) scanned leftmost-longest by
// RE2's DFA, then, only on each hit span, an anchored RE2::Set to learn
// which patterns match the whole span and one capturing match for the named groups.
// (PERF-NOTES.md: capture groups in the scanning pattern cost 30x.)
//
// Immutable after compile(); scan() is safe to call from many threads at once, which may each
// scan with a copy of the compiled programs (set_replica_slots()), made when first used.

#include <array>
#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "lib/text/document.hpp"

namespace re2 {
class RE2;
class Set;
}  // namespace re2

namespace dossier::rules {

struct Group {
  std::string_view name;  // points into the scanner; lives as long as it
  text::Span span;
};

struct Hit {
  int pattern = -1;  // index of the pattern (in add() order) that matched, first that fits
  text::Span span;
  std::vector<Group> groups;  // named groups that took part, only when captures were asked for
};

// Whether PatternScanner::add takes `pattern` (in (?i:...) already when case-blind): false with
// `error` set when it does not compile, would not compile beside another rule (a literal "[:" in
// a class), matches the empty string, or is too big to scan fast.
bool check_pattern(const std::string& pattern, std::string* error);

// The start of the first paragraph break inside `span` of `text` (a line break, then only spaces,
// tabs, carriage returns or form feeds, then another line break), or npos. No hit spans one.
std::size_t paragraph_break(std::string_view text, text::Span span);

// The scan loop of PatternScanner and NameMatcher: non-overlapping matches, left to right, none
// across a paragraph break. find(pos, limit, &span) finds the match in [pos, limit) the scanner
// wants (the leftmost-longest); take(span) gets each non-empty one, until `max_hits` are taken
// (it returns whether it took the span).
template <typename Find, typename Take>
void scan_paragraphs(std::string_view text, std::size_t max_hits, Find find, Take take) {
  std::size_t pos = 0, taken = 0;
  // A match that would span a paragraph break is looked for again in the text before the break
  // ("until Friday\n\nSeptember 18, 2008" is "Friday", then "September 18, 2008").
  std::size_t limit = text.size();
  while (pos <= text.size() && taken < max_hits) {
    text::Span span;
    if (!find(pos, limit, &span)) {
      if (limit == text.size()) break;
      pos = limit;  // nothing more before the break: go on after it
      limit = text.size();
      continue;
    }
    if (std::size_t br = paragraph_break(text, span); br != std::string_view::npos) {
      // A match that begins with the break (a pattern may begin with \s) has no text before it
      // to be looked for in: go on after the break's first line break (this looped forever).
      pos = br == span.start ? br + 1 : span.start;
      if (br != span.start) limit = br;
      continue;
    }
    pos = span.end > span.start ? span.end : span.end + 1;
    if (span.end > span.start && take(span)) ++taken;
  }
}

// At most this many copies of a scanner's programs (set_replica_slots()).
inline constexpr std::size_t kMaxReplicaSlots = 4;

class PatternScanner {
 public:
  PatternScanner();
  ~PatternScanner();
  PatternScanner(PatternScanner&&) noexcept;
  PatternScanner& operator=(PatternScanner&&) noexcept;

  // Adds a pattern; returns its index, or -1 with `error` set when it does not compile, matches
  // the empty string, or is too big to scan fast. `case_insensitive` wraps it in (?i:...).
  int add(std::string_view pattern, std::string* error, bool case_insensitive = false);
  // What scan() reports: which pattern matched each span (costs an RE2::Set and one RE2 per
  // pattern), or only the spans (for thousands of literal names looked up by their text).
  enum class Identify { kPattern, kSpanOnly };
  // Builds the scanner. `max_mem` bounds RE2's DFA (bytes). False with `error` on failure.
  bool compile(std::string* error, Identify identify = Identify::kPattern,
               long long max_mem = 256ll << 20);

  // Non-overlapping hits, left to right, each the longest match at its leftmost start. No hit
  // spans a paragraph break (a blank line): the text before the break is scanned on its own.
  // With `captures`, each hit's named groups are filled (from the pattern that matched).
  // Stops after `max_hits` (a document built to match millions of times costs no more).
  std::vector<Hit> scan(std::string_view text, bool captures,
                        std::size_t max_hits = static_cast<std::size_t>(-1)) const;

  // scan() in two steps, so that a caller can find the spans of many texts before it asks which
  // pattern matched each (each step's DFA states then stay in the CPU's cache: the date rules
  // took about 22% less time over the 1 GB bench corpus). find_spans: the spans scan() looks
  // at, the first `max_spans`. identify: scan()'s hits, given find_spans(text, max_hits).
  std::vector<text::Span> find_spans(std::string_view text, std::size_t max_spans) const;
  std::vector<Hit> identify(std::string_view text, const std::vector<text::Span>& spans,
                            bool captures, std::size_t max_hits) const;

  // The longest whole match of pattern `i` over exactly `span` of `text`, with groups.
  bool match_at(int i, std::string_view text, text::Span span, Hit* hit) const;

  std::size_t size() const { return patterns_.size(); }
  const std::vector<std::string>& patterns() const { return patterns_; }

 private:
  struct Compiled;
  // Builds the programs of `patterns`; null with `error` set when they do not compile. Takes
  // what `checked` holds (add()'s compiled patterns, in order) rather than compile them again.
  // `alternation` is what the spans are found with (factored_alternation(patterns)); should it
  // not compile, it becomes plain_alternation(patterns).
  static std::unique_ptr<Compiled> build(const std::vector<std::string>& patterns,
                                         std::vector<std::unique_ptr<re2::RE2>>* checked,
                                         std::string* alternation, Identify identify,
                                         long long max_mem, std::string* error);
  // The programs this thread scans with: c_, or the copy of them for this thread's replica slot.
  // Looked up once per call of find_spans() or identify(), and handed down.
  const Compiled& compiled() const;
  static bool find_at(const Compiled& c, std::string_view text, std::size_t pos, std::size_t limit,
                      text::Span* span);
  // Which pattern matched `span` (the first that fits), with its groups; false when none.
  bool identify_one(const Compiled& c, std::string_view text, text::Span span, bool captures,
                    Hit* hit) const;
  bool match_at(const Compiled& c, int i, std::string_view text, text::Span span, Hit* hit) const;

  std::vector<std::string> patterns_;
  // Each pattern as add() compiled it to check it (RE2's compile was 14% of a start-up), kept
  // until compile() takes it as the pattern's own program.
  std::vector<std::unique_ptr<re2::RE2>> checked_;
  std::string alternation_;  // the spans' program, as compiled: built once, for each copy too
  Identify identify_ = Identify::kPattern;
  long long max_mem_ = 0;
  std::unique_ptr<Compiled> c_;
  // RE2 is safe to share between threads, but each of its DFAs adds a state under one lock,
  // and a DFA over real text keeps adding states: two threads scanning with the same programs
  // waited on each other about 10,000 times over the 100 MB bench corpus. So a thread in slot
  // k > 0 (replica_slot()) scans with copies[k], compiled by the first thread that needs it.
  struct Replicas {
    std::mutex mu;
    std::array<std::unique_ptr<Compiled>, kMaxReplicaSlots> copies;  // [0] stays empty: c_
    // What slot k scans with, once known: copies[k], or c_ if that copy failed to compile.
    std::array<std::atomic<const Compiled*>, kMaxReplicaSlots> ready{};
  };
  std::unique_ptr<Replicas> replicas_;
};

// How many copies of its programs a scanner's threads scan with: 1 (the default) shares them
// between all threads. A copy costs memory, its own DFA states (a copy of the built-in rules
// held about 60 MB after a 1 GB extract), so there are at most kMaxReplicaSlots. Takes effect
// for the scans that follow.
void set_replica_slots(std::size_t n);
std::size_t replica_slots();
// This thread's replica slot, in [0, replica_slots()): threads take turns the first time they
// scan, so the threads of one run, started together, scan with different copies. Slots only
// spread the work: threads that share one (more threads than slots) are still correct.
std::size_t replica_slot();

}  // namespace dossier::rules
