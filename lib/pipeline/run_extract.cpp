#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <iterator>
#include <optional>
#include <thread>

#include "lib/error.hpp"
#include "lib/output/ndjson.hpp"
#include "lib/pipeline/batches.hpp"
#include "lib/pipeline/commands.hpp"
#include "lib/pipeline/interrupt.hpp"
#include "lib/pipeline/load_rules.hpp"
#include "lib/pipeline/ordered_parallel.hpp"
#include "lib/pipeline/process.hpp"
#include "lib/rules/pattern_scanner.hpp"
#include "lib/source/display_path.hpp"
#include "lib/source/jsonl.hpp"
#include "lib/source/read_file.hpp"
#include "lib/source/stdin_stream.hpp"

namespace dossier::pipeline {
namespace {

int jobs_of(int jobs) {
  return jobs > 0 ? jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

text::Document seed(const RunOptions& o, std::string id, std::string path) {
  text::Document d;
  d.id = std::move(id);
  d.path = std::move(path);
  if (!o.dct.empty()) {
    d.dct = o.dct;
    d.dct_source = text::DctSource::kFlag;
  }
  return d;
}

// A read error on standard input (a closed or unreadable descriptor) ends the run.
[[noreturn]] void stdin_unreadable() {
  throw Fatal(fmt::format("standard input: cannot read: {}", std::strerror(errno)));
}

// Runs `read`, which reads standard input, with stdin_unreadable() for its read errors.
template <typename F>
auto stdin_guarded(F read) {
  try {
    return read();
  } catch (const std::ios_base::failure&) {
    stdin_unreadable();
  }
}

// One document's output, formatted by the worker that extracted it (so the thread that prints,
// in input order, only writes): its NDJSON line and, when it failed, its stderr line.
struct Rendered {
  std::string line;       // with its '\n'
  std::string complaint;  // "path: reason\n" when the document failed, else empty
};

Rendered render_failure(const Outcome& o, const std::string& error) {
  Rendered r;
  r.complaint = fmt::format(
      "{}: {}\n", source::display_path(o.doc.path.empty() ? o.doc.id : o.doc.path), error);
  r.line = output::error_line(o.doc.id, o.doc.path, error) + '\n';
  return r;
}

// Runs on a worker thread: what it throws (out of memory formatting a huge document) becomes
// the document's failure, not the end of the run.
Rendered render(const Outcome& o) {
  if (o.status == Outcome::Status::kFailed) return render_failure(o, o.error);
  try {
    Rendered r;
    r.line = output::document_line(o.doc, o.x);
    r.line += '\n';
    return r;
  } catch (...) {
    return render_failure(o, reason_of_current_exception());
  }
}

struct Printer {
  std::size_t failed = 0;
  void operator()(const Rendered& r) {
    if (!r.complaint.empty()) {
      ++failed;
      std::fwrite(r.complaint.data(), 1, r.complaint.size(), stderr);
    }
    std::fwrite(r.line.data(), 1, r.line.size(), stdout);
  }
  void operator()(const Outcome& o) { (*this)(render(o)); }
};

// A folder's files in batches of up to 256 files or 4 MB (not 64 or 1 MB): each scanner then
// runs over more text before the next evicts its DFA states from the cache. Extract of the 1 GB
// bench corpus, 4 runs each, alternated: 19.2 -> 18.4 s wall, 34.8 -> 33.0 s user; 512 files or
// 8 MB was no faster (19.0, 20.6 s) and held 10 MB more.
constexpr BatchLimits kFileBatches{256, 4u << 20};

// Extracts `batches` on `jobs` threads (process_items with `prepare` and `name_of`) and prints
// their lines in input order.
template <typename Prepare, typename NameOf>
void run_batches(const rules::RuleSet& rules, const std::vector<Batch>& batches, int jobs,
                 Prepare prepare, NameOf name_of, Printer& print) {
  ordered_parallel<std::vector<Rendered>>(
      batches.size(), jobs, InFlight{}, [&](std::size_t b) { return batches[b].weight; },
      [&](std::size_t b) {
        std::vector<Outcome> outcomes = process_items(rules, batches[b], prepare, name_of);
        std::vector<Rendered> lines;
        lines.reserve(outcomes.size());
        for (const Outcome& o : outcomes) lines.push_back(render(o));
        return lines;
      },
      [&](std::size_t, std::vector<Rendered>&& lines) {
        for (const Rendered& r : lines) print(r);
      },
      &interrupted());
}

// Standard input a chunk of lines at a time, up to kChunkLines or kChunkBytes: read on the
// printing thread (getline: fast), each line parsed as JSON by the worker that extracts it, in
// batches as a folder's files. 100 MB of records (the bench corpus's files), runs alternated:
// 3.90, 3.98, 4.39 s when the printing thread parsed them 256 at a time; 3.37, 3.74, 3.75 s
// (peak RSS 85 -> 105 MB; 32 MB chunks were no faster and held 124 MB).
constexpr std::size_t kChunkLines = 4096;
constexpr std::size_t kChunkBytes = 16u << 20;

std::vector<source::JsonlLine> read_chunk(std::istream& in, std::size_t& line_no) {
  std::vector<source::JsonlLine> lines;
  std::size_t bytes = 0;
  while (lines.size() < kChunkLines && bytes < kChunkBytes) {
    std::optional<source::JsonlLine> l = source::next_line(in, line_no);
    if (!l) break;
    bytes += l->text.size();
    lines.push_back(std::move(*l));
  }
  if (in.bad()) stdin_unreadable();  // getline keeps read errors as badbit
  return lines;
}

int extract_jsonl(const ExtractOptions& o, const rules::RuleSet& rules) {
  Printer print;
  std::size_t line_no = 0;
  const int jobs = jobs_of(o.jobs);
  source::StdinStream in;
  while (!interrupted()) {
    std::vector<source::JsonlLine> chunk = read_chunk(in.stream(), line_no);
    if (chunk.empty()) break;
    // What names each record if it fails: its line, then the id its worker parsed from it.
    std::vector<std::string> ids(chunk.size());
    for (std::size_t i = 0; i < chunk.size(); ++i) ids[i] = fmt::format("stdin:{}", chunk[i].line);
    auto batches = make_batches(chunk.size(), kFileBatches,
                                [&](std::size_t i) { return std::uint64_t{chunk[i].text.size()}; });
    run_batches(
        rules, batches, jobs,
        [&](std::size_t i, std::vector<Pending>& pending) -> std::optional<Outcome> {
          source::JsonlRecord r = source::parse_record(chunk[i].text, chunk[i].line);
          std::string().swap(chunk[i].text);  // the record holds the text now
          ids[i] = r.id;
          text::Document d = seed(o, r.id, "");
          if (!r.error.empty()) {
            Outcome out;
            out.doc = std::move(d);
            out.error = fmt::format("line {}: {}", r.line, r.error);
            return out;
          }
          d.title = r.title;
          d.source = r.source;
          d.input_date = r.date;
          pending.push_back({std::move(d), std::move(r.text)});
          return std::nullopt;
        },
        [&](std::size_t i) { return std::pair(ids[i], std::string()); }, print);
  }
  std::fflush(stdout);
  if (interrupted()) return kExitInterrupted;
  return print.failed ? kExitPartial : kExitOk;
}

}  // namespace

int run_extract(const ExtractOptions& o) {
  install_interrupt_handlers();
  // A copy of the rule scanners' programs for each worker (rules::set_replica_slots): extract
  // of the 1 GB bench corpus on 2 cores, runs alternated, 21.3 / 22.1 s -> 18.3 / 20.1 s, peak
  // RSS 116 -> 176 MB. Not in ingest, which waits on its one writer thread: there copies cost
  // 50 MB and no time. No more copies than cores: only that many workers scan at once, and a
  // copy holds ~50 MB (--jobs 8 on 2 cores: 4 copies, peak RSS 301 MB).
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  rules::set_replica_slots(std::min<std::size_t>(jobs_of(o.jobs), cores));
  auto rules = load_rules(o.rules_dirs);
  if (o.jsonl) return stdin_guarded([&] { return extract_jsonl(o, *rules); });

  Printer print;
  std::vector<std::string> paths = o.paths;
  bool from_stdin = paths.empty() || (paths.size() == 1 && paths[0] == "-");
  if (from_stdin) {
    std::string raw = stdin_guarded([] {
      source::StdinStream in;
      return std::string(std::istreambuf_iterator<char>(in.stream()),
                         std::istreambuf_iterator<char>());
    });
    print(process_bytes(*rules, seed(o, "-", "-"), raw));
    std::fflush(stdout);
    return print.failed ? kExitPartial : kExitOk;
  }
  const int jobs = jobs_of(o.jobs);
  // The walk a chunk at a time (as ingest): memory holds one chunk's paths, not every file's.
  source::Walker walker(paths, o.walk);
  std::vector<source::WalkEntry> walked;
  while (!interrupted()) {
    walked.clear();
    if (!walker.next(o.walk_chunk, walked)) break;
    auto batches =
        make_batches(walked.size(), kFileBatches, [&](std::size_t i) { return walked[i].size; });
    run_batches(
        *rules, batches, jobs,
        [&](std::size_t i, std::vector<Pending>& pending) -> std::optional<Outcome> {
          const source::WalkEntry& f = walked[i];
          auto failed = [&](const std::string& reason) {
            Outcome out;
            out.doc = seed(o, f.path, f.path);
            out.error = reason;
            return out;
          };
          if (!f.ok()) return failed(f.failure);
          source::ReadResult r = source::read_file(f.path, o.max_bytes);
          if (!r.ok) return failed(r.error);
          pending.push_back({seed(o, f.path, f.path), std::move(r.data)});
          return std::nullopt;
        },
        [&](std::size_t i) { return std::pair(walked[i].path, walked[i].path); }, print);
  }
  std::fflush(stdout);
  if (interrupted()) return kExitInterrupted;
  return print.failed ? kExitPartial : kExitOk;
}

}  // namespace dossier::pipeline
