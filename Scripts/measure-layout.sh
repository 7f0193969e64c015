#!/usr/bin/env bash
# Measures layout facts that `swift test` must not depend on (they depend on fonts and on
# LibreOffice), for every document `trame demo` writes (easy-to-read companions and notes sheets
# included):
#   - pages: the page count of its ODT and of its DOCX rendered by LibreOffice with the Liberation
#     fonts (they must be equal), and how many page breaks fall elsewhere in one than in the other;
#   - stranded: pages that end with a lead-in (last body line ending with « : ») or with a heading
#     or another keep-with-next paragraph (title, closing line, table heading), what it introduces
#     being on the next page;
#   - widows: widow and orphan control on in the package (DOCX `w:widowControl`, ODT `fo:widows`);
#   - signatures: every signature row (the name's row of a signature block, each body row of a
#     table with a « Signature » column) at least 3 cm high as a row height (DOCX `w:trHeight`,
#     ODT `style:min-row-height`), and the room to sign as rendered: from the line above a
#     signatory's name to the name, in the ODT, the DOCX and the printed HTML (Chromium, if installed).
#
#   Scripts/measure-layout.sh [DIR]   # DIR: where the demo and PDFs are written (default: a temporary dir)
#
# Prints one line per document and a summary; exits 1 if any document breaks a rule. Needs soffice,
# pdfinfo and pdftotext (../shared/conformance/install.sh); chromium for the HTML column. Not a test.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-$(mktemp -d /tmp/trame-layout.XXXXXX)}"
mkdir -p "$out"
swift build --product trame >/dev/null
rm -rf "$out/demo" "$out/pdf"
.build/debug/trame demo --output "$out/demo" --no-pdf >/dev/null
pdf="$out/pdf"
mkdir -p "$pdf/odt" "$pdf/docx" "$pdf/html"
profile="/tmp/lo-profile-layout-$$"
find "$out/demo" -name '*.odt' -print0 | xargs -0 soffice "-env:UserInstallation=file://$profile" --headless \
    --convert-to pdf --outdir "$pdf/odt" >/dev/null 2>&1
find "$out/demo" -name '*.docx' -print0 | xargs -0 soffice "-env:UserInstallation=file://$profile" --headless \
    --convert-to pdf --outdir "$pdf/docx" >/dev/null 2>&1
rm -rf "$profile"
chrome="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
if [ -n "$chrome" ]; then
    chrome_profile="$(mktemp -d /tmp/chrome-profile-layout.XXXXXX)"
    while IFS= read -r -d '' page; do
        # Only documents with signatures: the HTML column measures the room to sign.
        grep -q 'signature-name' "$page" || continue
        "$chrome" --headless --no-sandbox --disable-gpu --user-data-dir="$chrome_profile" --no-pdf-header-footer \
            --print-to-pdf="$pdf/html/$(basename "${page%.html}").pdf" "file://$page" >/dev/null 2>&1 || true
    done < <(find "$out/demo" -name '*.html' -print0)
    rm -rf "$chrome_profile"
fi
python3 Scripts/measure-layout.py "$out/demo" "$pdf"
