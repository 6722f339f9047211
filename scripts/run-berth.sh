#!/usr/bin/env bash
# `npm start`: installs what is missing, builds and packages Berth, and opens it in code-server
# (VS Code in the browser) on 127.0.0.1 with a sample workspace. Runs until Ctrl-C.
#
#   PORT=9000 npm start                      another port (default 8080)
#   npm start -- --check shot.png            start it, verify in Chromium that the Berth views
#                                            appear and the language server runs, save a
#                                            screenshot, and exit (non-zero when it does not work)
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
tools=${BERTH_TOOLS:-$HOME/.cache/berth-tools}
node24=$tools/node24/node_modules/node/bin/node
code_server=$tools/code-server/node_modules/code-server/out/node/entry.js
run_dir=${BERTH_RUN_DIR:-$HOME/.cache/berth-run}
port=${PORT:-8080}

check_png=
if [[ ${1:-} == --check ]]; then
  check_png=${2:?usage: run-berth.sh --check <screenshot.png>}
fi

bash scripts/ensure-tools.sh
echo "[run-berth] building and packaging Berth"
npm run --silent package >/dev/null
vsix=$repo/dist/berth.vsix

if [[ -n $check_png ]]; then
  exec "$node24" --import tsx test/e2e/run-check.ts "$check_png" "$vsix"
fi

# Private dirs: the user's own code-server or VS Code settings and extensions stay untouched.
user_data=$run_dir/user-data
extensions=$run_dir/extensions
workspace=$run_dir/sample-workspace
mkdir -p "$user_data/User" "$extensions"
# The sample is copied once, so that edits made while trying Berth survive a restart.
[[ -d $workspace ]] || cp -r test/fixtures/workspace "$workspace"
cat >"$user_data/User/settings.json" <<'JSON'
{
  "workbench.startupEditor": "none",
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
  "security.workspace.trust.enabled": false,
  "chat.disableAIFeatures": true
}
JSON
echo 'auth: none' >"$run_dir/config.yaml"
common=(--config "$run_dir/config.yaml" --user-data-dir "$user_data" --extensions-dir "$extensions")

echo "[run-berth] installing $vsix into code-server"
"$node24" "$code_server" "${common[@]}" --install-extension "$vsix" --force >/dev/null

cat <<EOF_MSG

  Berth is running in VS Code at  http://127.0.0.1:$port/
  Open that address in a browser, then click the Berth anchor icon in the activity bar (left).
  The sample workspace has Dockerfiles: open Dockerfile to see the linter; the Berth output
  channel (Berth: Show Output) shows the language server running.
  Stop with Ctrl-C.

EOF_MSG
exec "$node24" "$code_server" "${common[@]}" \
  --auth none --bind-addr "127.0.0.1:$port" \
  --disable-telemetry --disable-update-check --disable-workspace-trust \
  --disable-getting-started-override --ignore-last-opened \
  "$workspace"
