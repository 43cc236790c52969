#!/usr/bin/env bash
# Sets up a fresh Debian machine and runs every test: formatting, lints, data validation, the
# core's unit, snapshot, property and end-to-end tests, then the desktop app's UI component
# and WebDriver tests (scripts/e2e.sh) and its Rust tests, and last the Linux package: built,
# installed, started, removed (scripts/package-test.sh). CI (.ci/run) calls exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."

# System packages: only what the tests need. Root installs directly; others go through sudo.
need_pkgs=()
command -v cc >/dev/null || need_pkgs+=(build-essential)
command -v pkg-config >/dev/null || need_pkgs+=(pkg-config)
# pdftotext, pdffonts and pdfinfo read the generated reports back in the report tests.
command -v pdftotext >/dev/null || need_pkgs+=(poppler-utils)
# LibreOffice opens the DOCX report and converts it to PDF (tests/docx.rs), with the report's
# font so that it lays out Japanese as Word would. About 45 packages, 570 MB, one minute
# (Debian 12, 2026-11-29); recommends are left out.
command -v soffice >/dev/null || need_pkgs+=(libreoffice-writer-nogui)
fc-list 2>/dev/null | grep -q "BIZ UDPGothic" || need_pkgs+=(fonts-morisawa-bizud-gothic)
if [ ${#need_pkgs[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${need_pkgs[@]}"
fi

# The Rust toolchain (rustup), with the components the checks use.
if ! command -v cargo >/dev/null; then
  echo "cargo not found: install Rust with rustup (https://rustup.rs), then re-run." >&2
  exit 1
fi
rustup component add rustfmt clippy >/dev/null 2>&1 || true

echo "== format"
cargo fmt --all --check
echo "== lints"
# The default members: every core crate, the CLI and the tests (not the WebKit-based app).
cargo clippy --all-targets --locked -- -D warnings
echo "== dependencies"
# Licences, banned crates (anything that speaks HTTP or TLS) and sources, by deny.toml. The
# advisory check needs the RustSec database from GitHub, which our machines cannot reach.
export PATH="$HOME/.cargo/bin:$PATH"
command -v cargo-deny >/dev/null || cargo install cargo-deny --version 0.20.2 --locked
cargo deny --locked check licenses bans sources
echo "== data"
cargo run --quiet --locked --bin csirt -- validate questionnaires/jpcert-2015
echo "== tests"
# The DOCX test fails rather than skips if LibreOffice went missing.
CSIRT_REQUIRE_SOFFICE=1 cargo test --locked

echo "== desktop app"
# Installs WebKitGTK, Xvfb, tauri-driver and the npm packages, builds ui/dist and the app,
# and runs the UI component tests and the WebDriver tests of the real app.
bash scripts/e2e.sh
cargo clippy -p csirt-app --all-targets --locked -- -D warnings
# Includes the check that the committed TypeScript bindings match the Rust types.
cargo test -p csirt-app --locked

echo "== packages"
# Builds the .deb and .rpm (debug profile), installs the .deb into /usr, starts the installed
# app, opens a .csirt file through its MIME association, purges the package. Prints its own
# "N passed, M failed" line.
bash scripts/package-test.sh
