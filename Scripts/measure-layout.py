#!/usr/bin/env python3
"""The measures of Scripts/measure-layout.sh, on a demo folder and the PDFs made from it.

    python3 Scripts/measure-layout.py DEMO_DIR PDF_DIR

PDF_DIR holds odt/NAME.pdf, docx/NAME.pdf and (optionally) html/NAME.pdf. Prints a table and a
summary; exits 1 when a document breaks a rule (see measure-layout.sh). Not a test: page breaks
depend on fonts and on LibreOffice.
"""
import html
import os
import re
import subprocess
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
}
SIGNATURE_CM = 3.0
# Room to sign as rendered: from the bottom of the line above a signatory's name to the bottom of
# the name. A 3 cm row gives 3 cm less the cell padding; 2.8 cm leaves room for rounding.
ROOM_MIN_CM = 2.8
PT_PER_CM = 72 / 2.54
# Running header above this line, footer below this one (points from the top of an A4 page): the
# body starts 2 cm from the top and ends 2 cm from the bottom.
HEADER_BOTTOM, FOOTER_TOP = 50.0, 842.0 - 52.0
FOOTER = re.compile(r"^(Page \d+ sur \d+|Paraphes\b)")


def q(prefix, name):
    return "{%s}%s" % (NS[prefix], name)


def squeeze(text):
    """Text without any white space, to compare a PDF line with the document's text."""
    return re.sub(r"\s+", "", text)


def length_cm(value):
    match = re.fullmatch(r"([\d.]+)(cm|mm|in|pt)", value or "")
    if not match:
        return 0.0
    number, unit = float(match.group(1)), match.group(2)
    return {"cm": number, "mm": number / 10, "in": number * 2.54, "pt": number / PT_PER_CM}[unit]


def has_signature_word(text):
    return any(word == "signature" or word == "signatures" for word in re.findall(r"\w+", text.lower()))


# --- ODT markup -------------------------------------------------------------------------------

def odt_facts(path):
    """Keep-with-next paragraph texts, signatory names, widow control, signature rows (cm)."""
    with zipfile.ZipFile(path) as package:
        content = ET.fromstring(package.read("content.xml"))
        styles = ET.fromstring(package.read("styles.xml"))
    paragraph_styles, row_heights = {}, {}
    for root in (styles, content):
        for style in root.iter(q("style", "style")):
            name, family = style.get(q("style", "name")), style.get(q("style", "family"))
            if family == "paragraph":
                props = style.find(q("style", "paragraph-properties"))
                paragraph_styles[name] = (style.get(q("style", "parent-style-name")),
                                          props.attrib if props is not None else {})
            elif family == "table-row":
                props = style.find(q("style", "table-row-properties"))
                row_heights[name] = length_cm(props.get(q("style", "min-row-height")) if props is not None else None)

    def prop(style, key):
        seen = set()
        while style and style not in seen:
            seen.add(style)
            parent, attrib = paragraph_styles.get(style, (None, {}))
            if key in attrib:
                return attrib[key]
            style = parent
        return None

    widows = True
    default = styles.find(".//style:default-style[@style:family='paragraph']/style:paragraph-properties", NS)
    for key in ("widows", "orphans"):
        if default is None or int(default.get(q("fo", key), "0")) < 2:
            widows = False
    for _, attrib in paragraph_styles.values():
        for key in ("widows", "orphans"):
            if q("fo", key) in attrib and int(attrib[q("fo", key)]) < 2:
                widows = False

    def text_of(element):
        return "".join(element.itertext())

    keep_texts, names, sign_rows = [], [], []
    body = content.find(".//office:text", NS)
    for element in body.iter():
        if element.tag in (q("text", "p"), q("text", "h")):
            style = element.get(q("text", "style-name"))
            # (A table's heading row is left out: the rows under it may hold no text to see.)
            in_table_heading = style == "Table_20_Heading" or paragraph_styles.get(style, (None,))[0] == "Table_20_Heading"
            if prop(style, q("fo", "keep-with-next")) == "always" and squeeze(text_of(element)) and not in_table_heading:
                keep_texts.append(text_of(element))
            if style == "Signature_20_Name" and squeeze(text_of(element)):
                names.append(text_of(element).strip())
    for table in body.iter(q("table", "table")):
        header = table.find("table:table-header-rows", NS)
        sheet = header is not None and any(has_signature_word(text_of(cell)) for cell in header.iter(q("table", "table-cell")))
        for row in table.findall("table:table-row", NS):
            named = any(p.get(q("text", "style-name")) == "Signature_20_Name" for p in row.iter(q("text", "p")))
            if named or sheet:
                sign_rows.append(row_heights.get(row.get(q("table", "style-name")), 0.0))
    return keep_texts, names, widows, sign_rows


# --- DOCX markup ------------------------------------------------------------------------------

def docx_facts(path):
    """Widow control, signature rows (cm)."""
    with zipfile.ZipFile(path) as package:
        document = ET.fromstring(package.read("word/document.xml"))
        styles = ET.fromstring(package.read("word/styles.xml"))
    off = ("0", "false", "off")
    default = styles.find("w:docDefaults/w:pPrDefault/w:pPr/w:widowControl", NS)
    widows = default is not None and default.get(q("w", "val"), "1") not in off
    for root in (styles, document):
        for control in root.iter(q("w", "widowControl")):
            if control.get(q("w", "val"), "1") in off:
                widows = False

    def text_of(element):
        return "".join(t.text or "" for t in element.iter(q("w", "t")))

    sign_rows = []
    for table in document.iter(q("w", "tbl")):
        rows = table.findall("w:tr", NS)
        headers = [row for row in rows if row.find("w:trPr/w:tblHeader", NS) is not None]
        sheet = any(has_signature_word(text_of(cell)) for row in headers for cell in row.findall("w:tc", NS))
        for row in rows:
            if row in headers:
                continue
            named = any(s.get(q("w", "val")) == "SignatureName" for s in row.iter(q("w", "pStyle")))
            if named or sheet:
                height = row.find("w:trPr/w:trHeight", NS)
                ok_rule = height is not None and height.get(q("w", "hRule"), "atLeast") in ("atLeast", "exact")
                twips = int(height.get(q("w", "val"), "0")) if height is not None and ok_rule else 0
                sign_rows.append(twips * 2.54 / 1440)
    return widows, sign_rows


# --- Rendered PDFs ----------------------------------------------------------------------------

def pdf_pages(path):
    """Each page's lines: (yMin, yMax, xMin, xMax, text), top to bottom."""
    out = subprocess.run(["pdftotext", "-bbox-layout", path, "-"], capture_output=True, text=True).stdout
    pages = []
    for page in re.findall(r"<page[^>]*>(.*?)</page>", out, re.S):
        lines = []
        for m in re.finditer(r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</line>', page, re.S):
            words = " ".join(html.unescape(w) for w in re.findall(r">([^<]*)</word>", m.group(5)))
            lines.append((float(m.group(2)), float(m.group(4)), float(m.group(1)), float(m.group(3)), words))
        lines.sort()
        pages.append(lines)
    return pages


def body_lines(page):
    return [l for l in page if HEADER_BOTTOM < l[0] and l[1] < FOOTER_TOP and not FOOTER.match(l[4])]


def stranded(pages, keep_texts):
    """Pages (1-based) before the last whose body ends with a lead-in or a keep-with-next paragraph."""
    keeps = sorted({squeeze(t) for t in keep_texts if squeeze(t)}, key=len, reverse=True)
    found = []
    for number, page in enumerate(pages[:-1], start=1):
        lines = body_lines(page)
        if not lines:
            continue
        bottom = max(l[1] for l in lines)
        last = [l for l in lines if l[1] > bottom - 2]  # side by side cells end on one line
        if any(l[4].rstrip().endswith(":") for l in last):
            found.append(number)
            continue
        tail = squeeze(" ".join(l[4] for l in lines[-8:]))
        if any(tail.endswith(k) for k in keeps):
            found.append(number)
    return found


def page_ends(pages):
    return [squeeze(body_lines(p)[-1][4]) if body_lines(p) else "" for p in pages]


def pdf_words(path):
    """Each page's words: (xMin, yMin, xMax, yMax, text)."""
    out = subprocess.run(["pdftotext", "-bbox", path, "-"], capture_output=True, text=True).stdout
    return [[(float(m.group(1)), float(m.group(2)), float(m.group(3)), float(m.group(4)), html.unescape(m.group(5)))
             for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', page)]
            for page in re.findall(r"<page[^>]*>(.*?)</page>", out, re.S)]


def signature_room(pages, names):
    """For each name, the rendered distance (cm) from the text above it in its column to the
    bottom of the name (which may wrap): the room to sign. A name also appears in the text
    (« agissant par … »), with one line above it; the signature is the place with the most room."""
    rooms = []
    for name in names:
        tokens = name.split()
        best = None
        for words in pages:
            for index, first in enumerate(words):
                if first[4] != tokens[0]:
                    continue
                matched = 0  # the words of the name on its first line (a name beside it may follow)
                while (matched < len(tokens) and index + matched < len(words) and words[index + matched][4] == tokens[matched]
                       and abs(words[index + matched][1] - first[1]) < 1):
                    matched += 1
                if matched < min(2, len(tokens)):
                    continue
                bottom = first[3]
                if matched < len(tokens):  # the name wraps in its cell: its next line starts below
                    below = [w for w in words if abs(w[0] - first[0]) < 1.5 and first[1] + 1 < w[1] < first[3] + 20]
                    if below:
                        bottom = min(below, key=lambda w: w[1])[3]
                above = [w[3] for w in words if w[3] <= first[1] + 0.5 and w[0] < first[2] and w[2] > first[0]]
                if above:
                    room = (bottom - max(above)) / PT_PER_CM
                    best = room if best is None else max(best, room)
        if best is not None:
            rooms.append(best)
    return rooms


def main():
    demo, pdf = sys.argv[1], sys.argv[2]
    sources = {}
    for folder, _, files in os.walk(demo):
        for file in files:
            if file.endswith(".odt"):
                sources[file[:-4]] = os.path.join(folder, file)
    have_html = any(n.endswith(".pdf") for n in os.listdir(os.path.join(pdf, "html"))) if os.path.isdir(os.path.join(pdf, "html")) else False
    header = f"{'document':58} {'odt':>3} {'docx':>4} {'brk≠':>4}  {'stranded odt/docx':17} {'widows':6} {'sig rows':12} {'room cm odt/docx/html':22} verdict"
    print(header)
    print("-" * len(header))
    totals = {"docs": 0, "bad": 0, "diff": 0, "stranded": 0, "widows": 0, "rows": 0, "room": 0, "breaks": 0}
    for name in sorted(sources):
        odt = sources[name]
        docx = odt[:-4] + ".docx"
        keep_texts, names, odt_widows, odt_rows = odt_facts(odt)
        docx_widows, docx_rows = docx_facts(docx) if os.path.exists(docx) else (False, [])
        po = pdf_pages(os.path.join(pdf, "odt", name + ".pdf"))
        pd = pdf_pages(os.path.join(pdf, "docx", name + ".pdf")) if os.path.exists(docx) else []
        so, sd = stranded(po, keep_texts), stranded(pd, keep_texts)
        breaks = sum(a != b for a, b in zip(page_ends(po)[:-1], page_ends(pd)[:-1]))
        rows = odt_rows + docx_rows
        html_pdf = os.path.join(pdf, "html", name + ".pdf")
        rooms = [signature_room(pdf_words(os.path.join(pdf, "odt", name + ".pdf")), names),
                 signature_room(pdf_words(os.path.join(pdf, "docx", name + ".pdf")), names) if os.path.exists(docx) else [],
                 signature_room(pdf_words(html_pdf), names) if os.path.exists(html_pdf) else None]
        problems = []
        if len(po) != len(pd):
            problems.append("pages")
            totals["diff"] += 1
        if so or sd:
            problems.append("stranded")
            totals["stranded"] += len(so) + len(sd)
        if not (odt_widows and docx_widows):
            problems.append("widows")
            totals["widows"] += 1
        if any(r < SIGNATURE_CM - 0.001 for r in rows) or len(odt_rows) != len(docx_rows):
            problems.append("rows")
            totals["rows"] += 1
        missing = [r for r in rooms if r is not None and names and len(r) < len(names)]
        if any(x < ROOM_MIN_CM for r in rooms if r for x in r) or missing:
            problems.append("room")
            totals["room"] += 1
        totals["docs"] += 1
        totals["breaks"] += breaks
        totals["bad"] += bool(problems)
        row_text = f"{len(odt_rows)}/{len(docx_rows)} ≥{min(rows):.2f}" if rows else "–"

        def room(r):
            return "–" if r is None or not names else (f"{min(r):.2f}" if r else "?")
        room_text = "/".join(room(r) for r in rooms) if names else "–"
        strand_text = f"{','.join(map(str, so)) or '–'}/{','.join(map(str, sd)) or '–'}"
        widow_text = "oui" if odt_widows and docx_widows else ("odt" if odt_widows else "docx" if docx_widows else "non")
        print(f"{name:58} {len(po):3} {len(pd):4} {breaks:4}  {strand_text:17} {widow_text:6} {row_text:12} {room_text:22} "
              + ("OK" if not problems else "FAIL " + ",".join(problems)))
    print()
    print(f"{totals['docs']} documents; page counts differ: {totals['diff']}; stranded lead-ins and headings: "
          f"{totals['stranded']}; without widow control: {totals['widows']}; signature rows under {SIGNATURE_CM:g} cm: "
          f"{totals['rows']}; room to sign under {ROOM_MIN_CM:g} cm: {totals['room']}"
          + ("" if have_html else " (HTML not measured: no chromium)"))
    print(f"page breaks at another line in ODT and DOCX (for information): {totals['breaks']}")
    print(f"documents breaking a rule: {totals['bad']}")
    return 1 if totals["bad"] else 0


if __name__ == "__main__":
    sys.exit(main())
