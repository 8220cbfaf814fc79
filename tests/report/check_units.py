"""The workbook in 元 and in 万元 (--unit wan) carry the same totals: the Summary's amounts, the
yearly and township sheets and the Ledger Table's totals, divided by 10,000; a 元 workbook shows the
Summary's amounts in 万元 beside (=B/10000). usage: check_units.py YUAN.xlsx WAN.xlsx"""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
import xlsx_read  # noqa: E402

yuan, yf = xlsx_read.read(sys.argv[1])
wan, wf = xlsx_read.read(sys.argv[2])
passed = failed = 0


def check(name, got, want):
    global passed, failed
    if isinstance(got, float) and isinstance(want, float) and abs(got - want) < 1e-7 or got == want:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {name}: got {got!r}, want {want!r}")


check("same sheets", list(wan), list(yuan))
for name in yuan:
    for rc, f in yf[name].items():
        v = yuan[name].get(rc)
        if name == "概览 Summary" and rc[1] == 2:  # the 万元 beside
            check(f"{name} {rc} 万元 beside is B/10000", f, f"B{rc[0] + 1}/10000")
            check(f"{name} {rc} 万元 value", v, yuan[name][(rc[0], 1)] / 10000)
            continue
        w = wan[name].get(rc)
        if isinstance(v, float) and isinstance(w, float) and abs(w - v) < 1e-9:
            continue  # a count of goods (or zero): no unit
        check(f"{name} {rc} {f}", w, v / 10000 if isinstance(v, float) else v)
s = yuan["概览 Summary"]
r = xlsx_read.row_of(s, 0, "已拨付合计 Disbursed total")[0]
check("summary disbursed in 元", s[(r, 1)], 4727538.0)
check("summary disbursed in 万元 beside", s[(r, 2)], 472.7538)
check("wan workbook disbursed", wan["概览 Summary"][(r, 1)], 472.7538)
y = wan["年度汇总 Yearly totals"]
check("wan titles say 万元", bool(xlsx_read.row_of(y, 0, "已拨付 Disbursed (万元)")) and bool(xlsx_read.row_of(y, 0, "承诺 Pledged (万元)")), True)
print(f"units: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
