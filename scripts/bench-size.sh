#!/usr/bin/env bash
# Issue #14: the desktop binary's size against a bare Tauri 2 window built from the same
# Tauri version, features and release profile (benches/bare-tauri). Builds both in release,
# strips copies of both (as a package would) and prints their sizes and the ratio; the goal
# is at most 1.8 times.
#
#   scripts/bench-size.sh
set -euo pipefail

cd "$(dirname "$0")/.."
TARGET="${CARGO_TARGET_DIR:-$PWD/target}"

make --no-print-directory ui >/dev/null
cargo build --release --quiet -p yardstick-app -p bare-tauri
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
strip -o "$work/yardstick-app" "$TARGET/release/yardstick-app"
strip -o "$work/bare-tauri" "$TARGET/release/bare-tauri"
app="$work/yardstick-app"
bare="$work/bare-tauri"
size() { stat -c %s "$1"; }
mb() { python3 -c "print(f'{$1 / 1e6:.1f}')"; }
app_bytes="$(size "$app")"
bare_bytes="$(size "$bare")"
echo "yardstick-app (release, stripped): $(mb "$app_bytes") MB"
echo "bare Tauri window (release, stripped): $(mb "$bare_bytes") MB"
python3 -c "print(f'ratio: {$app_bytes / $bare_bytes:.2f} (goal: at most 1.8)')"
