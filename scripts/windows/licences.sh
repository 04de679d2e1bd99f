#!/usr/bin/env bash
# Prints THIRD-PARTY-LICENCES.txt for the Windows zip: every crate compiled into the Windows
# binaries with its version and licence (from Cargo's own metadata, so nothing is fetched),
# and Microsoft's WebView2 loader. The licence texts are those of each crate's SPDX identifier.
set -euo pipefail
target=$1
cat <<'HEAD'
Third-party software in Yardstick for Windows
=============================================

WebView2Loader.dll is Microsoft's redistributable loader from the Microsoft Edge WebView2
SDK (package Microsoft.Web.WebView2 on nuget.org), shipped under that SDK's licence, which
permits redistribution; it comes to this build inside the webview2-com-sys crate.

Yardstick.exe and cli\yardstick.exe contain these Rust crates (name, version, SPDX licence
identifier; the texts are at https://spdx.org/licenses/):

HEAD
cargo metadata --quiet --format-version 1 --filter-platform "$target" --locked \
  | python3 -c '
import json, sys
meta = json.load(sys.stdin)
nodes = {node["id"]: node for node in meta["resolve"]["nodes"]}
# Only what is linked into the binaries: normal dependencies of the workspace, not the
# build scripts, tests or benchmarks.
linked, todo = set(), list(meta["workspace_members"])
while todo:
    node = nodes[todo.pop()]
    for dep in node["deps"]:
        normal = any(kind["kind"] is None for kind in dep["dep_kinds"])
        if normal and dep["pkg"] not in linked:
            linked.add(dep["pkg"])
            todo.append(dep["pkg"])
for package in sorted(meta["packages"], key=lambda p: (p["name"], p["version"])):
    if package["id"] in linked and package["source"]:
        licence = package["license"] or "see the crate"
        print("  %s %s: %s" % (package["name"], package["version"], licence))
'
