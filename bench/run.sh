#!/usr/bin/env bash
# The benchmark: builds (once) a corpus of CORPUS_MB megabytes, then measures on it
#   ingest into a new database; ingest again, nothing changed; ingest after 1% of files changed;
#   extract to /dev/null; and the raw RE2 scan of the gazetteers' names (the reference).
# For each: files, MB, wall seconds, MB/s, documents/s, extractions/s, peak RSS; then the ratios.
#
#   bench/run.sh CORPUS_MB [JOBS]
# Environment: BUILD (default build-bench), WORK (default /tmp/dossier-bench), SEED (default 1).
set -euo pipefail
mb=${1:?usage: bench/run.sh CORPUS_MB [JOBS]}
jobs=${2:-$(nproc)}
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-build-bench}
[[ $build = /* ]] || build="$root/$build"
work=${WORK:-/tmp/dossier-bench}
seed=${SEED:-1}
reports="$root/../shared/corpus/annoctr_reports.jsonl"
[ -f "$reports" ] || reports=/work/shared/corpus/annoctr_reports.jsonl
timer=/usr/bin/time
[ -x "$timer" ] || { echo "needs /usr/bin/time (Debian package 'time')" >&2; exit 1; }

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
ninja -C "$build" dossier make_corpus raw_scan >/dev/null

corpus="$work/corpus-$mb-$seed"
if [ ! -f "$corpus.done" ]; then
  rm -rf "$corpus"
  "$build/bench/make_corpus" --out "$corpus" --mb "$mb" --seed "$seed" --reports "$reports" \
    --samples "$root/data/samples" --gazetteers "$root/data/gazetteers" >&2
  touch "$corpus.done"
fi
# A fresh copy of the corpus: the 1%-changed step edits files.
run_dir="$work/run"
rm -rf "$run_dir" && mkdir -p "$run_dir"
cp -r "$corpus" "$run_dir/corpus"
db="$run_dir/bench.sqlite"
files=$(find "$run_dir/corpus" -type f | wc -l)
bytes=$(find "$run_dir/corpus" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')

# measure NAME DOCS_FROM_STDERR COMMAND...: runs it under /usr/bin/time -v, prints one row.
printf '%-22s %7s %8s %8s %8s %8s %10s %8s\n' step files MB seconds MB/s docs/s extract/s RSS_MB
measure() {
  local name=$1; shift
  "$timer" -v -o "$run_dir/time.txt" "$@" >"$run_dir/out.txt" 2>"$run_dir/err.txt" || {
    echo "$name failed:" >&2; tail -5 "$run_dir/err.txt" >&2; exit 1; }
  local wall rss secs docs ext
  wall=$(grep 'Elapsed (wall clock)' "$run_dir/time.txt" | awk '{print $NF}')
  secs=$(echo "$wall" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  rss=$(grep 'Maximum resident set size' "$run_dir/time.txt" | awk '{print $NF}')
  # dossier's summary: "N new, M re-extracted, K unchanged ...; X extractions; ..."
  docs=$files  # files considered (read or skipped) per second
  ext=$(grep -oE '[0-9]+ extractions' "$run_dir/err.txt" | awk '{print $1}' || true)
  [ -n "$ext" ] || ext=${EXTRACTIONS:-0}
  eval "secs_$name=$secs"
  eval "ext_$name=$ext"
  awk -v n="$name" -v f="$files" -v b="$bytes" -v s="$secs" -v d="$docs" -v x="$ext" -v r="$rss" \
    'BEGIN { if (s <= 0) s = 0.01; printf "%-22s %7d %8.1f %8.2f %8.1f %8.0f %10.0f %8.1f\n",
             n, f, b/1048576, s, b/1048576/s, d/s, x/s, r/1024 }'
}

measure ingest_new "$build/dossier" ingest --jobs "$jobs" --db "$db" "$run_dir/corpus"
measure ingest_unchanged "$build/dossier" ingest --jobs "$jobs" --db "$db" "$run_dir/corpus"
# Change 1% of the files: a new closing line (size, mtime and content change).
find "$run_dir/corpus" -type f | sort | awk 'NR % 100 == 0' | while read -r f; do
  printf '\nUpdated on 3 March 2025 after a statement from Microsoft.\n' >>"$f"
done
measure ingest_1pct_changed "$build/dossier" ingest --jobs "$jobs" --db "$db" "$run_dir/corpus"
# extract prints no summary: documents = files, extractions = those of the first ingest.
EXTRACTIONS=$ext_ingest_new \
  measure extract_devnull "$build/dossier" extract --jobs "$jobs" "$run_dir/corpus"
"$timer" -v -o "$run_dir/time.txt" "$build/bench/raw_scan" "$run_dir/corpus" \
  --gazetteers "$root/data/gazetteers" --jobs "$jobs" >"$run_dir/raw.txt"
raw_secs=$(awk '{print $6}' "$run_dir/raw.txt")
raw_matches=$(awk '{print $8}' "$run_dir/raw.txt")
raw_rss=$(grep 'Maximum resident set size' "$run_dir/time.txt" | awk '{print $NF}')
awk -v f="$files" -v b="$bytes" -v s="$raw_secs" -v m="$raw_matches" -v r="$raw_rss" \
  'BEGIN { printf "%-22s %7d %8.1f %8.2f %8.1f %8.0f %10.0f %8.1f\n",
           "raw_re2_names", f, b/1048576, s, b/1048576/s, f/s, m/s, r/1024 }'
echo "raw scan: $(cat "$run_dir/raw.txt")"
awk -v i="$secs_ingest_new" -v u="$secs_ingest_unchanged" -v e="$secs_extract_devnull" -v r="$raw_secs" \
  'BEGIN { printf "ratios (speed): ingest/raw %.2f  extract/raw %.2f  first-ingest/unchanged-ingest %.1fx\n",
           r/i, r/e, i/(u > 0 ? u : 0.01) }'
echo "corpus: $corpus ($files files), jobs $jobs, $(nproc) cores"
