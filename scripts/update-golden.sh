#!/usr/bin/env bash
# Rewrites tests/golden/ from the current build. Read `git diff tests/golden` before committing:
# every changed line is a changed answer.
set -euo pipefail
cd "$(dirname "$0")/.."
(cd data/samples && ../../build/dossier extract --dct 2024-11-21 .) > tests/golden/samples.ndjson
