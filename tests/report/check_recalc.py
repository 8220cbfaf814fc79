#!/usr/bin/env python3
"""LibreOffice's recalculation of the workbook's formulas gives the totals aidledger wrote.

usage: check_recalc.py WORKBOOK.xlsx
A copy of the workbook has every cached formula value removed, so LibreOffice (headless) must
compute each formula itself; its results are compared with the values in the original.
Prints 'N passed, M failed'."""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

sys.path.insert(0, os.path.dirname(__file__))
import xlsx_read  # noqa: E402


def strip_cached_values(src, dst):
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                data = re.sub(rb"(</f>)<v>[^<]*</v>", rb"\1", data)
            zout.writestr(item, data)


def main(path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        print("LibreOffice (soffice) is not installed: scripts/setup.sh installs libreoffice-calc-nogui")
        print("0 passed, 1 failed")
        return 1
    sheets, formulas = xlsx_read.read(path)
    with tempfile.TemporaryDirectory() as tmp:
        bare = os.path.join(tmp, "bare.xlsx")
        strip_cached_values(path, bare)
        stripped, _ = xlsx_read.read(bare)
        assert all(rc not in stripped[n] for n, f in formulas.items() for rc in f), "cached values were not removed"
        out = os.path.join(tmp, "out")
        subprocess.run([soffice, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--calc",
                        "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out, bare],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
        recalculated, _ = xlsx_read.read(os.path.join(out, "bare.xlsx"))
    passed = failed = 0
    for name, fs in formulas.items():
        for rc, formula in fs.items():
            want, got = sheets[name].get(rc), recalculated[name].get(rc)
            if isinstance(got, float) and isinstance(want, float) and abs(got - want) < 0.005:
                passed += 1
            else:
                failed += 1
                print(f"FAIL {name}!{xlsx_read_ref(rc)} {formula}: LibreOffice {got!r}, aidledger {want!r}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed or passed == 0 else 0


def xlsx_read_ref(rc):
    r, c = rc
    s = ""
    c += 1
    while c:
        c, m = divmod(c - 1, 26)
        s = chr(65 + m) + s
    return f"{s}{r + 1}"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
