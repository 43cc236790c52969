#!/usr/bin/env bash
# Desktop app tests: installs what they need (Debian packages, tauri-driver, npm packages),
# builds the front end, the app and the CLI, then runs
#   1. the UI component tests (Vitest with jsdom, IPC mocked), and
#   2. the WebDriver tests of the real app (tests/e2e, tauri-driver + WebKitWebDriver, Xvfb):
#      app.test.mjs, then access.test.mjs (the workshop on a projector, axe-core on every
#      screen in both languages with a per-screen summary, the keyboard-only wizard).
# Ends with one line "N passed, N failed" and a non-zero exit status when anything failed.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"

SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
need_pkgs=()
for p in build-essential pkg-config libwebkit2gtk-4.1-dev webkit2gtk-driver xvfb xauth; do
  dpkg -s "$p" >/dev/null 2>&1 || need_pkgs+=("$p")
done
# A Japanese font, so Japanese text renders in the webview (and in screenshots).
if ! fc-list :lang=ja 2>/dev/null | grep -q .; then need_pkgs+=(fonts-morisawa-bizud-gothic); fi
if [ ${#need_pkgs[@]} -gt 0 ]; then
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${need_pkgs[@]}"
fi
for tool in cargo node npm; do
  command -v "$tool" >/dev/null || { echo "$tool not found: install it first (see docs/desktop.md)" >&2; exit 1; }
done
export PATH="$HOME/.cargo/bin:$PATH"
command -v tauri-driver >/dev/null || cargo install tauri-driver --version 2.1.0 --locked

echo "== build"
(cd ui && npm ci --no-audit --no-fund && npm run build)
(cd tests/e2e && npm ci --no-audit --no-fund)
cargo build --locked -p csirt-app -p csirt-cli

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT
status=0

echo "== UI component tests"
(cd ui && npx vitest run --reporter=default --reporter=json --outputFile="$results/vitest.json") || status=1

echo "== WebDriver tests of the app"
(cd tests/e2e && xvfb-run -a --server-args="-screen 0 1280x860x24" \
  node --test --test-concurrency=1 \
    --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=tap --test-reporter-destination="$results/e2e.tap" \
    app.test.mjs access.test.mjs) || status=1

node - "$results" <<'JS'
const fs = require('fs');
const dir = process.argv[2];
let passed = 0, failed = 0;
try {
  const v = JSON.parse(fs.readFileSync(`${dir}/vitest.json`, 'utf8'));
  passed += v.numPassedTests; failed += v.numFailedTests;
} catch { failed += 1; }
try {
  const tap = fs.readFileSync(`${dir}/e2e.tap`, 'utf8');
  // The summary counts individual tests (suites excluded) at the end of the TAP stream.
  passed += Number(/^# pass (\d+)/m.exec(tap)?.[1] ?? 0);
  failed += Number(/^# fail (\d+)/m.exec(tap)?.[1] ?? 1);
} catch { failed += 1; }
fs.writeFileSync(`${dir}/counts`, `${passed} ${failed}\n`);
JS
read -r passed failed < "$results/counts"
[ "$failed" -eq 0 ] || status=1
echo "$passed passed, $failed failed"
exit "$status"
