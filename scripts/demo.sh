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
echo "What the samples say about APT29 (an alias of Midnight Blizzard), oldest first:"
build/dossier timeline --actor APT29 --db demo.sqlite
echo
echo "Regulator actions in the samples:"
build/dossier actions --db demo.sqlite
