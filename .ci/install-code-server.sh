#!/usr/bin/env bash
# Installs code-server 4.99.4 (a full VS Code 1.99.3 served over HTTP) and Debian's
# Chromium for the end-to-end tests, without the network downloads code-server's own
# install scripts attempt (see ../shared/docs/vscode-e2e.md).
# Idempotent: the result lives in .cache/code-server (git-ignored) and a stamp file
# marks a finished install, so a second run only checks it.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
version="4.99.4"
dir="${SCORECARD_CODE_SERVER_DIR:-$repo/.cache/code-server}"
stamp="$dir/.installed-$version"
started=$SECONDS

# System packages: kerberos headers for a native module, ripgrep to stand in for the
# download, the browser, LibreOffice. Only when missing, so a warm machine needs no apt
# at all.
need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v rg >/dev/null 2>&1 || need_apt+=(ripgrep)
# pdftoppm and pdfinfo, for the print tests of npm run test:browser.
command -v pdftoppm >/dev/null 2>&1 || need_apt+=(poppler-utils)
# LibreOffice reads the Word export back in the tests of npm run test:browser.
command -v soffice >/dev/null 2>&1 || need_apt+=(libreoffice-writer-nogui)
# A sans-serif font for LibreOffice's text and for the charts drawn into the Word file.
dpkg -s fonts-dejavu-core >/dev/null 2>&1 || need_apt+=(fonts-dejavu-core)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
if ((${#need_apt[@]} > 0)); then
  echo "install-code-server: apt-get install ${need_apt[*]}"
  sudo_cmd=()
  if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
  # Wait for another apt (unattended upgrades, a parallel job) rather than fail.
  apt_opts=(-o DPkg::Lock::Timeout=600)
  "${sudo_cmd[@]}" apt-get "${apt_opts[@]}" update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get "${apt_opts[@]}" install -y -qq --no-install-recommends \
    "${need_apt[@]}" build-essential python3
fi

if [[ -f "$stamp" && -x "$dir/node_modules/.bin/code-server" ]]; then
  echo "install-code-server: code-server $version already in $dir"
  exit 0
fi

mkdir -p "$dir"
cd "$dir"
# A package.json of its own keeps npm from climbing to the repo's.
[[ -f package.json ]] || echo '{ "name": "code-server-cache", "private": true }' >package.json
echo "install-code-server: npm install code-server@$version"
npm install --no-audit --no-fund --ignore-scripts "code-server@$version"
npm rebuild argon2

vscode="$dir/node_modules/code-server/lib/vscode"
cd "$vscode"
echo "install-code-server: VS Code's own dependencies"
npm install --no-audit --no-fund --omit=dev --ignore-scripts
# @vscode/ripgrep's install script skips its download when bin/ exists.
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
npm_config_yes=true npm rebuild --unsafe-perm
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sfn code-linux.sh code-server)
(cd bin/helpers && ln -sfn browser-linux.sh browser.sh)
(cd extensions && npm install --no-audit --no-fund --omit=dev)

touch "$stamp"
echo "install-code-server: done in $((SECONDS - started)) s"
