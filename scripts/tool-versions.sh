#!/usr/bin/env bash
# Prints the version of each tool the tests run on, one line each, so that a red run can be
# matched with what it ran on (a browser release changes how the workbench takes clicks).
# Reports a missing tool instead of failing: it runs before the tests, which say why they need it.
set -uo pipefail

tools=${BERTH_TOOLS:-$HOME/.cache/berth-tools}
node24=$tools/node24/node_modules/node/bin/node
code_server_entry=$tools/code-server/node_modules/code-server/out/node/entry.js
chromium=${BERTH_CHROMIUM:-/usr/bin/chromium}

line() { printf '[versions] %-12s %s\n' "$1" "$2"; }

first_line_of() {
  local out
  out=$("$@" 2>/dev/null | head -n 1) && [[ -n $out ]] && printf '%s' "$out" || printf 'missing (%s)' "$1"
}

line chromium "$(first_line_of "$chromium" --version)"
if [[ -x $node24 && -f $code_server_entry ]]; then
  # A first run prints "Wrote default config file …" before the version line.
  version=$(cd "$tools" && "$node24" "$code_server_entry" --version 2>/dev/null | grep -m 1 -E '^[0-9]+\.')
  line code-server "${version:-missing (no version from $code_server_entry)}"
else
  line code-server "missing ($code_server_entry)"
fi
line node "$(first_line_of node --version) at $(command -v node || echo '(none on PATH)')"
line node24 "$(first_line_of "$node24" --version) at $node24"
if ! command -v docker >/dev/null; then
  line engine "missing (no docker CLI to ask it)"
elif server=$(docker version --format \
  'client {{.Client.Version}} (API {{.Client.APIVersion}}), server {{.Server.Version}} (API {{.Server.APIVersion}}, minimum {{.Server.MinAPIVersion}})' 2>&1); then
  line engine "$server at ${DOCKER_HOST:-unix:///var/run/docker.sock}"
else
  line engine "$(docker version --format 'client {{.Client.Version}} (API {{.Client.APIVersion}})' 2>/dev/null), server not answering: ${server##*$'\n'}"
fi
