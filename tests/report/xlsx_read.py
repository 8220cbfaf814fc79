"""Reads an .xlsx with the standard library only: sheet name -> {(row, col): value}.

Values are str for text, float for numbers; formula cells give their cached value and are also
listed in `formulas`. Rows and columns are 0-based."""
import re
import zipfile
import xml.etree.ElementTree as ET

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}


def _rowcol(ref):
    m = re.match(r"([A-Z]+)(\d+)$", ref)
    col = 0
    for ch in m.group(1):
        col = col * 26 + (ord(ch) - 64)
    return int(m.group(2)) - 1, col - 1


def read(path):
    z = zipfile.ZipFile(path)
    shared = []
    if "xl/sharedStrings.xml" in z.namelist():
        for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS):
            shared.append("".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])))
    wb = ET.fromstring(z.read("xl/workbook.xml"))
    rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    target = {r.get("Id"): r.get("Target") for r in rels}
    sheets, formulas = {}, {}
    for s in wb.find("m:sheets", NS):
        name = s.get("name")
        t = target[s.get("{%s}id" % NS["r"])].lstrip("/")
        t = t if t.startswith("xl/") else "xl/" + t
        cells, forms = {}, {}
        for c in ET.fromstring(z.read(t)).iter("{%s}c" % NS["m"]):
            rc = _rowcol(c.get("r"))
            kind = c.get("t")
            f, v = c.find("m:f", NS), c.find("m:v", NS)
            if f is not None:
                forms[rc] = f.text
            if kind == "inlineStr":
                cells[rc] = "".join(x.text or "" for x in c.iter("{%s}t" % NS["m"]))
            elif kind == "s" and v is not None:
                cells[rc] = shared[int(v.text)]
            elif kind == "str" and v is not None:
                cells[rc] = v.text
            elif v is not None and v.text is not None:
                cells[rc] = float(v.text)
        sheets[name], formulas[name] = cells, forms
    return sheets, formulas


def row_of(cells, col, text):
    """Rows whose column `col` holds `text`, in order."""
    return sorted(r for (r, c), v in cells.items() if c == col and v == text)


def header_cols(cells, row):
    return {v: c for (r, c), v in cells.items() if r == row and isinstance(v, str)}
