#!/usr/bin/env bash
# `npm run bench [-- --large] [-- --no-seed]`: runs every bench/*.ts with tsx, on Node 24 when
# ensure-tools installed it, and ends with one table of every figure the benches recorded.
#
# The benches that need no engine run first, on a quiet machine. Then the engine is seeded once
# for the engine and editor benches (200 containers, a quarter running; 60 networks; 200 volumes),
# and the seed is removed on the way out, also after a failure or Ctrl-C. A failing bench fails
# the whole run after the others ran.
#
# --large seeds the scale of issue 6: 1000 containers (a tenth running), 300 networks with
# explicit subnets, 1000 volumes. It is not the default because it makes the run take about
# 27 minutes on the 2-core machine: the engine creates and removes bridge networks one at a
# time (about 0.7 s each, iptables) and starts containers at about 1-3 s each under load, so
# seeding took 7.5-8.5 minutes and removal 4.5 minutes.
#
# The summary contract (bench/lib/summary.ts): each bench appends one JSON object per figure to
# the file named by BERTH_BENCH_SUMMARY, e.g.
#   {"bench":"lint","figure":"Lint the corpus","value":812,"unit":"ms","peer":"dockerfile-utils","peerValue":2400}
# optional: "ratio" (times better than the peer; computed from peerValue when left out), "target".
set -uo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo" || exit 1
node24=${BERTH_TOOLS:-$HOME/.cache/berth-tools}/node24/node_modules/node/bin/node
node=node
[[ -x $node24 ]] && node=$node24

seed_args=()
seed=1
args=()
for arg in "$@"; do
  case $arg in
    --large) seed_args+=(--large) ;;
    --no-seed) seed=0 ;;
    *) args+=("$arg") ;;
  esac
done

work=$(mktemp -d "${TMPDIR:-/tmp}/berth-bench-run.XXXXXX")
export BERTH_BENCH_SUMMARY=$work/summary.jsonl
state=$work/seed.json
started=$SECONDS

finish() {
  if [[ -f $state ]]; then
    printf '\n════ removing the seeded engine objects ════\n'
    "$node" --import tsx bench/lib/seed-cli.ts down "$state" || echo "cleanup failed: objects labelled berth.test=$(grep -o '"label":"[^"]*"' "$state") may remain"
  fi
  printf '\n════ summary (%d s, load average %s) ════\n' "$((SECONDS - started))" "$(cut -d' ' -f1-3 /proc/loadavg)"
  "$node" --import tsx bench/lib/summary.ts "$BERTH_BENCH_SUMMARY"
  rm -rf "$work"
}
trap finish EXIT
trap 'exit 130' INT TERM

shopt -s nullglob
engine_benches=(bench/engine.ts bench/editor.ts)
quiet_benches=()
for bench in bench/*.ts; do
  [[ " ${engine_benches[*]} " == *" $bench "* ]] || quiet_benches+=("$bench")
done

failed=()
run() {
  printf '\n════ %s ════\n' "$1"
  "$node" --import tsx "$1" "${args[@]}" || failed+=("$1")
}

for bench in "${quiet_benches[@]}"; do run "$bench"; done
if ((seed)); then
  printf '\n════ seeding the engine ════\n'
  if "$node" --import tsx bench/lib/seed-cli.ts up "$state" "${seed_args[@]}"; then
    export BERTH_BENCH_SEED=$state
  else
    failed+=(seeding)
  fi
fi
for bench in "${engine_benches[@]}"; do [[ -f $bench ]] && run "$bench"; done

if ((${#failed[@]} > 0)); then
  printf '\nfailed: %s\n' "${failed[*]}"
  exit 1
fi
