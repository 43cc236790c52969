#!/usr/bin/env bash
# Builds the Linux packages of the desktop app, offline: a .deb and an .rpm written by Tauri's
# bundler (the npm @tauri-apps/cli pinned in scripts/tauri-cli/package.json), each holding the
# app, the `csirt` command as /usr/bin/csirt, the desktop entry (ja, en), the icons and the
# MIME type of assessment files (.csirt, .csirt.age).
#
#   bash scripts/package.sh            # release build (what users install)
#   bash scripts/package.sh --debug    # debug build, much faster: what CI's package test installs
#
# Prints the path of each package on its own line at the end ("package: <path>").
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"

profile=release
case "${1:-}" in
  --debug) profile=debug ;;
  "") ;;
  *) echo "usage: bash scripts/package.sh [--debug]" >&2; exit 2 ;;
esac

SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
need_pkgs=()
for p in build-essential pkg-config libwebkit2gtk-4.1-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need_pkgs+=("$p")
done
if [ ${#need_pkgs[@]} -gt 0 ]; then
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${need_pkgs[@]}"
fi
for tool in cargo node npm; do
  command -v "$tool" >/dev/null || { echo "$tool not found: install it first (see docs/desktop.md)" >&2; exit 1; }
done

target="$(cargo metadata --format-version 1 --no-deps --locked | node -e \
  'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).target_directory))')"
cargo_profile=(); [ "$profile" = release ] && cargo_profile=(--release)
tauri_profile=(); [ "$profile" = debug ] && tauri_profile=(--debug)

echo "== front end"
(cd ui && npm ci --no-audit --no-fund && npm run build)
echo "== tauri cli"
(cd scripts/tauri-cli && npm ci --no-audit --no-fund)
echo "== csirt command ($profile)"
cargo build --locked "${cargo_profile[@]}" -p csirt-cli
cli="$target/$profile/csirt"
[ -x "$cli" ] || { echo "the csirt binary is missing at $cli" >&2; exit 1; }

# The CLI's path depends on the profile and target directory, so it is given to the bundler
# here, merged into tauri.conf.json's bundle.linux.{deb,rpm}.files.
extra="$(node -e '
  const cli = process.argv[1];
  const files = { "/usr/bin/csirt": cli };
  console.log(JSON.stringify({ bundle: { linux: { deb: { files }, rpm: { files } } } }));
' "$cli")"

bundles="$target/$profile/bundle"
rm -rf "$bundles/deb" "$bundles/rpm"
echo "== app and packages ($profile)"
(cd src-tauri && "$root/scripts/tauri-cli/node_modules/.bin/tauri" build --ci \
  "${tauri_profile[@]}" --bundles deb,rpm --config "$extra" -- --locked)

shopt -s nullglob
debs=("$bundles"/deb/*.deb)
rpms=("$bundles"/rpm/*.rpm)
if [ ${#debs[@]} -ne 1 ] || [ ${#rpms[@]} -ne 1 ]; then
  echo "expected one .deb and one .rpm under $bundles, found ${#debs[@]} and ${#rpms[@]}" >&2
  exit 1
fi
for f in "${debs[0]}" "${rpms[0]}"; do
  echo "package: $f ($(du -h "$f" | cut -f1))"
done
