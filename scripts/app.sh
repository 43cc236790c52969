#!/usr/bin/env bash
# Sets up a fresh Debian or Ubuntu machine, builds the desktop app (front end, then the Tauri
# shell) and opens it. The first start shows the demo organisation. Extra arguments go to the
# app (e.g. --db /path/to/file.sqlite3). Set CSIRT_RELEASE=0 for a faster debug build.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
need_pkgs=()
for p in build-essential pkg-config libwebkit2gtk-4.1-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need_pkgs+=("$p")
done
# Without a Japanese font the Japanese screens would show boxes.
if ! fc-list :lang=ja 2>/dev/null | grep -q .; then need_pkgs+=(fonts-morisawa-bizud-gothic); fi
command -v node >/dev/null || need_pkgs+=(nodejs npm)
if [ ${#need_pkgs[@]} -gt 0 ]; then
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${need_pkgs[@]}"
fi
# Vite 8 needs Node 20.19 or later (Debian 12's own nodejs is 18: use NodeSource or nvm).
if ! node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)'; then
  echo "Node $(node --version) is too old: the front end needs Node 20.19 or later." >&2
  exit 1
fi
command -v cargo >/dev/null || {
  echo "cargo not found: install Rust with rustup (https://rustup.rs), then re-run." >&2
  exit 1
}

(cd ui && npm ci --no-audit --no-fund && npm run build)
if [ "${CSIRT_RELEASE:-1}" = "1" ]; then
  cargo build --release --locked -p csirt-app
  exec "${CARGO_TARGET_DIR:-./target}/release/csirt-app" "$@"
else
  cargo build --locked -p csirt-app
  exec "${CARGO_TARGET_DIR:-./target}/debug/csirt-app" "$@"
fi
