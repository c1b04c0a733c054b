#!/usr/bin/env bash
# The suite under load (issue 15 item 8): `stress-ng --cpu 2` keeps both cores busy while the e2e suite runs
# twice in a row without retries. Any flake fails it. Extra arguments go to Playwright (a spec, --project).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v stress-ng >/dev/null || { echo "stress-ng is missing (Debian: apt-get install stress-ng)" >&2; exit 2; }
stress-ng --cpu 2 --quiet &
STRESS=$!
trap 'kill "$STRESS" 2>/dev/null || true; wait "$STRESS" 2>/dev/null || true' EXIT
for run in 1 2; do
  echo "== e2e under stress-ng --cpu 2, run $run of 2 (--retries=0)"
  npx playwright test -c e2e/playwright.config.ts --retries=0 "$@"
done
