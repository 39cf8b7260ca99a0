#!/usr/bin/env bash
# Rules load against the size of a user's gazetteer: for each N, writes a gazetteer of N
# generated organisations (a two-word name and a "... Ltd" alias each, so 2N aliases), then
# times `dossier extract` of a one-line file with `--rules` on it: the whole start-up (built-in
# rules, the user's gazetteer, the name index) and its peak RSS. N = 0 is the built-in rules alone.
#
#   bench/rules_load.sh [N ...]        (default: 0 5000 20000 100000)
# Environment: BUILD (default build-bench), WORK (default /tmp/dossier-bench), RUNS (default 3).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-build-bench}
[[ $build = /* ]] || build="$root/$build"
work=${WORK:-/tmp/dossier-bench}/rules-load
runs=${RUNS:-3}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(0 5000 20000 100000)
timer=/usr/bin/time
[ -x "$timer" ] || { echo "needs /usr/bin/time (Debian package 'time')" >&2; exit 1; }

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
ninja -C "$build" dossier >/dev/null
mkdir -p "$work"
printf 'One line.\n' >"$work/one.txt"

# gazetteer N FILE: N organisations with distinct names made of syllables (seeded, repeatable).
gazetteer() {
  awk -v n="$1" 'BEGIN {
    srand(1)
    split("ka lo mer tin dra vex sol qua ri zen bor tal mi nor pex gal ur fen dor sy", syl, " ")
    split("Holdings Group Systems Partners Logistics Energy Media Capital Foods Labs", tail, " ")
    print "kind = \"organisations\""
    while (made < n) {
      w = ""
      k = 2 + int(rand() * 3)
      for (i = 0; i < k; i++) w = w syl[1 + int(rand() * 20)]
      name = toupper(substr(w, 1, 1)) substr(w, 2) " " tail[1 + int(rand() * 10)]
      if (name in seen) continue
      seen[name] = 1
      made++
      printf "\n[[entity]]\nname = \"%s\"\ncategory = \"company\"\ncountry = \"GB\"\n", name
      printf "aliases = [\"%s Ltd\"]\n", name
    }
  }' >"$2"
}

printf '%-9s %8s %9s %8s\n' entities aliases seconds RSS_MB
for n in "${sizes[@]}"; do
  args=()
  if [ "$n" -gt 0 ]; then
    mkdir -p "$work/gazetteer-$n"
    [ -f "$work/gazetteer-$n/orgs.toml" ] || gazetteer "$n" "$work/gazetteer-$n/orgs.toml"
    args=(--rules "$work/gazetteer-$n")
  fi
  best=""
  for ((r = 0; r < runs; r++)); do
    "$timer" -f '%e %M' -o "$work/time.txt" "$build/dossier" extract "${args[@]}" "$work/one.txt" \
      >/dev/null
    read -r secs rss <"$work/time.txt"
    # The fastest run: the others waited on something else on the machine.
    if [ -z "$best" ] || awk -v a="$secs" -v b="$best" 'BEGIN { exit !(a < b) }'; then
      best=$secs
      best_rss=$rss
    fi
  done
  awk -v n="$n" -v s="$best" -v r="$best_rss" \
    'BEGIN { printf "%-9d %8d %9.2f %8.1f\n", n, 2 * n, s, r / 1024 }'
done
