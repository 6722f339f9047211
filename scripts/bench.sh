#!/usr/bin/env bash
# `npm run bench [-- --small] [-- --system-engine] [-- --no-seed]`: runs every bench/*.ts with
# tsx, on Node 24 when ensure-tools installed it, and ends with one table of every figure the
# benches recorded, including how long seeding, teardown and the whole run took.
#
# The benches that need no engine run first, on a quiet machine. Then bench/engines.ts starts,
# seeds and deletes three throwaway engines of its own (issue 17). Then the engine and editor
# benches run against an engine seeded once at the scale of issue 6: 1000 containers (a tenth
# running), 300 networks with explicit subnets, 1000 volumes. `--small` seeds 200 / 60 / 200.
#
# By default that engine is a throwaway dockerd the run starts for itself (scripts/throwaway-
# engine.sh: private data, exec root, socket and namespaces, no iptables) and kills on the way
# out, also after a failure or Ctrl-C; deleting it deletes the seed. There a network costs
# milliseconds instead of the system engine's 0.7 s of iptables work, and nothing else is on it.
# Container starts stay expensive anywhere (runc and the shim, about 0.5-1 s of CPU each on the
# 2-core machine), which is why only a tenth of the containers run.
#
# `--system-engine` benches /var/run/docker.sock instead, which other people's tests share:
# everything seeded there carries `berth.test=<run id>` and is removed by that label, and nothing
# else is touched. There seeding the full scale takes about 8 minutes and removal 4.5.
#
# A failing bench fails the whole run after the others ran.
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

source scripts/throwaway-engine.sh

seed_args=()
seed=1
system_engine=0
args=()
for arg in "$@"; do
  case $arg in
    --small) seed_args+=(--small) ;;
    --no-seed) seed=0 ;;
    --system-engine) system_engine=1 ;;
    *) args+=("$arg") ;;
  esac
done

work=$(mktemp -d "${TMPDIR:-/tmp}/berth-bench-run.XXXXXX")
export BERTH_BENCH_SUMMARY=$work/summary.jsonl
state=$work/seed.json
started=$EPOCHREALTIME

# Seconds since $1 (an $EPOCHREALTIME), to a tenth.
since() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }'; }
record() { printf '{"bench":"run","figure":"%s","value":%s,"unit":"s"}\n' "$1" "$2" >>"$BERTH_BENCH_SUMMARY"; }

finish() {
  local t=$EPOCHREALTIME
  if [[ -n $throwaway_engine_dir ]]; then
    printf '\n════ stopping the throwaway engine ════\n'
    throwaway_engine_stop
    echo "stopped and deleted in $(since "$t") s"
    record 'Throwaway engine: kill and delete (seed included)' "$(since "$t")"
  elif [[ -f $state ]]; then
    printf '\n════ removing the seeded engine objects ════\n'
    if "$node" --import tsx bench/lib/seed-cli.ts down "$state"; then
      record 'Removing the seed by label' "$(since "$t")"
    else
      echo "cleanup failed: objects labelled berth.test=$(grep -o '"label":"[^"]*"' "$state") may remain"
    fi
  fi
  record 'Whole npm run bench' "$(since "$started")"
  printf '\n════ summary (%s s, load average %s) ════\n' "$(since "$started")" "$(cut -d' ' -f1-3 /proc/loadavg)"
  "$node" --import tsx bench/lib/summary.ts "$BERTH_BENCH_SUMMARY"
  rm -rf "$work"
}
trap finish EXIT
trap 'exit 130' INT TERM

shopt -s nullglob
engine_benches=(bench/engine.ts bench/editor.ts)
# Benches that start and seed engines of their own: after the quiet ones, before the shared
# throwaway engine, so that one set of engines runs at a time.
fleet_benches=(bench/engines.ts)
quiet_benches=()
for bench in bench/*.ts; do
  [[ " ${engine_benches[*]} ${fleet_benches[*]} " == *" $bench "* ]] || quiet_benches+=("$bench")
done

failed=()
run() {
  printf '\n════ %s ════\n' "$1"
  local t=$EPOCHREALTIME
  "$node" --import tsx "$1" "${args[@]}" || failed+=("$1")
  echo "($1 took $(since "$t") s)"
}

for bench in "${quiet_benches[@]}"; do run "$bench"; done
for bench in "${fleet_benches[@]}"; do [[ -f $bench ]] && run "$bench"; done
if ((!system_engine)); then
  printf '\n════ starting a throwaway engine ════\n'
  t=$EPOCHREALTIME
  if throwaway_engine_start "$(mktemp -d "${TMPDIR:-/tmp}/berth-engine.XXXXXX")"; then
    echo "dockerd answers at $THROWAWAY_ENGINE_SOCKET after $(since "$t") s"
    record 'Throwaway engine: start' "$(since "$t")"
    # The harness (seed, benches) and everything that reads DOCKER_HOST: the peer's docker CLI,
    # code-server and so Berth in the editor bench.
    export BERTH_ENGINE_SOCKET=$THROWAWAY_ENGINE_SOCKET DOCKER_HOST=unix://$THROWAWAY_ENGINE_SOCKET
  else
    failed+=('throwaway engine')
    throwaway_engine_stop
    engine_benches=()
  fi
fi
if ((seed)) && ((${#engine_benches[@]} > 0)); then
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
