# Sourced by scripts/bench.sh: a throwaway dockerd that the bench owns, so that it can seed and
# drop 1000 containers without touching the system engine other people's tests share.
#
#   throwaway_engine_start <dir>   starts it; sets THROWAWAY_ENGINE_SOCKET (a unix socket in <dir>)
#   throwaway_engine_stop          kills it and deletes <dir> and its cgroups; safe to call twice
#
# Isolation: dockerd runs in its own network, mount and PID namespaces (unshare). Its bridges,
# veths and default bridge live in the private network namespace, so nothing reaches docker0 or
# the host's routes, and --iptables=false etc. leave the host's tables alone (and make a network
# cost milliseconds, not the 0.7 s the system engine spends on iptables). Its loopback is up, so
# that a single-node swarm can listen on 127.0.0.1. In the private mount
# namespace tmpfs hides /run and /etc/docker: dockerd cannot find the system containerd or
# daemon.json, so it supervises its own containerd, whose state and shim sockets stay private.
# Its data and exec roots are tmpfs mounts there too: every mount, layer and volume disappears
# with the namespace (deleting 1000 containers' directories from disk took a minute). Its
# containers' cgroups sit under their own parent, removed on stop.
#
# Stopping is a SIGKILL to the PID namespace's init: the data is thrown away, so there is nothing
# to shut down cleanly, and the kernel kills everything else in the namespace. If bench.sh itself
# is killed, the parent-death signals (setpriv --pdeathsig on unshare, unshare --kill-child on
# init) do the same, though its directory and empty cgroups then stay behind.

throwaway_engine_dir=
throwaway_engine_pid=
THROWAWAY_ENGINE_SOCKET=

# Runs inside the namespaces before init: private /run and /etc/docker, and the engine's state on
# tmpfs, which dies with the namespace, so nothing is left to delete and no fsync reaches the disk.
# shellcheck disable=SC2016
readonly throwaway_engine_init='
dir=$1 && shift &&
ip link set lo up &&
mount -t tmpfs -o mode=755 berth-run /run &&
mount -t tmpfs -o mode=755 berth-etc-docker /etc/docker &&
mount -t tmpfs -o mode=711,size=4g berth-engine-data "$dir/data" &&
mount -t tmpfs -o mode=711,size=1g berth-engine-exec "$dir/exec" &&
exec docker-init -- "$@"'

throwaway_engine_start() {
  throwaway_engine_dir=$1
  local dir=$1 tool
  for tool in unshare setpriv ip docker-init dockerd docker; do
    command -v "$tool" >/dev/null || {
      echo "throwaway engine: $tool is not installed" >&2
      return 1
    }
  done
  [[ $(id -u) == 0 ]] || {
    echo "throwaway engine: needs root (namespaces, mounts); use --system-engine instead" >&2
    return 1
  }
  mkdir -p "$dir/data" "$dir/exec" || return 1
  echo '{}' >"$dir/daemon.json"
  THROWAWAY_ENGINE_SOCKET=$dir/docker.sock
  # Not in a subshell: setpriv's parent-death signal must follow bench.sh itself.
  setsid setpriv --pdeathsig KILL \
    unshare --net --mount --pid --fork --kill-child --mount-proc \
    sh -c "$throwaway_engine_init" sh "$dir" \
    dockerd \
    --config-file "$dir/daemon.json" \
    --data-root "$dir/data" \
    --exec-root "$dir/exec" \
    --pidfile "$dir/dockerd.pid" \
    --host "unix://$THROWAWAY_ENGINE_SOCKET" \
    --cgroup-parent "/$(basename "$dir")" \
    --containerd-namespace berth-bench \
    --containerd-plugins-namespace berth-bench-plugins \
    --iptables=false --ip6tables=false --ip-masq=false --ip-forward=false \
    --userland-proxy=false \
    --log-level warn \
    >"$dir/dockerd.log" 2>&1 </dev/null &
  throwaway_engine_pid=$!
  local deadline=$((SECONDS + 60))
  until docker --host "unix://$THROWAWAY_ENGINE_SOCKET" version --format '{{.Server.Version}}' >/dev/null 2>&1; do
    if ! kill -0 "$throwaway_engine_pid" 2>/dev/null || ((SECONDS > deadline)); then
      echo "throwaway engine did not start; its log:" >&2
      tail -n 20 "$dir/dockerd.log" >&2
      return 1
    fi
    sleep 0.2
  done
}

throwaway_engine_stop() {
  [[ -n $throwaway_engine_dir ]] || return 0
  if [[ -n $throwaway_engine_pid ]]; then
    # Kill the namespace's init (unshare's only child), not unshare: unshare then returns only
    # once init has exited, and init exits only after the kernel has killed and reaped every
    # other process in the namespace; with them go the namespace's mounts.
    local init
    init=$(cat "/proc/$throwaway_engine_pid/task/$throwaway_engine_pid/children" 2>/dev/null)
    kill -KILL ${init:-$throwaway_engine_pid} 2>/dev/null
    wait "$throwaway_engine_pid" 2>/dev/null
    throwaway_engine_pid=
  fi
  # The containers' cgroups outlive their killed processes; only empty ones can go, deepest first.
  local name cgroup
  name=$(basename "$throwaway_engine_dir")
  for cgroup in /sys/fs/cgroup/*/"$name" /sys/fs/cgroup/"$name"; do
    [[ -d $cgroup ]] && find "$cgroup" -depth -type d -exec rmdir {} + 2>/dev/null
  done
  rm -rf "$throwaway_engine_dir"
  throwaway_engine_dir=
}
