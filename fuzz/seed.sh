#!/usr/bin/env bash
# Seeds fuzz/corpus/<target> with real inputs, so the fuzzer starts from files that pass and
# mutates towards the edges instead of rediscovering JSON and TOML from nothing:
#   parse_checklist: every checklist in checklists/ and the broken fixtures of tests/checklist/;
#   import_json: JSON exports of the example council's assessments (final and draft), made by
#   the CLI in a throw-away database.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
fuzz="$root/fuzz"
mkdir -p "$fuzz/corpus/parse_checklist" "$fuzz/corpus/import_json"
cp "$root"/checklists/*.toml "$root"/tests/checklist/broken/*.toml "$fuzz/corpus/parse_checklist/"

cargo build --quiet -p yardstick --bin yardstick --manifest-path "$root/Cargo.toml"
yardstick="${CARGO_TARGET_DIR:-$root/target}/debug/yardstick"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
db="$scratch/seed.sqlite3"
for id in $("$yardstick" --db "$db" example-data); do
    "$yardstick" --db "$db" export "$id" --format json --out "$fuzz/corpus/import_json/example-$id.json"
done
echo "seeded: $(ls "$fuzz/corpus/parse_checklist" | wc -l) checklists, $(ls "$fuzz/corpus/import_json" | wc -l) exports"
