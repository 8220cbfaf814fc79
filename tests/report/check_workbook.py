#!/usr/bin/env python3
"""Checks the workbook of sample_data/ against the ledger's own export.

usage: check_workbook.py WORKBOOK.xlsx EXPORT.csv
Every figure is recomputed here from the exported lines (which carry no totals) and compared
with the workbook's cells, so a wrong sum, a missing line or an aggregate counted into a total
fails. Prints 'N passed, M failed'."""
import csv
import sys
from collections import defaultdict

sys.path.insert(0, __import__("os").path.dirname(__file__))
import xlsx_read  # noqa: E402

passed = failed = 0


def check(name, got, want):
    global passed, failed
    if isinstance(want, float) and isinstance(got, float) and abs(got - want) < 0.005 or got == want:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {name}: got {got!r}, want {want!r}")


def fen(s):
    whole, _, frac = s.partition(".")
    return int(whole) * 100 + int((frac + "00")[:2])


def main(xlsx, export_csv):
    sheets, formulas = xlsx_read.read(xlsx)
    check("sheet names", list(sheets), ["概览 Summary", "年度汇总 Yearly totals", "捐赠方 Donors", "乡镇×年度 Townships by year", "台账 Ledger",
                                        "时间线 Timeline", "承诺与拨付 Pledges", "待核查 Review", "说明 Definitions"])
    lines = list(csv.DictReader(open(export_csv, encoding="utf-8")))

    # What the totals must be, from the export: disbursed and pledged by (year, township), aggregates never.
    disbursed, pledged = defaultdict(int), defaultdict(int)
    kinds = defaultdict(int)
    aggregates = 0
    for l in lines:
        if not l["amount_yuan"]:
            continue
        if l["aggregate"] == "1":
            aggregates += fen(l["amount_yuan"])
            continue
        key = (l["year"], l["township"] or "")
        if l["status"] == "pledged":
            pledged[key] += fen(l["amount_yuan"])
        else:
            disbursed[key] += fen(l["amount_yuan"])
            kinds[l["kind"]] += fen(l["amount_yuan"])

    # 年度汇总 Yearly totals: every cell of both blocks, then the named figures.
    y = sheets["年度汇总 Yearly totals"]
    label = {"合并 JOINT": "JOINT", "未确定 Unresolved": ""}
    blocks = {"已拨付 Disbursed (¥)": disbursed, "承诺 Pledged (¥)": pledged}
    for title, want in blocks.items():
        start = xlsx_read.row_of(y, 0, title)[0]
        cols = xlsx_read.header_cols(y, start + 1)
        r = start + 2
        grand = 0
        while y.get((r, 0)) not in (None, "合计 Total"):
            year = y[(r, 0)]
            row_total = 0
            for head, c in cols.items():
                if head in ("年份 Year", "合计 Total"):
                    continue
                t = label.get(head, head)
                check(f"{title} {year} {t}", round(y.get((r, c), 0.0) * 100), want.get((year, t), 0))
                row_total += want.get((year, t), 0)
            check(f"{title} {year} row total", round(y[(r, cols['合计 Total'])] * 100), row_total)
            check(f"{title} {year} row total is a formula", formulas["年度汇总 Yearly totals"].get((r, cols["合计 Total"]), "")[:4], "SUM(")
            grand += row_total
            r += 1
        check(f"{title} grand total", round(y[(r, cols["合计 Total"])] * 100), grand)
        check(f"{title} every year reported", r - start - 2, len({k[0] for k in want}))
    dis = xlsx_read.row_of(y, 0, "已拨付 Disbursed (¥)")[0]
    pl = xlsx_read.row_of(y, 0, "承诺 Pledged (¥)")[0]
    cols = xlsx_read.header_cols(y, dis + 1)
    r2019 = [r for r in xlsx_read.row_of(y, 0, "2019") if r > dis][0]
    r2024 = [r for r in xlsx_read.row_of(y, 0, "2024") if r > dis][0]
    r2023 = [r for r in xlsx_read.row_of(y, 0, "2023") if r > pl][0]
    check("2019 disbursed to 徐家湾乡", y[(r2019, cols["徐家湾乡"])], 1500000.00)
    check("2024 disbursed to 双龙湾镇", y[(r2024, cols["双龙湾镇"])], 500000.00)
    check("2023 pledged", y[(r2023, xlsx_read.header_cols(y, pl + 1)["合计 Total"])], 3000000.00)

    # 概览 Summary: totals by kind, pledged, and the cumulative claims kept apart.
    s = sheets["概览 Summary"]
    def summary(label_text):
        return round(s[(xlsx_read.row_of(s, 0, label_text)[0], 1)] * 100)
    check("summary disbursed", summary("已拨付合计 Disbursed total"), sum(disbursed.values()))
    check("summary cash", summary("    现金 cash"), kinds["cash"])
    check("summary in kind", summary("    实物 in_kind"), kinds["in_kind"])
    check("summary consumption", summary("    消费帮扶 consumption"), kinds["consumption"])
    check("summary pledged", summary("承诺 Pledged"), sum(pledged.values()))
    check("summary cumulative claims", summary("累计数（不计入合计） Cumulative claims (not in totals)"), aggregates)

    # The cumulative 551,600.00 is on Review and in no total.
    rv = sheets["待核查 Review"]
    hdr = xlsx_read.header_cols(rv, 2)
    claims = [r for r in xlsx_read.row_of(rv, 0, "累计数 Cumulative claim")]
    check("cumulative 551,600.00 on Review", sorted(rv[(r, hdr["金额 Amount"])] for r in claims), [133500.00, 551600.00])
    totals = [v for sheet in sheets.values() for (r, c), v in sheet.items() if isinstance(v, float)]
    all_sums = {round(v * 100) for name, f in formulas.items() for rc in f for v in [sheets[name].get(rc, 0.0)]}
    check("no total includes the cumulative claim", any(t == sum(disbursed.values()) + 55160000 for t in all_sums), False)
    check("a gap is shown", all(isinstance(rv.get((r, hdr["差额 Gap"])), float) for r in claims), True)
    del totals

    # 台账 Ledger: an Excel Table, one row per exported line, then its SUBTOTAL totals row; the
    # amounts in separate columns (disbursed, pledged, cumulative claim), a year, real dates.
    led = sheets["台账 Ledger"]
    lh = xlsx_read.header_cols(led, 0)
    for h in ("年份 Year", "日期 Date", "精度 Precision", "已拨付 Disbursed", "承诺 Pledged", "累计数 Cumulative claim",
              "数量 Quantity", "单位 Unit", "来源标题 Source headline", "来源日期 Source date"):
        check(f"ledger column {h}", h in lh, True)
    rows = max(r for r, c in led) if led else 0
    check("ledger rows (lines, then the totals row)", rows, len(lines) + 1)
    def column(h):
        return sorted(round(led[(r, lh[h])] * 100) for r in range(1, rows) if isinstance(led.get((r, lh[h])), float))
    def want(pred):
        return sorted(fen(l["amount_yuan"]) for l in lines if l["amount_yuan"] and pred(l))
    check("ledger disbursed column", column("已拨付 Disbursed"), want(lambda l: l["aggregate"] != "1" and l["status"] != "pledged"))
    check("ledger pledged column", column("承诺 Pledged"), want(lambda l: l["aggregate"] != "1" and l["status"] == "pledged"))
    check("ledger cumulative column", column("累计数 Cumulative claim"), want(lambda l: l["aggregate"] == "1"))
    check("ledger years", sorted(int(led[(r, lh["年份 Year"])]) for r in range(1, rows) if isinstance(led.get((r, lh["年份 Year"])), float)),
          sorted(int(l["year"]) for l in lines if l["year"]))
    days = [l for l in lines if l["date_precision"] == "day"]
    dates = [led[(r, lh["日期 Date"])] for r in range(1, rows)]
    check("ledger dates: a number (Excel date) for each day", sum(isinstance(d, float) for d in dates), len(days))
    import datetime
    excel = sorted((datetime.date(1899, 12, 30) + datetime.timedelta(days=int(d))).isoformat() for d in dates if isinstance(d, float))
    check("ledger dates are the days", excel, sorted(l["date"] for l in days))
    lf = formulas["台账 Ledger"]
    for h, total in (("已拨付 Disbursed", sum(disbursed.values())), ("承诺 Pledged", sum(pledged.values())),
                     ("累计数 Cumulative claim", aggregates)):
        check(f"ledger totals row {h} is SUBTOTAL of the Table", lf.get((rows, lh[h])), f"SUBTOTAL(109,Ledger[{h}])")
        check(f"ledger totals row {h}", round(led[(rows, lh[h])] * 100), total)
    import zipfile
    z = zipfile.ZipFile(xlsx)
    tables = [n for n in z.namelist() if n.startswith("xl/tables/")]
    check("one Table", len(tables), 1)
    t = z.read(tables[0]).decode()
    check("the Table is named Ledger", 'name="Ledger"' in t, True)
    check("the Table has a totals row", 'totalsRowCount="1"' in t, True)
    check("the Table is banded", 'showRowStripes="1"' in t, True)
    check("the Table covers the lines and the totals row", f'ref="A1:S{rows + 1}"' in t, True)

    # 乡镇×年度 Townships by year: every cell against the export, totals as SUM formulas.
    ty = sheets["乡镇×年度 Townships by year"]
    tyf = formulas["乡镇×年度 Townships by year"]
    th = xlsx_read.header_cols(ty, 3)
    years = sorted({k[0] for k in disbursed})
    check("townships by year: the years", [h for h in th if h[:1].isdigit()], years)
    r = 4
    while ty.get((r, 0)) not in (None, "合计 Total"):
        t = label.get(ty[(r, 0)], ty[(r, 0)])
        for year in years:
            check(f"townships by year {t} {year}", round(ty.get((r, th[year]), 0.0) * 100), disbursed.get((year, t), 0))
        check(f"townships by year {t} total", round(ty[(r, th["合计 Total"])] * 100), sum(v for k, v in disbursed.items() if k[1] == t))
        check(f"townships by year {t} total is a SUM", tyf.get((r, th["合计 Total"]), "")[:4], "SUM(")
        r += 1
    check("townships by year: every township", r - 4, len({k[1] for k in disbursed}))
    check("townships by year grand total", round(ty[(r, th["合计 Total"])] * 100), sum(disbursed.values()))
    check("townships by year grand total is a SUM", tyf.get((r, th["合计 Total"]), "")[:4], "SUM(")

    # Values Chinese first with English beside: the precision of dates on Ledger and Timeline.
    precisions = {"日 day", "月 month", "年 year", "报道日 reported", "未知 unknown"}
    for name in ("台账 Ledger", "时间线 Timeline"):
        sh = sheets[name]
        col = xlsx_read.header_cols(sh, 0)["精度 Precision"]
        vals = {v for (r, c), v in sh.items() if c == col and r > 0 and isinstance(v, str)}
        check(f"{name} precision bilingual", vals <= precisions and bool(vals), True)

    # Definitions and Review: Chinese first, English beside.
    import re
    han = re.compile(r"[\u4e00-\u9fff]")
    df = sheets["说明 Definitions"]
    check("definitions header", [df.get((2, c)) for c in range(3)], ["项 Term", "含义", "Meaning"])
    def_rows = [r for (r, c) in df if c == 1 and r > 2 and isinstance(df.get((r, 2)), str) and df.get((r, 2)) != "Meaning"]
    check("definitions: every meaning in Chinese, then in English", all(han.search(df[(r, 1)]) and not han.search(df[(r, 2)][:1]) for r in def_rows) and len(def_rows) > 20, True)
    rvh = xlsx_read.header_cols(rv, 2)
    levels = {"错误 error", "警告 warning", "提示 info"}
    review_rows = [r for (r, c) in rv if c == 0 and r > 2]
    check("review: a level for every finding", all(rv.get((r, rvh["级别 Level"])) in levels for r in review_rows), True)
    check("review: detail in Chinese, then English", all(han.search(rv[(r, rvh["说明 Detail"])].split("\n")[0]) and len(rv[(r, rvh["说明 Detail"])].split("\n")) == 2
                                                         for r in review_rows) and bool(review_rows), True)

    # Print: landscape A4, never shrunk to one page wide when the columns need more, header rows
    # repeated, page X of Y with the title and the day in the footer, the CJK font.
    wb = z.read("xl/workbook.xml").decode()
    check("header rows repeat on the line sheets", all(f"'{n}'!$1:$1" in wb for n in ("台账 Ledger", "时间线 Timeline")), True)
    sheet_files = sorted(n for n in z.namelist() if n.startswith("xl/worksheets/sheet"))
    for n in sheet_files:
        x = z.read(n).decode()
        check(f"{n} landscape A4", 'paperSize="9"' in x and 'orientation="landscape"' in x, True)
        check(f"{n} footer page X of Y", "Page &amp;P of &amp;N" in x and "Pairing aid ledger" in x, True)
    ledger_xml = z.read(sheet_files[list(sheets).index("台账 Ledger")]).decode()
    check("the Ledger prints more than one page wide (at about 100%)", 'fitToWidth="1"' not in ledger_xml, True)
    check("font Microsoft YaHei", "Microsoft YaHei" in z.read("xl/styles.xml").decode(), True)

    # 捐赠方 Donors: a donor of goods only shows its goods (quantity and unit), not a row of ¥0.00;
    # every donor's goods without a value are those of the export.
    d = sheets["捐赠方 Donors"]
    dh = xlsx_read.header_cols(d, 2)
    gcol = dh["未计价实物 Goods without a value"]
    goods = defaultdict(lambda: defaultdict(int))
    for l in lines:
        if l["aggregate"] != "1" and l["status"] != "pledged" and not l["amount_yuan"] and l["quantity"]:
            goods[l["donor"]][l["unit"]] += int(l["quantity"])
    r = 3
    goods_only = 0
    while d.get((r, 0)) not in (None, "合计 Total"):
        name = d[(r, 0)]
        want_goods = "、".join(f"{q}{u}" for u, q in sorted(goods.get(name, {}).items()))
        got = d.get((r, gcol), "")
        check(f"donors: goods of {name}", got.split("；")[0] if want_goods else want_goods, want_goods)
        money = [d.get((r, c)) for h, c in dh.items() if h[:1].isdigit() or h == "承诺 Pledged"]
        if want_goods and not any(isinstance(v, float) and v for v in money):
            goods_only += 1
            check(f"donors: {name} (goods only) has no ¥0.00 year or pledge cells", all(v is None for v in money), True)
        r += 1
    check("donors: goods-only donors in the sample", goods_only >= 4, True)

    # Printed line sheets: every row as tall as its wrapped text, not taller by more than a line,
    # and never shorter (no clipped cell); header rows too. Widths and heights from the sheet XML;
    # the wrapping recomputed here: a column of width w holds w-1 columns of text, a CJK character
    # takes two, bold header text a tenth more, each line of a text wraps on its own.
    import unicodedata
    import xml.etree.ElementTree as ET
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    def wrapped(part, room):
        # As a spreadsheet wraps: narrow words whole when they fit a line, wide characters anywhere;
        # a narrow character 1.1 columns, a wide one 2.
        lines, col, i = 1, 0.0, 0
        while i < len(part):
            ch = part[i]
            if ch == " ":
                if col > 0 and col + 1.1 <= room:
                    col += 1.1
                i += 1
            elif unicodedata.east_asian_width(ch) in "WF":
                if col + 2 > room:
                    lines, col = lines + 1, 0.0
                col += 2
                i += 1
            else:
                j = i
                while j < len(part) and part[j] != " " and unicodedata.east_asian_width(part[j]) not in "WF":
                    j += 1
                word, i = 1.1 * (j - i), j
                if col + word <= room:
                    col += word
                elif word <= room:
                    lines, col = lines + 1, word
                else:
                    total = col + word
                    while total > room:
                        lines, total = lines + 1, total - room
                    col = total
        return lines
    for name, header_row in (("台账 Ledger", 0), ("时间线 Timeline", 0), ("待核查 Review", 2), ("说明 Definitions", 2)):
        x = ET.fromstring(z.read(sheet_files[list(sheets).index(name)]))
        widths = {}
        for col in x.iter("{%s}col" % ns["m"]):
            for c in range(int(col.get("min")) - 1, int(col.get("max"))):
                widths[c] = float(col.get("width")) - 0.7109375
        heights = {int(r.get("r")) - 1: float(r.get("ht", 15)) for r in x.iter("{%s}row" % ns["m"])}
        sh = sheets[name]
        bad = []
        for r in sorted(heights):
            if r < header_row or r == max(heights) and name == "台账 Ledger":
                continue  # titles; the Table's totals row
            is_header = r == header_row or sh.get((r, 0)) == "检查 Check"
            if not is_header and not any(isinstance(sh.get((r, c)), str) for c in widths if c > 0):
                continue  # a section's title (not wrapped) or an empty row
            bold = 1.1 if is_header else 1.0
            lines = 1
            for (rr, c), v in sh.items():
                if rr == r and isinstance(v, str) and c in widths:
                    room = max(4.0, widths[c] - 1) / bold
                    lines = max(lines, min(28, sum(wrapped(part, room) for part in v.split("\n"))))
            want = max(30, 14.5 * lines + 2) if is_header else (14.5 * lines if lines > 1 else 15)
            if abs(heights[r] - want) > 0.01:
                bad.append((r, heights[r], want))
        check(f"{name}: rows sized to their wrapped text", bad, [])

    # 承诺与拨付 Pledges: each 2023 pledge with the 2024 tranche paid against it.
    p = sheets["承诺与拨付 Pledges"]
    ph = xlsx_read.header_cols(p, 2)
    check("one pledge event", len([r for (r, c), v in p.items() if c == 0 and r > 2 and isinstance(v, float)]), 1)
    check("pledged", p[(3, ph["承诺金额 Pledged"])], 3000000.00)
    check("paid", p[(3, ph["拨付金额 Paid"])], 1000000.00)
    check("remaining", p[(3, ph["剩余 Remaining"])], 2000000.00)

    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
