"""The township views add up to the whole ledger: for every township, its own lines (the headline
of its workbook and CSV report, the total of `query` and `townships`), plus the JOINT lines once
and the unresolved lines, are the whole-ledger total; each township view lists the JOINT lines it
shares apart, naming the townships. The same holds for cumulative claims (aggregates, never in the
disbursed totals): a township's own claims exclude the JOINT ones, which every view shows apart.
usage: check_addup.py AIDLEDGER DB WORKDIR"""
import csv
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


OWN_CLAIMS = "累计数（不计入合计） Cumulative claims (not in totals)"


def yuan(v):
    return Decimal(str(v)).quantize(Decimal("0.01"))


def shared_rows(rows, label):
    """The amount of the row of the shared section whose label holds `label` (None: no section)."""
    for i, (first, _) in enumerate(rows):
        if "Shared with" in first:
            for name, value in rows[i + 1:]:
                if not name.startswith("    "):
                    break
                if label in name:
                    return value
            sys.exit(f"FAIL no {label} in the shared section")
    return None


def summary_figures(rows):
    """(own disbursed, shared disbursed, own claims, shared claims) from the Summary's label/amount rows."""
    own = dict(rows).get("已拨付合计 Disbursed total")
    return own, shared_rows(rows, "已拨付 Disbursed"), dict(rows).get(OWN_CLAIMS), shared_rows(rows, "Cumulative claims")


def workbook_summary(township=None):
    out = os.path.join(work, f"r_{township or 'all'}.xlsx")
    run("report", "--out", out, *(["--township", township] if township else []))
    cells = xlsx_read.read(out)[0]["概览 Summary"]
    rows = [(cells[(r, 0)], yuan(cells[(r, 1)]) if isinstance(cells.get((r, 1)), (int, float)) else None)
            for r in sorted(r for (r, c) in cells if c == 0) if isinstance(cells[(r, 0)], str)]
    return summary_figures(rows)


def csv_summary(township):
    out = os.path.join(work, f"c_{township}")
    run("report", "--format", "csv", "--out", out, "--township", township)
    name = next(n for n in os.listdir(out) if "ummary" in n)
    rows = []
    for rec in csv.reader(open(os.path.join(out, name), encoding="utf-8-sig", newline="")):
        if rec:
            try:
                rows.append((rec[0], yuan(rec[1])))
            except (IndexError, ArithmeticError):
                rows.append((rec[0], None))
    return summary_figures(rows)


towns = json.loads(run("townships", "--format", "json"))["townships"]
whole_q = json.loads(run("query", "--format", "json"))["totals"]
whole = Decimal(whole_q["disbursed_yuan"])
whole_claims = Decimal(whole_q["cumulative_claims_yuan"])
wb_whole, _, wb_whole_claims, _ = workbook_summary()
assert wb_whole == whole, (wb_whole, whole)
assert wb_whole_claims == whole_claims, (wb_whole_claims, whole_claims)
# Cumulative claims per township, from the lines themselves.
claims_of = {}
for x in json.loads(run("query", "--format", "json"))["lines"]:
    if x["aggregate"] and x["amount_yuan"]:
        claims_of[x["township"]] = claims_of.get(x["township"], Decimal(0)) + Decimal(x["amount_yuan"])
joint_claims, unresolved_claims = claims_of.get("JOINT", Decimal(0)), claims_of.get("", Decimal(0))
assert joint_claims > 0, "the sample ledger should have JOINT cumulative claims"
joint = sum((Decimal(t["disbursed_yuan"]) for t in towns if t["township"] == "JOINT"), Decimal(0))
unresolved = sum((Decimal(t["disbursed_yuan"]) for t in towns if t["township"] == ""), Decimal(0))
named = [t["township"] for t in towns if t["township"] not in ("JOINT", "")]
assert joint > 0, "the sample ledger should have JOINT lines"
sums = {"workbook": Decimal(0), "csv report": Decimal(0), "query": Decimal(0), "townships": Decimal(0)}
claim_sums = {"workbook": Decimal(0), "csv report": Decimal(0), "query": Decimal(0)}
shared_seen = shared_claims_seen = Decimal(0)
for t in named:
    own, shared, own_claims, shared_claims = workbook_summary(t)
    sums["workbook"] += own
    claim_sums["workbook"] += own_claims
    c_own, c_shared, c_claims, c_shared_claims = csv_summary(t)
    sums["csv report"] += c_own
    claim_sums["csv report"] += c_claims
    assert (c_shared, c_shared_claims) == (shared, shared_claims), (t, c_shared, c_shared_claims, shared, shared_claims)
    q = json.loads(run("query", "--format", "json", "--township", t))["totals"]
    sums["query"] += Decimal(q["disbursed_yuan"])
    claim_sums["query"] += Decimal(q["cumulative_claims_yuan"])
    tv = json.loads(run("townships", "--format", "json", "--township", t))
    sums["townships"] += Decimal(tv["total"]["disbursed_yuan"])
    sq = q.get("shared_joint_lines")
    if sq and Decimal(sq["disbursed_yuan"]) > 0:
        assert shared == Decimal(sq["disbursed_yuan"]), (t, shared, sq)
        assert sq["shared_with"] and t not in sq["shared_with"], (t, sq)
        assert Decimal(tv["total"]["disbursed_in_shared_joint_lines_yuan"]) == shared, (t, tv["total"])
        shared_seen += shared
    if sq and Decimal(sq["cumulative_claims_yuan"]) > 0:
        assert shared_claims == Decimal(sq["cumulative_claims_yuan"]), (t, shared_claims, sq)
        assert Decimal(tv["total"]["cumulative_claims_in_shared_joint_lines_yuan"]) == shared_claims, (t, tv["total"])
        shared_claims_seen += shared_claims
for view, s in sums.items():
    if s + joint + unresolved != whole:
        sys.exit(f"FAIL {view}: townships' own lines {s} + JOINT {joint} + unresolved {unresolved} != whole ledger {whole}")
for view, s in claim_sums.items():
    if s + joint_claims + unresolved_claims != whole_claims:
        sys.exit(f"FAIL {view}: townships' own cumulative claims {s} + JOINT {joint_claims} + unresolved "
                 f"{unresolved_claims} != whole ledger {whole_claims}")
assert shared_seen >= joint, (shared_seen, joint)
assert shared_claims_seen >= joint_claims, (shared_claims_seen, joint_claims)
print(f"townships add up in workbook, csv report, query and townships: {sums['query']} own + {joint} JOINT + "
      f"{unresolved} unresolved = {whole} ({len(named)} townships); cumulative claims in workbook, csv report and "
      f"query: {claim_sums['query']} own + {joint_claims} JOINT + {unresolved_claims} unresolved = {whole_claims}")
