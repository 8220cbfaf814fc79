#!/usr/bin/env python3
"""The workbook printed (LibreOffice headless to PDF) shows every figure: no cell too narrow for
what it holds, which LibreOffice and Excel print as ###.

usage: check_printed.py WORKBOOK.xlsx
Prints the number of pages and 'N cells shown as ###'; exit 1 when any is, or when the PDF cannot
be made or read (LibreOffice and pdftotext are installed by scripts/setup.sh)."""
import os
import shutil
import subprocess
import sys
import tempfile


def main(path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    pdftotext = shutil.which("pdftotext")
    if not soffice or not pdftotext:
        print("LibreOffice (soffice) and pdftotext are needed: scripts/setup.sh installs libreoffice-calc-nogui and poppler-utils")
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([soffice, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to", "pdf", "--outdir", tmp, path],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
        pdf = os.path.join(tmp, os.path.splitext(os.path.basename(path))[0] + ".pdf")
        text = subprocess.run([pdftotext, "-layout", pdf, "-"], check=True, capture_output=True, text=True).stdout
    pages = text.count("\f") + (0 if text.endswith("\f") else 1)
    hidden = sum(1 for token in text.split() if token.strip("#") == "" and len(token) >= 3)
    print(f"{pages} pages printed, {hidden} cells shown as ###")
    return 1 if hidden or pages < 2 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
