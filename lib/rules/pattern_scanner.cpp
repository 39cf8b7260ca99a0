#include "lib/rules/pattern_scanner.hpp"

#include <fmt/format.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>

#include "lib/rules/factored_alternation.hpp"
#include "lib/text/paragraph_break.hpp"

namespace dossier::rules {
namespace {

// Beyond this a single rule is refused: a program this size makes the DFA thrash on real text.
constexpr int kMaxProgramSize = 20000;

RE2::Options base_options() {
  RE2::Options o;
  o.set_log_errors(false);
  o.set_encoding(RE2::Options::EncodingUTF8);
  return o;
}

// What a pattern is compiled with on its own: to check it, and to fill a hit's groups.
RE2::Options each_options() {
  RE2::Options o = base_options();
  o.set_longest_match(true);
  return o;
}

// check_pattern() of `re`, `pattern` compiled with each_options().
bool check_compiled(const RE2& re, const std::string& pattern, std::string* error) {
  if (!re.ok()) {
    *error = re.error();
    return false;
  }
  // Alone, "[[:]" is a class of '[' and ':'; RE2 looks for the ":]" of a name like [:alpha:] to
  // the end of the whole program, so in the alternation of all patterns a later rule's ":]"
  // would turn it into a bad class name, and no rule of the kind would load.
  if (pattern.find("[:") != std::string::npos &&
      !RE2(plain_alternation({pattern, ":]"}), base_options()).ok()) {
    *error = "a '[:' in a class that does not open a name such as [:alpha:] must be written '\\[:'";
    return false;
  }
  if (RE2::FullMatch("", re)) {
    *error = "pattern matches the empty string";
    return false;
  }
  if (re.ProgramSize() > kMaxProgramSize) {
    *error = fmt::format("pattern is too big to scan fast (program size {} > {})", re.ProgramSize(),
                         kMaxProgramSize);
    return false;
  }
  return true;
}

}  // namespace

std::size_t paragraph_break(std::string_view text, text::Span span) {
  // A break that begins inside the span and ends in it: the span's own text, not what follows.
  std::string_view s = text.substr(span.start, span.size());
  for (std::size_t nl = s.find('\n'); nl != std::string_view::npos; nl = s.find('\n', nl + 1)) {
    if (text::paragraph_break_at(s, nl)) return span.start + nl;
  }
  return std::string_view::npos;
}

bool check_pattern(const std::string& pattern, std::string* error) {
  return check_compiled(RE2(pattern, each_options()), pattern, error);
}

struct PatternScanner::Compiled {
  std::unique_ptr<RE2> scan;
  std::unique_ptr<RE2::Set> which;
  std::vector<std::unique_ptr<RE2>> each;
  std::vector<std::vector<std::pair<std::string, int>>> groups;  // per pattern: name, index
};

PatternScanner::PatternScanner() = default;
PatternScanner::~PatternScanner() = default;
PatternScanner::PatternScanner(PatternScanner&&) noexcept = default;
PatternScanner& PatternScanner::operator=(PatternScanner&&) noexcept = default;

int PatternScanner::add(std::string_view pattern, std::string* error, bool case_insensitive) {
  std::string p = case_insensitive ? fmt::format("(?i:{})", pattern) : std::string(pattern);
  auto re = std::make_unique<RE2>(p, each_options());
  if (!check_compiled(*re, p, error)) return -1;
  patterns_.push_back(std::move(p));
  checked_.push_back(std::move(re));
  return static_cast<int>(patterns_.size()) - 1;
}

std::unique_ptr<PatternScanner::Compiled> PatternScanner::build(
    const std::vector<std::string>& patterns, std::vector<std::unique_ptr<RE2>>* checked,
    std::string* alternation, Identify identify, long long max_mem, std::string* error) {
  auto c = std::make_unique<Compiled>();
  if (patterns.empty()) return c;
  RE2::Options scan_opts = base_options();
  scan_opts.set_never_capture(true);
  scan_opts.set_longest_match(true);
  scan_opts.set_max_mem(max_mem);
  c->scan = std::make_unique<RE2>(*alternation, scan_opts);
  if (!c->scan->ok()) {  // not expected, but for its size: the factoring keeps what it cannot read
    *alternation = plain_alternation(patterns);
    c->scan = std::make_unique<RE2>(*alternation, scan_opts);
  }
  if (!c->scan->ok()) {
    *error = "combined pattern does not compile: " + c->scan->error();
    return nullptr;
  }
  if (identify == Identify::kSpanOnly) return c;
  RE2::Options set_opts = base_options();
  set_opts.set_max_mem(max_mem / 4);
  c->which = std::make_unique<RE2::Set>(set_opts, RE2::ANCHOR_BOTH);
  for (std::size_t i = 0; i < patterns.size(); ++i) {
    const std::string& p = patterns[i];
    std::string err;
    if (c->which->Add(p, &err) < 0) {
      *error = "pattern set does not compile: " + err;
      return nullptr;
    }
    auto re = checked && i < checked->size() ? std::move((*checked)[i])
                                             : std::make_unique<RE2>(p, each_options());
    // Index -> name, so that alternatives may reuse a name: (?P<month>..)|(?P<month>..).
    std::vector<std::pair<std::string, int>> names;
    for (const auto& [index, name] : re->CapturingGroupNames()) names.emplace_back(name, index);
    c->groups.push_back(std::move(names));
    c->each.push_back(std::move(re));
  }
  if (!c->which->Compile()) {
    *error = "pattern set does not compile (out of memory)";
    return nullptr;
  }
  return c;
}

bool PatternScanner::compile(std::string* error, Identify identify, long long max_mem) {
  alternation_ = factored_alternation(patterns_);
  auto c = build(patterns_, &checked_, &alternation_, identify, max_mem, error);
  checked_.clear();
  if (!c) return false;
  identify_ = identify;
  max_mem_ = max_mem;
  c_ = std::move(c);
  replicas_ = std::make_unique<Replicas>();
  return true;
}

namespace {
std::atomic<std::size_t> slots{1};
}  // namespace

void set_replica_slots(std::size_t n) {
  slots.store(std::clamp<std::size_t>(n, 1, kMaxReplicaSlots), std::memory_order_relaxed);
}

std::size_t replica_slots() { return slots.load(std::memory_order_relaxed); }

std::size_t replica_slot() {
  static std::atomic<std::size_t> next{0};
  thread_local const std::size_t turn = next.fetch_add(1, std::memory_order_relaxed);
  return turn % replica_slots();
}

const PatternScanner::Compiled& PatternScanner::compiled() const {
  const std::size_t k = replica_slot();
  if (k == 0 || !c_->scan) return *c_;
  if (const Compiled* mine = replicas_->ready[k].load(std::memory_order_acquire)) return *mine;
  std::lock_guard lock(replicas_->mu);
  if (const Compiled* mine = replicas_->ready[k].load(std::memory_order_acquire)) return *mine;
  std::string error;
  std::string alternation = alternation_;  // compiled once already: build() keeps it as it is
  replicas_->copies[k] = build(patterns_, nullptr, &alternation, identify_, max_mem_, &error);
  // The same patterns compiled once already; should the copy fail (memory), share c_.
  const Compiled* mine = replicas_->copies[k] ? replicas_->copies[k].get() : c_.get();
  replicas_->ready[k].store(mine, std::memory_order_release);
  return *mine;
}

bool PatternScanner::match_at(int i, std::string_view text, text::Span span, Hit* hit) const {
  return match_at(compiled(), i, text, span, hit);
}

bool PatternScanner::match_at(const Compiled& c, int i, std::string_view text, text::Span span,
                              Hit* hit) const {
  const RE2& re = *c.each[i];
  int n = re.NumberOfCapturingGroups() + 1;
  thread_local std::vector<re2::StringPiece> sub;  // reused: one allocation per thread, not per hit
  sub.assign(n, re2::StringPiece());
  // The span and a byte either side: all that RE2's empty-width assertions (\b, ^, $, \A, \z)
  // look at around a match anchored at both ends. Given the whole document, RE2 ran a DFA over
  // the span before its capture engine (it skips that for texts of up to 4 KB only), a DFA per
  // pattern with its own states to build.
  const std::size_t from = span.start > 0 ? span.start - 1 : 0;
  const std::size_t to = std::min(text.size(), span.end + 1);
  if (!re.Match(re2::StringPiece(text.data() + from, to - from), span.start - from, span.end - from,
                RE2::ANCHOR_BOTH, sub.data(), n)) {
    return false;
  }
  hit->pattern = i;
  hit->span = span;
  hit->groups.clear();
  for (const auto& [name, index] : c.groups[i]) {
    if (sub[index].data() == nullptr) continue;  // did not take part
    bool seen = false;
    for (const Group& g : hit->groups) seen = seen || g.name == name;
    if (seen) continue;
    std::size_t start = static_cast<std::size_t>(sub[index].data() - text.data());
    hit->groups.push_back({name, {start, start + sub[index].size()}});
  }
  return true;
}

bool PatternScanner::find_at(const Compiled& c, std::string_view text, std::size_t pos,
                             std::size_t limit, text::Span* span) {
  re2::StringPiece m;
  if (!c.scan->Match(re2::StringPiece(text.data(), text.size()), pos, limit, RE2::UNANCHORED, &m,
                     1))
    return false;
  span->start = static_cast<std::size_t>(m.data() - text.data());
  span->end = span->start + m.size();
  return true;
}

bool PatternScanner::identify_one(const Compiled& c, std::string_view text, text::Span span,
                                  bool captures, Hit* hit) const {
  hit->span = span;
  if (!c.which) return true;            // Identify::kSpanOnly: every span is a hit, of no pattern
  thread_local std::vector<int> which;  // reused: one allocation per thread, not per hit
  which.clear();
  if (patterns_.size() == 1) {
    which.push_back(0);
  } else {
    c.which->Match(re2::StringPiece(text.data() + span.start, span.size()), &which);
    std::sort(which.begin(), which.end());
  }
  // The Set sees the span without its surroundings, so a \b at its edge may differ from the
  // scan; confirm with the pattern itself over the whole text, first fitting pattern wins.
  bool found = false;
  for (int i : which) {
    if ((found = match_at(c, i, text, span, hit))) break;
  }
  for (int i = 0; i < static_cast<int>(patterns_.size()) && !found; ++i)
    found = match_at(c, i, text, span, hit);
  if (found && !captures) hit->groups.clear();
  return found;
}

std::vector<text::Span> PatternScanner::find_spans(std::string_view text,
                                                   std::size_t max_spans) const {
  std::vector<text::Span> spans;
  if (!c_ || !c_->scan) return spans;
  const Compiled& c = compiled();
  scan_paragraphs(
      text, max_spans,
      [&](std::size_t pos, std::size_t limit, text::Span* span) {
        return find_at(c, text, pos, limit, span);
      },
      [&](text::Span span) {
        spans.push_back(span);
        return true;
      });
  return spans;
}

std::vector<Hit> PatternScanner::identify(std::string_view text,
                                          const std::vector<text::Span>& spans, bool captures,
                                          std::size_t max_hits) const {
  std::vector<Hit> hits;
  if (!c_ || !c_->scan) return hits;
  const Compiled& c = compiled();
  hits.reserve(spans.size());
  for (text::Span span : spans) {
    if (hits.size() >= max_hits) break;
    Hit hit;
    if (identify_one(c, text, span, captures, &hit)) hits.push_back(std::move(hit));
  }
  if (spans.size() < max_hits || hits.size() >= max_hits) return hits;
  // Some of the first max_hits spans were no hit, and the text may hold more: span by span.
  hits.clear();
  scan_paragraphs(
      text, max_hits,
      [&](std::size_t pos, std::size_t limit, text::Span* span) {
        return find_at(c, text, pos, limit, span);
      },
      [&](text::Span span) {
        Hit hit;
        if (!identify_one(c, text, span, captures, &hit)) return false;
        hits.push_back(std::move(hit));
        return true;
      });
  return hits;
}

std::vector<Hit> PatternScanner::scan(std::string_view text, bool captures,
                                      std::size_t max_hits) const {
  return identify(text, find_spans(text, max_hits), captures, max_hits);
}

}  // namespace dossier::rules
