#!/usr/bin/env bash
# README's second command (and CI's): build everything and run the whole test suite.
# With CI=true or DOSSIER_FULL_TESTS=1 it also: builds with warnings as errors, runs the suite
# once more under ASan+UBSan (build-asan/), the tests that run threads under TSan (build-tsan/),
# and runs each libFuzzer target for
# DOSSIER_FUZZ_SECONDS (default 30) from its seed corpus (build-fuzz/, clang). Any failing step
# fails the script.
set -euo pipefail
cd "$(dirname "$0")/.."

full=0
if [ "${CI:-}" = "true" ] || [ "${DOSSIER_FULL_TESTS:-}" = "1" ]; then full=1; fi
jobs="$(nproc)"
step() { printf '\n== %s (%s)\n' "$1" "$(date +%T)" >&2; }

scripts/install-deps.sh
step "build (Release$([ $full = 1 ] && echo ', -Werror'))"
scripts/build.sh "-DDOSSIER_WERROR=$([ $full = 1 ] && echo ON || echo OFF)"
step "test suite"
ctest --test-dir build --output-on-failure --parallel "$jobs"

[ "$full" = 1 ] || exit 0

generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)

step "test suite under ASan+UBSan"
[ -f build-asan/CMakeCache.txt ] && generator_asan=() || generator_asan=("${generator[@]}")
cmake -S . -B build-asan "${generator_asan[@]}" "${launcher[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DDOSSIER_SANITIZE=ON >/dev/null  # no -Werror: GCC 12 -Wmaybe-uninitialized noise in std::regex under ASan
cmake --build build-asan --parallel "$jobs"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:strict_string_checks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
ctest --test-dir build-asan --output-on-failure --parallel "$jobs"

step "threaded tests under TSan"
# The tests that run threads: the pipeline, the scanners' per-thread copies, and every
# end-to-end run (each runs the TSan-built dossier with one worker per core; a race makes it
# exit 66 and its test fail).
[ -f build-tsan/CMakeCache.txt ] && generator_tsan=() || generator_tsan=("${generator[@]}")
cmake -S . -B build-tsan "${generator_tsan[@]}" "${launcher[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DDOSSIER_SANITIZE_THREAD=ON >/dev/null
cmake --build build-tsan --parallel "$jobs" --target dossier dossier_tests
TSAN_OPTIONS="${TSAN_OPTIONS:-halt_on_error=1:exitcode=66:second_deadlock_stack=1}" \
  build-tsan/tests/dossier_tests "[pipeline],[scanner],[concurrency],[batches],[e2e]"

step "fuzzers (clang, libFuzzer + ASan + UBSan)"
[ -f build-fuzz/CMakeCache.txt ] && generator_fuzz=() || generator_fuzz=("${generator[@]}")
CC=clang CXX=clang++ cmake -S . -B build-fuzz "${generator_fuzz[@]}" "${launcher[@]}" \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDOSSIER_FUZZ=ON -DDOSSIER_SANITIZE=ON -DBUILD_TESTING=OFF \
  >/dev/null
cmake --build build-fuzz --parallel "$jobs" --target fuzz_decode fuzz_rules fuzz_extract fuzz_alternation
seconds="${DOSSIER_FUZZ_SECONDS:-30}"
for target in decode rules extract alternation; do
  work="$(mktemp -d)"
  step "fuzz_$target for ${seconds} s"
  # New inputs go to a scratch folder; the committed seeds are only read. A crash leaves its
  # reproducer in build-fuzz/ and fails the script.
  build-fuzz/fuzz/fuzz_$target -max_total_time="$seconds" -rss_limit_mb=4096 -print_final_stats=1 \
    -artifact_prefix=build-fuzz/crash-$target- "$work" fuzz/corpus/$target 2>&1 | tail -n 15
  rm -rf "$work"
done
step "all passed"
