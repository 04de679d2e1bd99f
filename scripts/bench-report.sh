#!/usr/bin/env bash
# Issue #14: how much faster the whole `yardstick report` process is than the office-suite
# route, measured side by side in one run. Builds the release CLI, loads the example council
# into a temporary database, times `yardstick report` on its latest assessment, writes an
# equivalent .docx (the same report's text, headings and page breaks) and times LibreOffice
# turning it into PDF, warm (after one untimed run, with its own profile folder). Prints both
# medians and the ratio. Without soffice the second half is skipped, saying so.
#
#   scripts/bench-report.sh            RUNS=50 scripts/bench-report.sh
set -euo pipefail

cd "$(dirname "$0")/.."
RUNS="${RUNS:-30}"
OFFICE_RUNS="${OFFICE_RUNS:-7}"
TARGET="${CARGO_TARGET_DIR:-$PWD/target}"

cargo build --release --quiet -p yardstick --bin yardstick
bin="$TARGET/release/yardstick"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
db="$work/yardstick.db"
latest="$("$bin" --db "$db" example-data | tail -n 1)"
report=("$bin" --db "$db" report "$latest" --out "$work/report.pdf" --marking OFFICIAL
    --fixed-time 2026-05-04T09:30:00Z)

# Median wall time in milliseconds of running a command RUNS times after one warm-up run.
# Python's clock around a direct exec (no shell in between), so the figure is the process.
median_ms() {
    local runs="$1"
    shift
    python3 - "$runs" "$@" <<'PY'
import statistics, subprocess, sys, time
runs, cmd = int(sys.argv[1]), sys.argv[2:]
subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
times = []
for _ in range(runs):
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    times.append((time.perf_counter() - start) * 1000)
print(f"{statistics.median(times):.2f}")
PY
}

ours="$(median_ms "$RUNS" "${report[@]}")"
pages="$(pdfinfo "$work/report.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}' || true)"
size_kb="$(( $(stat -c %s "$work/report.pdf") / 1024 ))"
echo "yardstick report: median ${ours} ms over ${RUNS} runs (${pages:-?} pages, ${size_kb} KB)"

if ! command -v soffice >/dev/null; then
    echo "LibreOffice (soffice) is not installed: skipping the office-suite comparison."
    echo "Install it (apt-get install libreoffice-writer-nogui) to measure the ratio."
    exit 0
fi
if ! command -v pdftotext >/dev/null; then
    echo "pdftotext (poppler-utils) is not installed: cannot build the equivalent .docx; skipping."
    exit 0
fi

# The equivalent document: the report's own text, page by page, outline titles as headings,
# written as a minimal WordprocessingML package with the standard library only.
pdftotext "$work/report.pdf" "$work/report.txt"
python3 - "$work/report.txt" "$work/report.docx" <<'PY'
import sys, zipfile
from xml.sax.saxutils import escape
text = open(sys.argv[1], encoding="utf-8").read()
headings = {"Executive summary", "Recommendations", "Findings", "Method and scale",
            "Comparison with earlier assessments"}
body = []
for n, page in enumerate(text.split("\f")):
    if n:
        body.append('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')
    for line in page.splitlines():
        line = line.strip()
        if not line:
            continue
        size = 40 if line in headings else 20
        bold = "<w:b/>" if line in headings else ""
        body.append(f'<w:p><w:r><w:rPr>{bold}<w:sz w:val="{size}"/></w:rPr>'
                    f'<w:t xml:space="preserve">{escape(line)}</w:t></w:r></w:p>')
ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {ns}><w:body>'
            + "".join(body) + '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>')
types = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
         '<Default Extension="xml" ContentType="application/xml"/>'
         '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
with zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", types)
    z.writestr("_rels/.rels", rels)
    z.writestr("word/document.xml", document)
PY

# Its own profile folder: no clash with a LibreOffice already running, and warm after the
# untimed first run.
office=(soffice "-env:UserInstallation=file://$work/lo-profile" --headless --convert-to pdf
    --outdir "$work/office" "$work/report.docx")
theirs="$(median_ms "$OFFICE_RUNS" "${office[@]}")"
office_pages="$(pdfinfo "$work/office/report.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}' || true)"
echo "soffice --headless --convert-to pdf: median ${theirs} ms over ${OFFICE_RUNS} runs (${office_pages:-?} pages)"
python3 -c "import sys; o, t = map(float, sys.argv[1:]); print(f'ratio: {t / o:.0f}x faster (goal: at least 100x)')" "$ours" "$theirs"
