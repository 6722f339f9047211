#!/usr/bin/env bash
# `npm test`: the static checks, the build, then every test layer (unit, engine, real VS Code) in
# one node:test run. Ends with exactly one line `N passed, N failed, N skipped`, in which each
# static check counts as one test. Exits non-zero when anything failed.
#
#   BERTH_REQUIRE_ALL=1   a test that would skip (no engine, browser or VS Code) fails instead
#   BERTH_SKIP_ENSURE=1   do not run scripts/ensure-tools.sh first (.ci/run already did)
#   BERTH_TEST_FILES      run only these test files (space separated) instead of all layers
set -uo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo" || exit 1
tools=${BERTH_TOOLS:-$HOME/.cache/berth-tools}
node24=$tools/node24/node_modules/node/bin/node
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [[ ${BERTH_SKIP_ENSURE:-} != 1 ]]; then
  # Installs nothing that is present; without root it stops at what it cannot install.
  bash scripts/ensure-tools.sh || echo "[test-all] ensure-tools failed; tests that need the missing tools will skip or fail"
fi

checks_passed=0
checks_failed=0
failed_checks=()
check() {
  local name=$1
  shift
  printf '\n── %s: %s\n' "$name" "$*"
  if "$@"; then
    checks_passed=$((checks_passed + 1))
  else
    checks_failed=$((checks_failed + 1))
    failed_checks+=("$name")
  fi
}

check check-types npm run --silent check-types
check lint npm run --silent lint
check format:check npm run --silent format:check
# The e2e layer installs this VSIX instead of packaging its own.
check package npm run --silent package
export BERTH_VSIX=$repo/dist/berth.vsix

if [[ -x $node24 ]]; then
  node=$node24
else
  node=node
  echo "[test-all] Node 24 is missing ($node24); running the tests on $(node --version)"
fi

if [[ -n ${BERTH_TEST_FILES:-} ]]; then
  read -ra files <<<"$BERTH_TEST_FILES"
else
  shopt -s globstar nullglob
  files=(test/unit/**/*.test.ts test/engine/**/*.test.ts test/e2e/**/*.test.ts)
fi

printf '\n── tests: %d files\n' "${#files[@]}"
summary=$work/summary.txt
if ((${#files[@]} > 0)); then
  # Each file runs in its own process; two at a time keeps the e2e layer (code-server + Chromium)
  # from starving on a 2-core machine. A hung test fails after 5 minutes instead of hanging CI.
  "$node" --import tsx --test \
    --test-concurrency=2 \
    --test-timeout=300000 \
    --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=./test/harness/summary-reporter.mjs --test-reporter-destination="$summary" \
    "${files[@]}"
fi

passed=0 failed=0 skipped=0
if [[ -s $summary ]]; then
  read -r passed _ failed _ skipped _ <"$summary"
elif ((${#files[@]} > 0)); then
  echo "[test-all] the test run produced no summary (crashed?)"
  failed=1
fi
passed=$((passed + checks_passed))
failed=$((failed + checks_failed))
if ((checks_failed > 0)); then echo "[test-all] failed static checks: ${failed_checks[*]}"; fi
echo "$passed passed, $failed failed, $skipped skipped"
((failed == 0))
