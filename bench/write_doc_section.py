#!/usr/bin/env python3
"""Writes a benchmark report into a document, between the lines "<!-- NAME begin -->" and
"<!-- NAME end -->" (replacing what stands there, or appending them): the report's text lines in a
code block, then its markdown table rows. The file is replaced only when complete.

usage: write_doc_section.py NAME DOC REPORT COMMAND WHEN
"""
import os
import sys

name, doc, report, command, when = sys.argv[1:]
begin, end = f"<!-- {name} begin -->", f"<!-- {name} end -->"
lines = open(report, encoding="utf-8").read().rstrip("\n").splitlines()
block = (f"{begin}\nWritten by `{command}` on {when}:\n\n```\n"
         + "\n".join(l for l in lines if not l.startswith("|") and l.strip())
         + "\n```\n\n" + "\n".join(l for l in lines if l.startswith("|")) + f"\n{end}")
text = open(doc, encoding="utf-8").read() if os.path.exists(doc) else ""
if begin in text and end in text:
    text = text[:text.index(begin)] + block + text[text.index(end) + len(end):]
else:
    text = text.rstrip("\n") + ("\n\n" if text else "") + block + "\n"
open(doc + ".tmp", "w", encoding="utf-8").write(text)
os.replace(doc + ".tmp", doc)
print(f"{name}: wrote the figures into {doc}", file=sys.stderr)
