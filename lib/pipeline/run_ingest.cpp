#include <SQLiteCpp/Exception.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include <chrono>
#include <cstdio>
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
#include "lib/source/display_path.hpp"
#include "lib/source/read_file.hpp"
#include "lib/store/database.hpp"
#include "lib/store/writer.hpp"
#include "lib/util/sha256.hpp"

namespace dossier::pipeline {
namespace {

// Batches (of up to 64 files or 1 MB) in flight. The single writer is slower than the workers,
// and stops to index each 128 MB for search (3-4 s): what is in flight lets the workers go on
// for part of that. The count binds first: 48 batches are about 26 MB of the bench corpus's
// 9 KB files. First ingest of the 1 GB bench corpus, alternated in one hour (a noisy machine):
// 16 batches / 32 MB 69.0, 61.9, 69.5, 70.7 s, peak RSS 183 MB; 48 / 96 MB 60.6, 60.4, 59.3,
// 59.7 s, 215 MB; 64 / 128 MB 60.3, 60.5 s, 240 MB. Sampled every 50 ms, the workers slept
// 62% of the time with 16, 48% with 48. The 2.5 GB corpus: 174.8 -> 159.0 s, 190 -> 224 MB.
constexpr InFlight kIngestInFlight{48, 96u << 20};

struct Counts {
  std::size_t added = 0, replaced = 0, unchanged = 0, failed = 0, extractions = 0;
  std::uint64_t bytes = 0;
};

}  // namespace

// run_ingest without the translation of database write errors.
int ingest_unguarded(const IngestOptions& o) {
  install_interrupt_handlers();
  auto started = std::chrono::steady_clock::now();
  auto rules = load_rules(o.rules_dirs);
  auto db = store::open_database(o.db, store::OpenMode::kReadWrite);
  store::Writer writer(*db, rules);
  writer.begin_run();
  // Said even when quiet: a cron job's log is where a killed run would otherwise go unnoticed.
  for (const store::Writer::KilledRun& k : writer.killed_runs())
    std::fprintf(stderr,
                 "%s: run %lld (started %s) ended without finishing (killed or crashed); "
                 "marked killed, what it committed is kept\n",
                 o.db.c_str(), static_cast<long long>(k.id), k.started.c_str());

  Counts c;
  const int jobs =
      o.jobs > 0 ? o.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  source::Walker walker(o.paths, o.walk);
  std::vector<source::WalkEntry> walked;  // one chunk of the walk
  std::vector<std::optional<store::KnownDocument>> known;  // for each of its entries
  std::size_t before = 0;  // entries of the chunks before this one
  auto last_progress = std::chrono::steady_clock::now();
  // One file before extraction: unchanged, touched or failed; or, to be extracted, appended to
  // `pending` (and nothing returned).
  auto prepare = [&](std::size_t i, std::vector<Pending>& pending) -> std::optional<Outcome> {
    const source::WalkEntry& f = walked[i];
    const std::optional<store::KnownDocument>& k = known[i];
    Outcome out;
    out.doc.id = out.doc.path = f.path;
    if (!f.ok()) {
      out.error = f.failure;
      return out;
    }
    bool same_rules = k && k->same_rules;
    // Size and mtime unchanged: not even read.
    if (!o.force && same_rules && k->bytes == f.size && k->mtime_ns == f.mtime_ns) {
      out.status = Outcome::Status::kUnchanged;
      return out;
    }
    source::ReadResult r = source::read_file(f.path, o.max_bytes);
    if (!r.ok) {
      out.error = r.error;
      return out;
    }
    if (!o.force && same_rules && k->sha256_hex() == util::sha256_hex(r.data)) {
      out.status = Outcome::Status::kTouched;
      out.mtime_ns = r.mtime_ns;
      return out;
    }
    text::Document seed;
    seed.id = seed.path = f.path;
    if (!o.dct.empty()) {
      seed.dct = o.dct;
      seed.dct_source = text::DctSource::kFlag;
    }
    pending.push_back({std::move(seed), std::move(r.data), r.mtime_ns});
    return std::nullopt;
  };
  auto name_of = [&](std::size_t i) { return std::pair(walked[i].path, walked[i].path); };
  auto consume = [&](std::size_t i, Outcome&& out) {
    switch (out.status) {
      case Outcome::Status::kUnchanged:
        ++c.unchanged;
        break;
      case Outcome::Status::kTouched:
        ++c.unchanged;
        writer.touch_document(out.doc.path, out.mtime_ns);
        break;
      case Outcome::Status::kFailed:
        ++c.failed;
        std::fprintf(stderr, "%s: %s\n", source::display_path(out.doc.path).c_str(),
                     out.error.c_str());
        writer.write_failure(out.doc.path, out.error);
        if (o.json) {
          std::string line = output::error_line(out.doc.id, out.doc.path, out.error);
          std::fprintf(stdout, "%s\n", line.c_str());
        }
        break;
      case Outcome::Status::kDone:
        (known[i] ? c.replaced : c.added)++;
        c.extractions += out.x.size();
        c.bytes += out.doc.bytes;
        writer.write_document(out.doc, out.x, out.mtime_ns);
        if (o.json) {
          std::string line = output::document_line(out.doc, out.x);
          std::fwrite(line.data(), 1, line.size(), stdout);
          std::fputc('\n', stdout);
        }
        break;
    }
    writer.maybe_commit();
    if (o.progress) {
      auto now = std::chrono::steady_clock::now();
      bool last = i + 1 == walked.size() && walker.done();
      if (now - last_progress > std::chrono::milliseconds(200) || last) {
        // The total is what the walk has found so far ("+" while it goes on).
        std::fprintf(stderr, "\r\x1b[K[%zu/%zu%s] %s", before + i + 1, walker.found(),
                     walker.done() ? "" : "+", source::display_path(out.doc.path).c_str());
        last_progress = now;
      }
    }
  };
  // The walk a chunk at a time, each through the workers before the next is walked: memory
  // holds one chunk's paths, whatever the number of files.
  while (!interrupted()) {
    walked.clear();
    if (!walker.next(o.walk_chunk, walked)) break;
    known.clear();
    {
      store::Writer::Lookups lookups(writer);
      for (const source::WalkEntry& f : walked)
        known.push_back(f.ok() ? writer.known_document(f.path) : std::nullopt);
    }
    const std::vector<Batch> batches =
        make_batches(walked.size(), BatchLimits{}, [&](std::size_t i) { return walked[i].size; });
    ordered_parallel<std::vector<Outcome>>(
        batches.size(), jobs, kIngestInFlight, [&](std::size_t b) { return batches[b].weight; },
        [&](std::size_t b) { return process_items(*rules, batches[b], prepare, name_of); },
        [&](std::size_t b, std::vector<Outcome>&& outcomes) {
          for (std::size_t k = 0; k < outcomes.size(); ++k)
            consume(batches[b].first + k, std::move(outcomes[k]));
        },
        &interrupted());
    before += walked.size();
  }
  if (o.progress && before) std::fprintf(stderr, "\r\x1b[K");

  bool stopped = interrupted();
  std::string status = stopped ? "interrupted" : c.failed ? "partial" : "ok";
  nlohmann::json counts = {{"documents", c.added + c.replaced},
                           {"added", c.added},
                           {"replaced", c.replaced},
                           {"unchanged", c.unchanged},
                           {"failed", c.failed},
                           {"extractions", c.extractions},
                           {"bytes", c.bytes}};
  rules.reset();  // the writer's is then the last hold, which finish_run lets go
  writer.finish_run(status, counts);
  std::fflush(stdout);
  if (!o.quiet) {
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::fprintf(stderr,
                 "%s%zu new, %zu re-extracted, %zu unchanged (not re-extracted), %zu failed; "
                 "%zu extractions; %.2f s -> %s\n",
                 stopped ? "interrupted: " : "", c.added, c.replaced, c.unchanged, c.failed,
                 c.extractions, secs, o.db.c_str());
  }
  if (stopped) return kExitInterrupted;
  return c.failed ? kExitPartial : kExitOk;
}

int run_ingest(const IngestOptions& o) {
  try {
    return ingest_unguarded(o);
  } catch (const SQLite::Exception& e) {
    // A write that fails mid-run (disk full, file size limit, I/O error): what was committed
    // stays, the batch in progress is rolled back; say which database and why.
    throw Fatal(fmt::format("{}: cannot write database: {}{}", o.db, e.what(),
                            (e.getErrorCode() == SQLITE_FULL || e.getErrorCode() == SQLITE_IOERR)
                                ? " (disk full or file size limit?); what was committed is kept"
                                : ""));
  }
}

}  // namespace dossier::pipeline
