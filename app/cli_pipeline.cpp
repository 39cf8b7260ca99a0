#include <fmt/format.h>
#include <unistd.h>

#include "app/cli.hpp"
#include "lib/extract/dates/calendar.hpp"
#include "lib/pipeline/commands.hpp"

namespace dossier::app {
namespace {

void add_run_options(CLI::App* cmd, pipeline::RunOptions& o) {
  add_repeated_option(cmd, "--include", o.walk.include,
                      "only files matching GLOB (default: *.txt *.text *.md and no extension)",
                      "GLOB");
  add_repeated_option(cmd, "--exclude", o.walk.exclude, "skip files and folders matching GLOB",
                      "GLOB");
  add_repeated_option(cmd, "--rules", o.rules_dirs, "a rule directory on top of the built-in rules",
                      "DIR");
  cmd->add_option("--dct", o.dct, "document creation date for every input (YYYY-MM-DD)")
      ->type_name("DATE")
      ->check([](const std::string& s) {
        return extract::dates::parse_iso(s) && s.size() == 10
                   ? std::string()
                   : fmt::format("--dct {} is not a date (YYYY-MM-DD)", s);
      });
  cmd->add_option("--max-bytes", o.max_bytes, "skip files larger than this (default 64 MiB)");
  cmd->add_option("-j,--jobs", o.jobs, "worker threads (default: all cores)");
  cmd->add_flag("-q,--quiet", o.quiet, "no summary on stderr");
}

}  // namespace

void add_pipeline_commands(CLI::App& app, Context& ctx) {
  static pipeline::IngestOptions ingest;
  CLI::App* in = app.add_subcommand(
      "ingest", "extract from files and folders into the database (only new or changed files)");
  in->add_option("paths", ingest.paths, "files and folders")->required()->type_name("PATH");
  in->add_option("--db", ingest.db, "database file (default ./dossier.sqlite)");
  in->add_flag("--force", ingest.force, "re-extract every file");
  in->add_flag("--json", ingest.json, "also print one NDJSON line per extracted document");
  add_run_options(in, ingest);
  in->callback([&ctx] {
    ingest.progress = ctx.stderr_tty && !ingest.quiet;
    ctx.exit_code = pipeline::run_ingest(ingest);
  });

  static pipeline::ExtractOptions extract;
  CLI::App* ex = app.add_subcommand(
      "extract", "print one NDJSON line per document on stdout; no database");
  ex->add_option("paths", extract.paths, "files and folders, or - for stdin")->type_name("PATH");
  ex->add_flag("--jsonl", extract.jsonl,
               "read documents from stdin as JSON lines {\"id\",\"text\",\"date\",\"title\",\"source\"}");
  add_run_options(ex, extract);
  ex->callback([&ctx] {
    // Reading a document from a terminal is almost never meant: say what to give instead.
    if (extract.paths.empty() && isatty(STDIN_FILENO)) {
      throw CLI::ValidationError("extract", "give PATH... (or - to read stdin, or --jsonl)");
    }
    ctx.exit_code = pipeline::run_extract(extract);
  });
}

}  // namespace dossier::app
