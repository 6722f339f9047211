#!/usr/bin/env bash
# `npm run bench`: runs every bench/*.ts in turn with tsx, on Node 24 when ensure-tools installed it.
# Each bench prints its own figures; a failing bench fails the whole run after the others ran.
set -uo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo" || exit 1
node24=${BERTH_TOOLS:-$HOME/.cache/berth-tools}/node24/node_modules/node/bin/node
node=node
[[ -x $node24 ]] && node=$node24

shopt -s nullglob
benches=(bench/*.ts)
if ((${#benches[@]} == 0)); then
  echo "no benches in bench/"
  exit 0
fi
failed=()
for bench in "${benches[@]}"; do
  printf '\n════ %s ════\n' "$bench"
  "$node" --import tsx "$bench" "$@" || failed+=("$bench")
done
if ((${#failed[@]} > 0)); then
  printf '\nfailed: %s\n' "${failed[*]}"
  exit 1
fi
