#!/usr/bin/env bash
# README's first command: install what is missing, build, ingest the bundled samples, ask.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
rm -f demo.sqlite demo.sqlite-wal demo.sqlite-shm
# The samples carry no date of their own; they were published around 21 November 2024.
build/dossier ingest data/samples --db demo.sqlite --dct 2024-11-21
echo
echo "Regulator actions in the samples:"
sqlite3 -header -column demo.sqlite \
  "SELECT r.action, e.name AS regulator, r.target_text AS target, r.date
     FROM regulator_actions r JOIN entities e ON e.id = r.regulator_id
    WHERE NOT r.boilerplate ORDER BY r.id"
