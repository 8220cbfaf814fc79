"""The township views add up to the whole ledger: for every township, its own lines (the headline
of its workbook and CSV report, the total of `query` and `townships`), plus the JOINT lines once
and the unresolved lines, are the whole-ledger total; each township view lists the JOINT lines it
shares apart, naming the townships. usage: check_addup.py AIDLEDGER DB WORKDIR"""
import json
import os
import subprocess
import sys
from decimal import Decimal

sys.path.insert(0, os.path.dirname(__file__))
import xlsx_read  # noqa: E402

bin_, db, work = sys.argv[1:4]


def run(*args):
    r = subprocess.run([bin_, *args, "--db", db], capture_output=True, text=True)
    if r.returncode not in (0, 1):
        sys.exit(f"FAIL {' '.join(args)}: exit {r.returncode}: {r.stderr}")
    return r.stdout


def workbook_summary(township=None):
    out = os.path.join(work, f"r_{township or 'all'}.xlsx")
    run("report", "--out", out, *(["--township", township] if township else []))
    cells = xlsx_read.read(out)[0]["概览 Summary"]
    own = shared = None
    for (r, c), v in cells.items():
        if c == 0 and v == "已拨付合计 Disbursed total":
            own = Decimal(str(cells[(r, 1)])).quantize(Decimal("0.01"))
        if c == 0 and isinstance(v, str) and "Shared with" in v:
            shared = Decimal(str(cells[(r + 1, 1)])).quantize(Decimal("0.01"))
            assert "已拨付" in cells[(r + 1, 0)], cells[(r + 1, 0)]
    return own, shared, cells


def csv_summary(township):
    out = os.path.join(work, f"c_{township}")
    run("report", "--format", "csv", "--out", out, "--township", township)
    for name in os.listdir(out):
        if "ummary" in name:
            for line in open(os.path.join(out, name), encoding="utf-8-sig"):
                if line.startswith("已拨付合计"):
                    return Decimal(line.split(",")[1].strip())


towns = json.loads(run("townships", "--format", "json"))["townships"]
whole_q = json.loads(run("query", "--format", "json"))["totals"]
whole = Decimal(whole_q["disbursed_yuan"])
wb_whole, _, _ = workbook_summary()
assert wb_whole == whole, (wb_whole, whole)
joint = sum((Decimal(t["disbursed_yuan"]) for t in towns if t["township"] == "JOINT"), Decimal(0))
unresolved = sum((Decimal(t["disbursed_yuan"]) for t in towns if t["township"] == ""), Decimal(0))
named = [t["township"] for t in towns if t["township"] not in ("JOINT", "")]
assert joint > 0, "the sample ledger should have JOINT lines"
sums = {"workbook": Decimal(0), "csv report": Decimal(0), "query": Decimal(0), "townships": Decimal(0)}
shared_seen = Decimal(0)
for t in named:
    own, shared, _ = workbook_summary(t)
    sums["workbook"] += own
    sums["csv report"] += csv_summary(t)
    q = json.loads(run("query", "--format", "json", "--township", t))["totals"]
    sums["query"] += Decimal(q["disbursed_yuan"])
    tv = json.loads(run("townships", "--format", "json", "--township", t))
    sums["townships"] += Decimal(tv["total"]["disbursed_yuan"])
    sq = q.get("shared_joint_lines")
    if sq and Decimal(sq["disbursed_yuan"]) > 0:
        assert shared == Decimal(sq["disbursed_yuan"]), (t, shared, sq)
        assert sq["shared_with"] and t not in sq["shared_with"], (t, sq)
        assert Decimal(tv["total"]["disbursed_in_shared_joint_lines_yuan"]) == shared, (t, tv["total"])
        shared_seen += shared
for view, s in sums.items():
    if s + joint + unresolved != whole:
        sys.exit(f"FAIL {view}: townships' own lines {s} + JOINT {joint} + unresolved {unresolved} != whole ledger {whole}")
assert shared_seen >= joint, (shared_seen, joint)
print(f"townships add up in workbook, csv report, query and townships: {sums['query']} own + {joint} JOINT + "
      f"{unresolved} unresolved = {whole} ({len(named)} townships)")
