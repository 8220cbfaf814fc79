#!/usr/bin/python3
"""Helpers of bench/peers.sh (issue 9): the peers of `aidledger donors --by-year`, and the checks.

  peer_totals.py journal LEDGER.db OUT.journal
      An hledger journal equivalent to the ledger's lines: one transaction per line that
      `donors` counts in money (no cumulative claim, an amount stated), dated by the event's
      first day, posting the amount in yuan (2 decimals, from integer fen) to
      disbursed:DONOR or pledged:DONOR, balanced by townships:TOWNSHIP. Prints what it skipped.
  peer_totals.py sql
      Prints the SQL that the sqlite3 shell runs: yearly totals by donor as one GROUP BY over the
      same join and line filter as aidledger's Reader::each_total_row.
  peer_totals.py compare DONORS.csv SQLITE.csv HLEDGER.csv
      Compares every (donor, year) disbursed and pledged total of `aidledger donors --by-year
      --format csv` with the sqlite3 shell's and hledger's (`bal -Y -O csv`). Exit 1 on any
      difference; prints a few of the numbers compared.
  peer_totals.py sheets AIDLEDGER.xlsx PEER.xlsx
      Compares the two workbooks' sheet names and each sheet's dimension (rows x columns). Exit 1
      when they differ.
"""
import csv
import re
import sqlite3
import sys
import zipfile
from decimal import Decimal

# The line filter of src/ledger/filter.cpp with no filter given (every parameter NULL).
LINE_FILTER = "e.excluded = 0 AND a.excluded = 0"
YEAR = "CASE WHEN length(e.date_text) >= 4 THEN CAST(substr(e.date_text, 1, 4) AS INTEGER) ELSE 0 END"


def yuan(fen):
    sign = "-" if fen < 0 else ""
    return f"{sign}{abs(fen) // 100}.{abs(fen) % 100:02d}"


def account_part(name):
    # hledger: ':' separates accounts, two spaces end the account name.
    name = re.sub(r"\s{2,}", " ", name.replace(":", "："))
    return name or "（未知）Unknown"


def journal(ledger, out):
    db = sqlite3.connect(f"file:{ledger}?mode=ro", uri=True)
    written = skipped_undated = 0
    with open(out, "w", encoding="utf-8") as f:
        for eid, status, date, first, donor, township, fen in db.execute(
                "SELECT e.id, e.status, e.date_text, e.date_first, COALESCE(o.name, ''), a.township, a.amount_fen "
                "FROM allocations a JOIN events e ON e.id = a.event_id LEFT JOIN organisations o ON o.id = e.donor_id "
                f"WHERE {LINE_FILTER} AND e.aggregate = 0 AND a.amount_fen IS NOT NULL "
                "ORDER BY e.date_first IS NULL, e.date_first, e.id, a.id"):
            if not first or len(date) < 4 or first[:4] != date[:4]:
                skipped_undated += 1  # hledger needs a day; aidledger counts these under 未知 Unknown
                continue
            account = "pledged" if status == "pledged" else "disbursed"
            f.write(f"{first} event {eid}\n    {account}:{account_part(donor)}  {yuan(fen)}\n"
                    f"    townships:{account_part(township) if township else 'unresolved'}\n\n")
            written += 1
    print(f"{out}: {written} transactions; {skipped_undated} undated lines left out", file=sys.stderr)


def sql():
    print(f"""SELECT COALESCE(o.name, '') AS donor, {YEAR} AS year,
  SUM(CASE WHEN e.aggregate = 0 AND e.status != 'pledged' AND a.amount_fen IS NOT NULL THEN a.amount_fen ELSE 0 END) AS disbursed_fen,
  SUM(CASE WHEN e.aggregate = 0 AND e.status = 'pledged' THEN COALESCE(a.amount_fen, 0) ELSE 0 END) AS pledged_fen,
  SUM(CASE WHEN e.aggregate = 0 AND e.status != 'pledged' AND e.kind = 'in_kind' THEN COALESCE(a.amount_fen, 0) ELSE 0 END) AS in_kind_fen,
  COUNT(*) AS lines
FROM allocations a JOIN events e ON e.id = a.event_id LEFT JOIN organisations o ON o.id = e.donor_id
WHERE {LINE_FILTER}
GROUP BY 1, 2 ORDER BY 1, 2;""")


def compare(donors_csv, sqlite_csv, hledger_csv):
    ours = {}
    with open(donors_csv, encoding="utf-8") as f:
        for r in csv.DictReader(f):
            ours[(r["donor"], int(r["year"] or 0))] = (Decimal(r["disbursed_yuan"]), Decimal(r["pledged_yuan"]), int(r["lines"]))
    theirs = {}
    with open(sqlite_csv, encoding="utf-8") as f:
        for r in csv.DictReader(f):
            theirs[(r["donor"], int(r["year"]))] = (Decimal(r["disbursed_fen"]) / 100, Decimal(r["pledged_fen"]) / 100, int(r["lines"]))
    ledger = {}
    with open(hledger_csv, encoding="utf-8") as f:
        rows = list(csv.reader(f))
    years = rows[0][1:]
    for r in rows[1:]:
        m = re.match(r"(disbursed|pledged):(.*)", r[0])
        if not m:
            continue
        for y, v in zip(years, r[1:]):
            v = v.replace(",", "").strip()
            if v and Decimal(v) != 0:
                ledger[(m.group(1), m.group(2), int(y))] = Decimal(v)
    h_total = sum(v for k, v in ledger.items() if k[0] == "disbursed")
    bad = []
    if set(ours) != set(theirs):
        bad.append(f"donor-years: aidledger {len(ours)}, sqlite3 {len(theirs)}; only in one: {sorted(set(ours) ^ set(theirs))[:5]}")
    compared = 0
    for key, (paid, pledged, lines) in ours.items():
        donor, year = key
        other = theirs.get(key)
        if other and other != (paid, pledged, lines):
            bad.append(f"{donor} {year}: aidledger {paid} / {pledged} / {lines} lines, sqlite3 {other[0]} / {other[1]} / {other[2]} lines")
        if year != 0:
            for account, value in (("disbursed", paid), ("pledged", pledged)):
                h = ledger.pop((account, account_part(donor), year), Decimal(0))
                if h != value:
                    bad.append(f"{donor} {year} {account}: aidledger {value}, hledger {h}")
        compared += 1
    for key, v in ledger.items():
        bad.append(f"hledger only: {key} {v}")
    total = lambda d, i: sum(v[i] for v in d.values())
    print(f"compared {compared} donor-years (disbursed, pledged, lines): disbursed total aidledger {total(ours, 0)}, "
          f"sqlite3 {total(theirs, 0)}, hledger {h_total}")
    sample = sorted(ours.items(), key=lambda kv: -kv[1][0])[:3]
    for (donor, year), (paid, pledged, lines) in sample:
        print(f"  e.g. {donor} {year}: disbursed {paid} (aidledger) = {theirs.get((donor, year), ('?',))[0]} (sqlite3)")
    if bad:
        print(f"DIFFERENT: {len(bad)} differences", *bad[:10], sep="\n  ")
        return 1
    print("totals agree: aidledger donors = sqlite3 shell = hledger bal -Y")
    return 0


def dimensions(path):
    z = zipfile.ZipFile(path)
    wb = z.read("xl/workbook.xml").decode("utf-8")
    names = re.findall(r'<sheet name="([^"]*)"', wb)
    rels = z.read("xl/_rels/workbook.xml.rels").decode("utf-8")
    rids = re.findall(r'<sheet name="[^"]*" sheetId="\d+" r:id="(rId\d+)"', wb)
    targets = dict(re.findall(r'Id="(rId\d+)" Type="[^"]*" Target="([^"]*)"', rels))
    out = []
    for name, rid in zip(names, rids):
        with z.open("xl/" + targets[rid].lstrip("/").removeprefix("xl/")) as f:
            head = f.read(4096).decode("utf-8", "replace")
        m = re.search(r'<dimension ref="([^"]*)"', head)
        out.append((name.replace("&amp;", "&"), m.group(1) if m else "?"))
    return out


def sheets(ours, peer):
    a, b = dimensions(ours), dimensions(peer)
    same = a == b
    for (n1, d1), (n2, d2) in zip(a, b):
        print(f"  {n1}: {d1}{'' if (n1, d1) == (n2, d2) else f'  peer: {n2} {d2}'}")
    if len(a) != len(b):
        print(f"  sheets: aidledger {len(a)}, peer {len(b)}")
    print("sheets: same names and dimensions" if same else "sheets: DIFFERENT")
    return 0 if same else 1


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "journal":
        journal(*args)
    elif cmd == "sql":
        sql()
    elif cmd == "compare":
        sys.exit(compare(*args))
    elif cmd == "sheets":
        sys.exit(sheets(*args))
    else:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
