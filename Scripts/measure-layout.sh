#!/usr/bin/env bash
# Measures layout facts that `swift test` must not depend on (they depend on fonts and on
# LibreOffice): for every demo document, the page count of its ODT and of its DOCX rendered by
# LibreOffice with the Liberation fonts, and the pages that end with a stranded lead-in (a body
# line ending with « : » whose list starts on the next page).
#
#   Scripts/measure-layout.sh [DIR]   # DIR: where the demo is written (default: a temporary dir)
#
# Prints one line per document ("name odt=N docx=M [DIFF] stranded-odt=… stranded-docx=…") and a
# summary. Needs soffice, pdfinfo and pdftotext (../shared/conformance/install.sh). Not a test.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-$(mktemp -d /tmp/trame-layout.XXXXXX)}"
mkdir -p "$out"
swift build --product trame >/dev/null
.build/debug/trame demo --output "$out/demo" --no-pdf >/dev/null
pdf="$out/pdf"
mkdir -p "$pdf/odt" "$pdf/docx"
profile="file:///tmp/lo-profile-layout-$$"
find "$out/demo" -name '*.odt' -print0 | xargs -0 soffice "-env:UserInstallation=$profile" --headless \
    --convert-to pdf --outdir "$pdf/odt" >/dev/null 2>&1
find "$out/demo" -name '*.docx' -print0 | xargs -0 soffice "-env:UserInstallation=$profile" --headless \
    --convert-to pdf --outdir "$pdf/docx" >/dev/null 2>&1
rm -rf "/tmp/lo-profile-layout-$$"
python3 - "$pdf" <<'PY'
import os, re, subprocess, sys
root = sys.argv[1]

def pages(path):
    info = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))

def stranded(path):
    """Pages whose last body line (before the footer) ends with a colon."""
    text = subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True, text=True).stdout
    found = []
    for number, page in enumerate(text.split("\f")[:-1], start=1):
        lines = [l.strip() for l in page.splitlines() if l.strip()]
        body = [l for l in lines if not re.match(r"^(Page \d+ sur \d+|Paraphes)", l)]
        if body and body[-1].endswith(":") and number < len(text.split("\f")) - 1:
            found.append(number)
    return found

names = sorted(n[:-4] for n in os.listdir(os.path.join(root, "odt")) if n.endswith(".pdf"))
diff = strand_odt = strand_docx = 0
for name in names:
    o = os.path.join(root, "odt", name + ".pdf")
    d = os.path.join(root, "docx", name + ".pdf")
    po, pd = pages(o), pages(d) if os.path.exists(d) else -1
    so, sd = stranded(o), stranded(d) if os.path.exists(d) else []
    diff += po != pd
    strand_odt += len(so)
    strand_docx += len(sd)
    flag = "" if po == pd else "  DIFF"
    print(f"{name:55} odt={po:3} docx={pd:3}{flag}  stranded-odt={so} stranded-docx={sd}")
print(f"\n{len(names)} documents; page counts differ: {diff}; "
      f"stranded lead-ins: odt {strand_odt}, docx {strand_docx}")
PY
