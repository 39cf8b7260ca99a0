#pragma once
// The two commands that run the pipeline. Each returns the process exit code (PRODUCT.md);
// a Fatal escapes only before any document was touched (bad rules, unusable database).

#include <string>
#include <vector>

#include "lib/pipeline/options.hpp"

namespace dossier::pipeline {

// Walk -> read -> decode -> extract (in parallel) -> one writer, in input order.
int run_ingest(const IngestOptions& options);

// The same without a database: NDJSON on stdout, one line per document, in input order.
int run_extract(const ExtractOptions& options);

}  // namespace dossier::pipeline

namespace dossier::pipeline {

// `dossier rules check [DIR]`: loads the built-in rules plus DIR (and --rules dirs), compiles
// every pattern, runs every example; prints each problem as file:line:col. 0 when clean, else 1.
int run_rules_check(const std::vector<std::string>& dirs, bool quiet);

}  // namespace dossier::pipeline
