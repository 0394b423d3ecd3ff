#!/usr/bin/env bash
# Sets up a checkout for building and testing (the `pretest`/`predemo` hook),
# using only Debian's packages and the npm registry (no GitHub / VS Code CDN /
# browser downloads), then builds:
#
#   apt: chromium     headless browser that shows VS Code's web workbench
#        ripgrep      stands in for the binary @vscode/ripgrep downloads from GitHub
#        libkrb5-dev  headers to build VS Code's `kerberos` native addon
#        g++ make python3  node-gyp's tool chain for VS Code's native addons
#        fonts-wqy-zenhei  CJK glyphs, so screenshots of Chinese plans show text, not boxes
#   npm: the project's devDependencies, among them code-server (VS Code 1.100.3
#        under node_modules/code-server/lib/vscode), playwright-core, mocha, and
#        @vscode/vsce (npm run package).
#   build: `npm run build` (esbuild: dist/extension.js, dist/cli.js) and
#        `tsc -p .` (src and test compiled to out/, for mocha and the harness).
#
# Idempotent: with the same package-lock.json the install steps are skipped;
# the build always runs (it takes seconds).
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
missing=()
for p in chromium ripgrep libkrb5-dev g++ make python3 fonts-wqy-zenhei; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
# Debian's own nodejs keeps the headers node-gyp needs in libnode-dev.
node_h="$(dirname "$(dirname "$(command -v node)")")/include/node/node.h"
[ -f "$node_h" ] || [ -n "${npm_config_nodedir:-}" ] || missing+=(libnode-dev)
if ((${#missing[@]})); then
  echo "[install] apt-get install ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

stamp=node_modules/.vscode-harness-installed
want="$(sha256sum package-lock.json | cut -d' ' -f1)"
rg_bin=node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg

build() {
  echo "[build] esbuild bundles, then tsc -p . (out/)"
  npm run --silent build
  npx --no-install tsc -p .
}

if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -x "$rg_bin" ]; then
  echo "[install] node_modules up to date"
  build
  exit 0
fi

# npm settings for this machine's ~/.npmrc (yes=false would make node-pty's
# `npx node-gyp` refuse). unsafe-perm is not among them: npm 7+ no longer knows it and warns
# ("Unknown env config") on every npm and npx call that sees it; only code-server's postinstall
# asks for it (as root), so it is set for that one rebuild below.
export npm_config_yes=true npm_config_audit=false npm_config_fund=false
# node-gyp must build against the local Node headers; without a nodedir it
# would try to download them from nodejs.org, which is unreachable here.
node_prefix="$(dirname "$(dirname "$(command -v node)")")"
if [ -z "${npm_config_nodedir:-}" ] && [ -f "$node_prefix/include/node/node.h" ]; then
  export npm_config_nodedir="$node_prefix"
fi

# 1) Unpack every package without running install scripts.
echo "[install] npm ci --ignore-scripts"
npm ci --ignore-scripts --loglevel=error

# 2) code-server's postinstall runs `npm install` in lib/vscode, whose
#    @vscode/ripgrep postinstall downloads rg from GitHub unless the archive is
#    already in its cache folder: put Debian's rg there under the expected name.
rg_ver="$(node -p "require('./node_modules/code-server/lib/vscode/npm-shrinkwrap.json').packages['node_modules/@vscode/ripgrep'].version")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack "@vscode/ripgrep@$rg_ver" --loglevel=error >/dev/null && tar xzf ./*.tgz)
rg_tag="$(sed -n "s/^const VERSION = '\(.*\)';.*/\1/p" "$work/package/lib/postinstall.js")"
case "$(uname -m)" in
  x86_64) rg_target=x86_64-unknown-linux-musl ;;
  aarch64) rg_target=aarch64-unknown-linux-musl ;;
  *) echo "[install] unsupported arch $(uname -m)" >&2; exit 1 ;;
esac
# The cache lives in os.tmpdir(); point TMPDIR at a project-local folder for the
# rebuild so nothing is left outside the checkout.
build_tmp="$PWD/node_modules/.cache/vscode-harness-tmp"
rg_cache="$build_tmp/vscode-ripgrep-cache-$rg_ver"
mkdir -p "$rg_cache" "$work/rg"
cp "$(command -v rg)" "$work/rg/rg"
tar czf "$rg_cache/ripgrep-$rg_tag-$rg_target.tar.gz" -C "$work/rg" rg
echo "[install] seeded $rg_cache/ripgrep-$rg_tag-$rg_target.tar.gz from $(command -v rg)"

# 3) Run the install scripts that are needed: code-server's postinstall (VS Code's
#    runtime deps + native addons built with node-gyp against Node's headers), argon2's
#    and esbuild's. Named, not all: @vscode/vsce's optional keytar (a credential store
#    for publishing, never used here) would need libsecret's headers and fail the rebuild.
echo "[install] npm rebuild code-server argon2 esbuild (runs their install scripts; builds native addons)"
TMPDIR="$build_tmp" npm_config_unsafe_perm=true npm rebuild code-server argon2 esbuild --loglevel=error
rm -rf "$build_tmp"
test -x "$rg_bin" || { echo "[install] $rg_bin missing" >&2; exit 1; }
echo "$want" > "$stamp"
echo "[install] done"
build
