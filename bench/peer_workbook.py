#!/usr/bin/python3
"""The peer of `aidledger report` for bench/peers.sh (issue 9): what a user would write instead.

usage: /usr/bin/python3 bench/peer_workbook.py LEDGER.db OUT.xlsx

Writes the nine sheets of aidledger's workbook (same names, same columns, rows from the same
SQLite queries as src/ledger/reader.cpp and src/ledger/queries.cpp, the totals folded as
src/report/totals.cpp does) with Debian's python3-xlsxwriter in {'constant_memory': True} mode.
No filter (the whole ledger), amounts in yuan. What it leaves out, so that it is no slower than a
user's script would be: the two charts of the Summary sheet, row heights fitted to wrapped text,
print setup (landscape, repeated header rows, footers), cell comments, the 32,767-character cut of
long cells, and the Chinese labels of merge reasons and correction messages other than those the
synthetic ledger holds (they are shown as stored). A benchmark peer, not a second implementation:
its numbers are checked against aidledger's only through `donors` (bench/peers.sh).
"""
import datetime
import sqlite3
import sys

import xlsxwriter

PAIRED = ["徐家湾乡", "双龙湾镇"]
TOWNSHIPS = ["城关镇", "杜关镇", "五里川镇", "官道口镇", "朱阳关镇", "官坡镇", "范里镇", "东明镇", "双龙湾镇", "横涧乡",
             "沙河乡", "文峪乡", "潘河乡", "双槐树乡", "汤河乡", "瓦窑沟乡", "狮子坪乡", "徐家湾乡", "木桐乡"]
REPORT_ORDER = PAIRED + [t for t in TOWNSHIPS if t not in PAIRED]

KIND = {"cash": "现金 cash", "in_kind": "实物 in_kind", "consumption": "消费帮扶 consumption"}
CATEGORY = {"government": "政府单位 Government unit", "enterprise": "企业 Enterprise",
            "social_organisation": "社会组织 Social organisation"}
PRECISION = {"day": "日 day", "month": "月 month", "year": "年 year", "reported": "报道日 reported"}
LEVEL = {"info": "提示 info", "warning": "警告 warning", "error": "错误 error"}


def kind_label(k): return KIND.get(k, k)
def status_label(s): return "承诺 pledged" if s == "pledged" else "已拨付 disbursed"
def category_label(c): return CATEGORY.get(c, "其他 Other")
def township_label(t): return "合并 JOINT" if t == "JOINT" else ("未确定 Unresolved" if t == "" else t)
def precision_label(p): return PRECISION.get(p, "未知 unknown")
def year_label(y): return "未知 Unknown" if y == 0 else str(y)
def merge_reason_label(r): return "首篇报道 first report" if r == "first report" else r


def yuan_text(fen):
    sign = "-" if fen < 0 else ""
    fen = abs(fen)
    return f"{sign}¥{fen // 100:,}.{fen % 100:02d}"


LINE_FILTER = ("e.excluded = 0 AND a.excluded = 0 "
               "AND (:from IS NULL OR (e.date_text != '' AND CAST(substr(e.date_text, 1, 4) AS INTEGER) >= :from)) "
               "AND (:to IS NULL OR (e.date_text != '' AND CAST(substr(e.date_text, 1, 4) AS INTEGER) <= :to)) "
               "AND (:township IS NULL OR a.township = :township OR instr('、' || a.covers || '、', '、' || :township || '、') > 0) "
               "AND (:donor IS NULL OR instr(COALESCE(o.name, ''), :donor) > 0 OR EXISTS (SELECT 1 FROM organisation_aliases x "
               "WHERE x.organisation_id = e.donor_id AND instr(x.alias, :donor) > 0)) "
               "AND (:kind IS NULL OR e.kind = :kind) AND (:status IS NULL OR e.status = :status)")
EVENT_FILTER = f"EXISTS (SELECT 1 FROM allocations a WHERE a.event_id = e.id AND {LINE_FILTER})"
NO_FILTER = {"from": None, "to": None, "township": None, "donor": None, "kind": None, "status": None}
TOTAL_COLUMNS = ("e.id, e.kind, e.status, e.aggregate, e.date_text, COALESCE(e.date_first, ''), COALESCE(e.date_last, ''), "
                 "COALESCE(o.name, ''), COALESCE(o.category, 'other'), a.township, COALESCE(a.covers, ''), a.amount_fen, a.quantity, e.unit")
ORDER = "ORDER BY e.date_first IS NULL, e.date_first, e.id, a.id"
EVENTS_FROM = "FROM events e LEFT JOIN organisations o ON o.id = e.donor_id"


def year_of(date_text):
    return int(date_text[:4]) if len(date_text) >= 4 else 0


class Totals:
    def __init__(self):
        self.lines = 0
        self.townships = set()
        self.cumulative_claims = self.disbursed = self.pledged = 0
        self.first_key = self.first_date = self.last_key = self.last_date = ""
        self.disbursed_by_kind, self.year_kind, self.year_township, self.year_township_pledged = {}, {}, {}, {}
        self.goods_by_unit, self.year_unit, self.donors = {}, {}, {}

    def add(self, r):
        (eid, kind, status, aggregate, date, first, last, donor, category, township, covers, fen, qty, unit) = r
        self.lines += 1
        self.townships.add(township)
        amount = fen or 0
        if aggregate:
            self.cumulative_claims += amount
            return
        if first and (not self.first_key or first < self.first_key):
            self.first_key, self.first_date = first, date
        if last and last > self.last_key:
            self.last_key, self.last_date = last, date
        year = year_of(date)
        d = self.donors.get(donor)
        if d is None:
            d = self.donors[donor] = {"category": category, "by_year": {}, "disbursed": 0, "pledged": 0, "goods": {}, "unquantified": 0}
        d["category"] = category
        if status == "pledged":
            self.pledged += amount
            yt = self.year_township_pledged.setdefault(year, {})
            yt[township] = yt.get(township, 0) + amount
            d["pledged"] += amount
        elif fen is not None:
            self.disbursed += fen
            self.disbursed_by_kind[kind] = self.disbursed_by_kind.get(kind, 0) + fen
            yk = self.year_kind.setdefault(year, {})
            yk[kind] = yk.get(kind, 0) + fen
            yt = self.year_township.setdefault(year, {})
            yt[township] = yt.get(township, 0) + fen
            d["by_year"][year] = d["by_year"].get(year, 0) + fen
            d["disbursed"] += fen
        elif qty is not None:
            self.goods_by_unit[unit] = self.goods_by_unit.get(unit, 0) + qty
            yu = self.year_unit.setdefault(year, {})
            yu[unit] = yu.get(unit, 0) + qty
            d["goods"][unit] = d["goods"].get(unit, 0) + qty
        else:
            d["unquantified"] += 1


def col_name(c):
    s = ""
    c += 1
    while c > 0:
        s = chr(ord("A") + (c - 1) % 26) + s
        c = (c - 1) // 26
    return s


def ref(r, c): return f"{col_name(c)}{r + 1}"


class Sheet:
    """One worksheet written row by row (constant_memory), keeping its own row count."""

    def __init__(self, book, name, widths):
        self.b = book
        self.ws = book.wb.add_worksheet(name)
        for i, w in enumerate(widths):
            self.ws.set_column(i, i, w)
        self.r = 0

    def row(self, cells, style=None):
        ws, r, f = self.ws, self.r, self.b.f
        for c, cell in enumerate(cells):
            if cell is None:
                continue
            t = cell[0]
            if t == "s":
                fmt = f["title"] if style == "title" else f["header"] if style == "header" else f["bold"] if style in ("section", "total") else f["wrap"]
                ws.write_string(r, c, cell[1], fmt)
            elif t == "m":
                ws.write_number(r, c, cell[1] / 100, f["total_money"] if style == "total" else f["money"])
            elif t == "i":
                ws.write_number(r, c, cell[1], f["total_int"] if style == "total" else f["int"])
            elif t == "p":
                ws.write_number(r, c, cell[1], f["plain"])
            elif t == "d":
                ws.write_datetime(r, c, cell[1], f["date"])
            elif t == "f":  # formula with its value (fen)
                ws.write_formula(r, c, cell[1], f["total_money"] if style == "total" else f["money"], cell[2] / 100)
            elif t == "w":
                ws.write_formula(r, c, cell[1], f["wan"], cell[2] / 1000000)
        self.r += 1
        return r

    def freeze_and_filter(self, header, last, last_col):
        self.ws.freeze_panes(header + 1, 0)
        self.ws.autofilter(header, 0, max(last, header), last_col)


def S(s): return ("s", s)
def M(fen): return ("m", fen)
def I(n): return ("i", n)
def P(n): return ("p", n)
def F(formula, fen): return ("f", formula, fen)


class Book:
    def __init__(self, path):
        self.wb = xlsxwriter.Workbook(path, {"constant_memory": True, "use_zip64": True})
        add = lambda **k: self.wb.add_format({"font_name": "Microsoft YaHei", "font_size": 10.5, "valign": "top", **k})
        self.f = {"wrap": add(text_wrap=True), "money": add(num_format="¥#,##0.00"), "wan": add(num_format='#,##0.0000"万元"'),
                  "plain": add(num_format="0"), "date": add(num_format="yyyy-mm-dd", align="left"), "int": add(num_format="#,##0"),
                  "title": add(bold=True, font_size=14), "header": add(bold=True, bg_color="#D9E1F2", text_wrap=True, border=1),
                  "bold": add(bold=True), "total_money": add(bold=True, top=1, num_format="¥#,##0.00"),
                  "total_int": add(bold=True, top=1, num_format="#,##0")}


def summary_sheet(book, db, t, path):
    s = Sheet(book, "概览 Summary", [44, 20, 16, 20, 16, 3])
    s.row([S("结对帮扶台账 Pairing aid ledger")], "title")
    s.row([S("概览 Summary. 累计数与承诺不计入已拨付合计 — cumulative claims and pledges never enter disbursed totals.")])
    s.row([])

    def amount(label, fen, style=None):
        r = s.r
        s.row([S(label), M(fen), ("w", f"={ref(r, 1)}/10000", fen)], style)
    s.row([S("金额 Amounts"), S("元 yuan"), S("万元 10,000 yuan")], "section")
    amount("已拨付合计 Disbursed total", t.disbursed, "total")
    for k in ("cash", "in_kind", "consumption"):
        amount("    " + kind_label(k), t.disbursed_by_kind.get(k, 0))
    amount("承诺 Pledged", t.pledged)
    amount("累计数（不计入合计） Cumulative claims (not in totals)", t.cumulative_claims)
    s.row([])
    s.row([S("未计价实物 In-kind goods without a value")], "section")
    if not t.goods_by_unit:
        s.row([S("无 none")])
    for unit, q in sorted(t.goods_by_unit.items()):
        s.row([S(unit), I(q)])
    s.row([])
    s.row([S("范围 Scope")], "section")
    with_aid = db.execute(f"SELECT COUNT(DISTINCT m.article_id) FROM mentions m JOIN events e ON e.id = m.event_id "
                          f"LEFT JOIN organisations o ON o.id = e.donor_id WHERE {EVENT_FILTER}", NO_FILTER).fetchone()[0]
    events = db.execute(f"SELECT COUNT(*) FROM events e LEFT JOIN organisations o ON o.id = e.donor_id WHERE {EVENT_FILTER}", NO_FILTER).fetchone()[0]
    read = db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    s.row([S("文章（有帮扶记录 / 全部） Articles (with aid / all read)"), S(f"{with_aid} / {read}")])
    s.row([S("事件 Events"), I(events)])
    s.row([S("台账行 Ledger lines"), I(t.lines)])
    s.row([S("日期范围 Date range"), S(t.first_date + " – " + t.last_date if t.first_date else "—")])
    s.row([S("筛选 Filters"), S("无 none")])
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M")
    s.row([S("生成 Produced by"), S(f"bench/peer_workbook.py, {now} UTC, from {path}")])
    s.row([])
    s.row([S("年度拨付（按类别） Disbursed by year and kind")], "section")
    s.row([S("年份 Year"), S("现金 Cash"), S("实物 In kind"), S("消费帮扶 Consumption"), S("合计 Total")], "header")
    for year in sorted(t.year_kind):
        kinds = t.year_kind[year]
        vals = [kinds.get(k, 0) for k in ("cash", "in_kind", "consumption")]
        r = s.r
        s.row([S(year_label(year))] + [M(v) for v in vals] + [F(f"=SUM({ref(r, 1)}:{ref(r, 3)})", sum(vals))])
    s.row([])  # (aidledger draws a stacked column chart here: omitted)
    s.row([S("主要捐赠方 Largest donors (disbursed)")], "section")
    s.row([S("捐赠方 Donor"), S("已拨付 Disbursed")], "header")
    top = [(name or "（未知）Unknown", d["disbursed"]) for name, d in sorted(t.donors.items()) if d["disbursed"] > 0]
    top.sort(key=lambda x: -x[1])
    for name, fen in top[:10]:
        s.row([S(name), M(fen)])  # (and a bar chart: omitted)


def columns_of(t):
    cols = list(PAIRED)
    for name in REPORT_ORDER:
        if name in t.townships and name not in cols:
            cols.append(name)
    for name in sorted(t.townships):
        if name and name != "JOINT" and name not in cols:
            cols.append(name)
    return cols + ["JOINT", ""]


def yearly_block(s, title, columns, data, money):
    s.row([S(title)], "section")
    s.row([S("年份 Year")] + [S(township_label(c) if money else c) for c in columns] + ([S("合计 Total")] if money else []), "header")
    n = len(columns)
    first = s.r
    sums = [0] * (n + 1)
    for year in sorted(data):
        values = data[year]
        vals = [values.get(c, 0) for c in columns]
        for i, v in enumerate(vals):
            sums[i] += v
        sums[n] += sum(vals)
        r = s.r
        cells = [S(year_label(year))] + [M(v) if money else I(v) for v in vals]
        if money:
            cells.append(F(f"=SUM({ref(r, 1)}:{ref(r, n)})", sum(vals)))
        s.row(cells)
    last = s.r - 1
    total = [S("合计 Total")]
    for c in range(1, (n + 1 if money else n) + 1):
        v = sums[c - 1]
        if last < first:
            total.append(M(0) if money else I(0))
        else:
            total.append(F(f"=SUM({ref(first, c)}:{ref(last, c)})", v) if money else ("i", v))
    s.row(total, "total")
    s.row([])


def yearly_sheet(book, t):
    columns = columns_of(t)
    s = Sheet(book, "年度汇总 Yearly totals", [14] + [18] * (len(columns) + 1))
    s.row([S("年度汇总 Yearly totals")], "title")
    s.row([S("合并 JOINT: 一笔金额给多个乡镇、未拆分 — one amount given to several townships together. 累计数不计入 — cumulative claims are excluded.")])
    s.row([])
    yearly_block(s, "已拨付 Disbursed (¥)", columns, t.year_township, True)
    yearly_block(s, "承诺 Pledged (¥)", columns, t.year_township_pledged, True)
    units = sorted(t.goods_by_unit)
    if units:
        yearly_block(s, "未计价实物数量 Goods without a value (quantity per unit)", units, t.year_unit, False)


def donors_sheet(book, t):
    years = sorted({y for d in t.donors.values() for y in d["by_year"]})
    s = Sheet(book, "捐赠方 Donors", [34, 29] + [16] * (len(years) + 2) + [34])
    s.row([S("捐赠方 Donors — 已拨付（按年）、承诺与未计价实物 disbursed by year, pledged, and goods without a value")], "title")
    s.row([])
    header = s.row([S("捐赠方 Donor"), S("类别 Category")] + [S(year_label(y)) for y in years]
                   + [S("已拨付合计 Disbursed"), S("承诺 Pledged"), S("未计价实物 Goods without a value")], "header")
    order = sorted(t.donors.items())
    order.sort(key=lambda x: -x[1]["disbursed"])
    ny = len(years)
    first = s.r
    sums = [0] * (ny + 2)
    for name, d in order:
        cells = [S(name or "（未知）Unknown"), S(category_label(d["category"]))]
        for i, y in enumerate(years):
            v = d["by_year"].get(y)
            sums[i] += v or 0
            cells.append(None if v is None else M(v))
        r = s.r
        cells.append(F(f"=SUM({ref(r, 2)}:{ref(r, 1 + ny)})", d["disbursed"]) if ny else M(0))
        sums[ny] += d["disbursed"]
        cells.append(M(d["pledged"]) if d["pledged"] else None)
        sums[ny + 1] += d["pledged"]
        goods = "、".join(f"{q}{u}" for u, q in sorted(d["goods"].items()))
        if d["unquantified"]:
            n = d["unquantified"]
            goods += f"{'；' if goods else ''}{n} 项未写明数量 {n} {'gift' if n == 1 else 'gifts'} without a quantity"
        cells.append(S(goods))
        s.row(cells)
    last = s.r - 1
    s.freeze_and_filter(header, last, 1 + ny + 3)
    total = [S("合计 Total"), None]
    for c in range(2, 2 + ny + 2):
        total.append(F(f"=SUM({ref(first, c)}:{ref(last, c)})", sums[c - 2]) if last >= first else M(0))
    total.append(S("、".join(f"{q}{u}" for u, q in sorted(t.goods_by_unit.items()))))
    s.row(total, "total")


def townships_by_year_sheet(book, t):
    years, by = set(), {}
    for y, towns in t.year_township.items():
        for town, fen in towns.items():
            years.add(y)
            by.setdefault(town, {})[y] = by.get(town, {}).get(y, 0) + fen
    years = sorted(years)
    order = []
    for name in PAIRED + REPORT_ORDER + sorted(n for n in by if n and n != "JOINT") + ["JOINT", ""]:
        if name in by and name not in order:
            order.append(name)
    s = Sheet(book, "乡镇×年度 Townships by year", [24] + [16] * (len(years) + 1))
    s.row([S("乡镇×年度 已拨付 Townships by year, disbursed (¥)")], "title")
    s.row([S("合并 JOINT: 一笔金额给多个乡镇、未拆分 — one amount to several townships together. 承诺与累计数不计入 — pledges and cumulative claims are excluded.")])
    s.row([])
    s.row([S("乡镇 Township")] + [S(year_label(y)) for y in years] + [S("合计 Total")], "header")
    ny = len(years)
    first = s.r
    sums = [0] * (ny + 1)
    for name in order:
        vals = [by[name].get(y, 0) for y in years]
        for i, v in enumerate(vals):
            sums[i] += v
        sums[ny] += sum(vals)
        r = s.r
        s.row([S(township_label(name))] + [M(v) for v in vals] + [F(f"=SUM({ref(r, 1)}:{ref(r, ny)})", sum(vals)) if ny else M(0)])
    last = s.r - 1
    s.row([S("合计 Total")] + [F(f"=SUM({ref(first, c)}:{ref(last, c)})", sums[c - 1]) if last >= first else M(0)
                             for c in range(1, ny + 2)], "total")


PUBLISHED = "COALESCE(ar.published_text, '')"
FIRST_ARTICLE = ("(SELECT {} FROM mentions m JOIN articles ar ON ar.id = m.article_id WHERE m.event_id = e.id "
                 "ORDER BY ar.published_first IS NULL, ar.published_first, m.id LIMIT 1)")


def ledger_sheet(book, db):
    s = Sheet(book, "台账 Ledger", [7, 7, 11, 10, 24, 20, 12, 12, 11, 15, 15, 15, 9, 6, 18, 8, 30, 11, 27])
    headers = ["事件 Event", "年份 Year", "日期 Date", "精度 Precision", "捐赠方 Donor", "受赠方 Recipient", "乡镇 Township",
               "类别 Kind", "状态 Status", "已拨付 Disbursed", "承诺 Pledged", "累计数 Cumulative claim", "数量 Quantity", "单位 Unit",
               "物品 Item", "约数 Approx", "来源标题 Source headline", "来源日期 Source date", "来源 Sources"]
    header = s.row([S(h) for h in headers], "header")
    q = (f"SELECT {TOTAL_COLUMNS}, e.date_precision, a.recipient, e.item, e.approximate, "
         "(SELECT group_concat(article_id, ';') FROM (SELECT DISTINCT article_id FROM mentions m WHERE m.event_id = e.id ORDER BY article_id)), "
         f"{FIRST_ARTICLE.format('ar.title')}, {FIRST_ARTICLE.format(PUBLISHED)} "
         "FROM allocations a JOIN events e ON e.id = a.event_id LEFT JOIN organisations o ON o.id = e.donor_id "
         f"WHERE {LINE_FILTER} {ORDER}")
    disbursed = pledged = claims = 0
    ws, f = s.ws, book.f
    wrap, money, plain, date_f, integer = f["wrap"], f["money"], f["plain"], f["date"], f["int"]
    r = s.r
    for (eid, kind, status, aggregate, date, first, last, donor, category, township, covers, fen, qty, unit,
         precision, recipient, item, approximate, sources, title, source_date) in db.execute(q, NO_FILTER):
        # Written cell by cell, as a user's script for speed would (the Sheet.row helper costs 20 %).
        year = year_of(date)
        ws.write_number(r, 0, eid, plain)
        if year:
            ws.write_number(r, 1, year, plain)
        if precision == "day" and len(date) == 10:
            ws.write_datetime(r, 2, datetime.datetime(int(date[:4]), int(date[5:7]), int(date[8:10])), date_f)
        else:
            ws.write_string(r, 2, date, wrap)
        ws.write_string(r, 3, precision_label(precision), wrap)
        ws.write_string(r, 4, donor, wrap)
        ws.write_string(r, 5, recipient, wrap)
        ws.write_string(r, 6, township_label(township), wrap)
        ws.write_string(r, 7, kind_label(kind), wrap)
        ws.write_string(r, 8, status_label(status), wrap)
        if fen is not None:
            if aggregate:
                ws.write_number(r, 11, fen / 100, money)
                claims += fen
            elif status == "pledged":
                ws.write_number(r, 10, fen / 100, money)
                pledged += fen
            else:
                ws.write_number(r, 9, fen / 100, money)
                disbursed += fen
        if qty is not None:
            ws.write_number(r, 12, qty, integer)
        ws.write_string(r, 13, unit, wrap)
        ws.write_string(r, 14, item, wrap)
        ws.write_number(r, 15, 1 if approximate else 0, integer)
        ws.write_string(r, 16, title or "", wrap)
        ws.write_string(r, 17, source_date or "", wrap)
        ws.write_string(r, 18, "; ".join(x for x in (sources or "").split(";") if x), wrap)
        r += 1
    s.r = r
    last = s.r - 1
    rng = lambda c: f"{ref(header + 1, c)}:{ref(last, c)}" if last > header else ref(header + 1, c)
    cells = [S("合计 Total (SUBTOTAL: 筛选后 filtered rows)")] + [None] * (len(headers) - 1)
    for c, v in ((9, disbursed), (10, pledged), (11, claims)):
        cells[c] = F(f"=SUBTOTAL(109,{rng(c)})", v)
    s.row(cells, "total")
    s.freeze_and_filter(header, last, len(headers) - 1)


def timeline_sheet(book, db):
    s = Sheet(book, "时间线 Timeline", [11, 10, 6, 17, 10, 10, 14, 9, 51, 18, 24, 11, 78])
    header = s.row([S(h) for h in ("日期 Date", "精度 Precision", "事件 Event", "捐赠方 Donor", "状态 Status", "类别 Kind", "金额 Amount",
                                   "数量 Quantity", "证据 Evidence", "文章 Article", "标题 Title", "文章日期 Article date",
                                   "其他报道与合并理由 Other reports and why merged")], "header")
    q = ("WITH firsts AS (SELECT m.event_id, m.id AS mid FROM mentions m JOIN articles ar ON ar.id = m.article_id "
         "  WHERE m.id = (SELECT m2.id FROM mentions m2 JOIN articles a2 ON a2.id = m2.article_id WHERE m2.event_id = m.event_id "
         "                ORDER BY a2.published_first IS NULL, a2.published_first, m2.id LIMIT 1)) "
         "SELECT e.id, e.date_text, e.date_precision, COALESCE(o.name, ''), e.status, e.kind, e.total_fen, e.total_quantity, e.unit, "
         "  fm.sentence_original, fm.article_id, ar.title, COALESCE(ar.published_text, ''), fm.line, fm.id "
         "FROM events e LEFT JOIN organisations o ON o.id = e.donor_id JOIN firsts ON firsts.event_id = e.id "
         "JOIN mentions fm ON fm.id = firsts.mid JOIN articles ar ON ar.id = fm.article_id "
         f"WHERE {EVENT_FILTER} ORDER BY e.date_first IS NULL, e.date_first, e.id")
    others_q = "SELECT article_id, line, merge_reason FROM mentions WHERE event_id = ? AND id != ? ORDER BY id"
    others_db = db.cursor()
    ws, f = s.ws, book.f
    wrap, money, plain = f["wrap"], f["money"], f["plain"]
    r = s.r
    for (eid, date, precision, donor, status, kind, total_fen, total_qty, unit, sentence, article, title, article_date, line, mid) in \
            db.execute(q, NO_FILTER):
        others = "\n".join(f"{a} (第 {ln} 行 line {ln}): {merge_reason_label(why)}" for a, ln, why in others_db.execute(others_q, (eid, mid)))
        ws.write_string(r, 0, date, wrap)
        ws.write_string(r, 1, precision_label(precision), wrap)
        ws.write_number(r, 2, eid, plain)
        ws.write_string(r, 3, donor, wrap)
        ws.write_string(r, 4, status_label(status), wrap)
        ws.write_string(r, 5, kind_label(kind), wrap)
        if total_fen is not None:
            ws.write_number(r, 6, total_fen / 100, money)
        if total_qty is not None:
            ws.write_string(r, 7, f"{total_qty}{unit}", wrap)
        ws.write_string(r, 8, sentence, wrap)
        ws.write_string(r, 9, f"{article} (第 {line} 行 line {line})", wrap)
        ws.write_string(r, 10, title, wrap)
        ws.write_string(r, 11, article_date, wrap)
        ws.write_string(r, 12, others, wrap)
        r += 1
    s.r = r
    s.freeze_and_filter(header, s.r - 1, 12)


def pledges_sheet(book, db):
    s = Sheet(book, "承诺与拨付 Pledges", [10, 12, 26, 20, 16, 10, 12, 16, 16])
    s.row([S("承诺与拨付 Pledges and the tranches paid against them")], "title")
    s.row([])
    header = s.row([S(h) for h in ("承诺 Pledge", "日期 Date", "捐赠方 Donor", "乡镇 Townships", "承诺金额 Pledged", "拨付 Tranche",
                                   "拨付日期 Paid on", "拨付金额 Paid", "剩余 Remaining")], "header")
    ps = db.execute("SELECT e.id, e.date_text, COALESCE(o.name, ''), COALESCE(e.total_fen, 0) FROM events e LEFT JOIN organisations o "
                    f"ON o.id = e.donor_id WHERE e.status = 'pledged' AND e.aggregate = 0 AND {EVENT_FILTER} ORDER BY e.date_first, e.id",
                    NO_FILTER).fetchall()
    if not ps:
        s.row([S("无承诺 No pledges")])
    places_q = ("SELECT CASE township WHEN 'JOINT' THEN covers WHEN '' THEN recipient ELSE township END "
                "FROM allocations WHERE event_id = ? ORDER BY id")
    tranches_q = "SELECT id, date_text, COALESCE(total_fen, 0) FROM events WHERE pledge_id = ? ORDER BY date_first, id"
    for eid, date, donor, fen in ps:
        places = "、".join(p or "" for (p,) in db.execute(places_q, (eid,)))
        tranches = db.execute(tranches_q, (eid,)).fetchall()
        paid = sum(t[2] for t in tranches)
        first = s.r
        n = max(1, len(tranches))
        for i in range(n):
            cells = [I(eid), S(date), S(donor), S(places), M(fen)] if i == 0 else [None] * 5
            if tranches:
                tid, tdate, tfen = tranches[i]
                cells += [I(tid), S(tdate), M(tfen)]
            else:
                cells += [S("—"), None, M(0)]
            if i == 0:
                cells.append(F(f"={ref(first, 4)}-SUM({ref(first, 7)}:{ref(first + n - 1, 7)})", fen - paid))
            s.row(cells)
    s.freeze_and_filter(header, s.r - 1, 8)


def review_sheet(book, db):
    """The audit checks of src/report/checks.cpp, in their order, each finding cited at its event's earliest report."""
    s = Sheet(book, "待核查 Review", [22, 12, 8, 11, 22, 14, 15, 15, 15, 60, 56, 22])
    s.row([S("待核查 Review — 需要人工核对的事项 what needs a person (= aidledger check)")], "title")
    s.row([])
    header = s.row([S(h) for h in ("检查 Check", "级别 Level", "事件 Event", "日期 Date", "捐赠方 Donor", "乡镇 Township", "金额 Amount",
                                   "覆盖事件合计 Covered", "差额 Gap", "说明 Detail", "证据 Evidence", "来源 Source")], "header")
    cur = db.cursor()
    brief_q = "SELECT e.id, e.date_text, e.date_precision, e.kind, COALESCE(o.name, ''), e.total_fen FROM events e LEFT JOIN organisations o ON o.id = e.donor_id WHERE e.id = ?"
    towns_q = "SELECT township FROM allocations WHERE event_id = ? AND excluded = 0 ORDER BY id"
    where_q = ("SELECT p.path, m.line, m.sentence_original, m.article_id FROM mentions m JOIN articles ar ON ar.id = m.article_id "
               "JOIN pages p ON p.id = ar.page_id WHERE m.event_id = ? ORDER BY ar.published_first IS NULL, ar.published_first, m.id LIMIT 1")

    def about(check, level, eid, message, zh):
        f = {"check": check, "level": level, "event": eid, "message": message, "zh": zh, "evidence": [], "date": "", "donor": "",
             "towns": "", "amount": None, "covered": None, "gap": None, "source": ""}
        b = cur.execute(brief_q, (eid,)).fetchone()
        if b:
            towns = []
            for (t,) in cur.execute(towns_q, (eid,)).fetchall():
                if township_label(t) not in towns:
                    towns.append(township_label(t))
            w = cur.execute(where_q, (eid,)).fetchone()
            if w and w[0]:
                f["source"] = f"{w[3]} (第 {w[1]} 行 line {w[1]})"
            if w and w[2]:
                f["evidence"].append(w[2])
            f.update(date=b[1], donor=b[4], towns="、".join(towns), amount=b[5])
        return f

    labels = {"reports-disagree": "报道不一致 Reports disagree", "tranche-exceeds-pledge": "拨付超出承诺 Tranches exceed the pledge",
              "correction-unmatched": "更正未生效 Correction not applied", "cumulative-claim": "累计数 Cumulative claim",
              "unresolved-place": "乡镇未确定 Township unresolved", "unresolved-donor": "捐赠方未确定 Donor unresolved or implied",
              "count-unstated": "人数未知 Per-unit amount, count not stated", "approximate-amount": "约数 Approximate amount",
              "date-from-report": "日期仅来自报道 Date known only from the report", "correction-applied": "已更正 Correction applied"}
    ws, fm = s.ws, book.f
    wrap, money, plain = fm["wrap"], fm["money"], fm["plain"]

    def emit(f):
        r = s.r
        ws.write_string(r, 0, labels[f["check"]], wrap)
        ws.write_string(r, 1, LEVEL[f["level"]], wrap)
        if f["event"]:
            ws.write_number(r, 2, f["event"], plain)
        ws.write_string(r, 3, f["date"], wrap)
        ws.write_string(r, 4, f["donor"], wrap)
        ws.write_string(r, 5, f["towns"], wrap)
        for c, k in ((6, "amount"), (7, "covered"), (8, "gap")):
            if f[k] is not None:
                ws.write_number(r, c, f[k] / 100, money)
        ws.write_string(r, 9, f["zh"] + "\n" + f["message"], wrap)
        ws.write_string(r, 10, "\n".join(f["evidence"]), wrap)
        ws.write_string(r, 11, f["source"], wrap)
        s.r += 1

    ids = lambda sql: [i for (i,) in db.execute(sql, NO_FILTER).fetchall()]
    # reports-disagree
    for eid in ids(f"SELECT e.id {EVENTS_FROM} WHERE {EVENT_FILTER} AND (e.id IN (SELECT event_id FROM (SELECT m.event_id, "
                   "(SELECT COALESCE(SUM(amount_fen), -1) || '/' || COALESCE(SUM(quantity), -1) FROM mention_allocations x WHERE x.mention_id = m.id) AS t "
                   "FROM mentions m) GROUP BY event_id HAVING COUNT(DISTINCT t) > 1) OR e.id IN (SELECT event_id FROM mentions "
                   "WHERE date_precision NOT IN ('reported', 'unknown') GROUP BY event_id HAVING COUNT(DISTINCT date_text) > 1)) ORDER BY e.id"):
        n = db.execute("SELECT COUNT(*) FROM mentions WHERE event_id = ?", (eid,)).fetchone()[0]
        f = about("reports-disagree", "error", eid, f"event {eid}: its {n} reports disagree", f"事件 {eid} 的 {n} 篇报道所说金额或日期不一致")
        emit(f)  # (aidledger lists each report's reading as evidence; the peer keeps the first sentence)
    # tranche-exceeds-pledge
    for pid, pledged, paid, n in db.execute(
            "SELECT p.id, COALESCE(p.total_fen, 0), SUM(COALESCE(t.total_fen, 0)), COUNT(*) FROM events p JOIN events t "
            f"ON t.pledge_id = p.id AND t.excluded = 0 WHERE p.excluded = 0 AND p.id IN (SELECT e.id {EVENTS_FROM} WHERE {EVENT_FILTER}) GROUP BY p.id "
            "HAVING SUM(COALESCE(t.total_fen, 0)) > COALESCE(p.total_fen, 0) ORDER BY p.id", NO_FILTER).fetchall():
        f = about("tranche-exceeds-pledge", "error", pid,
                  f"pledge {pid} of {yuan_text(pledged)} has {n} tranches paying {yuan_text(paid)}, {yuan_text(paid - pledged)} more than pledged",
                  f"承诺 {pid}（{yuan_text(pledged)}）已有 {n} 笔拨付，共 {yuan_text(paid)}，比承诺多 {yuan_text(paid - pledged)}")
        f.update(amount=pledged, covered=paid, gap=pledged - paid)
        emit(f)
    corrections_q = ("SELECT c.file, c.line, c.action, c.target, c.fields, c.reason, c.status, c.message, c.event_id, "
                     "COALESCE(e.date_text, ''), COALESCE(o.name, '') FROM corrections c LEFT JOIN events e ON e.id = c.event_id "
                     "LEFT JOIN organisations o ON o.id = e.donor_id {} ORDER BY c.file, c.line")
    for (file, line, action, target, fields, reason, status, message, eid, date, donor) in \
            db.execute(corrections_q.format("WHERE c.status != 'applied'")).fetchall():
        emit({"check": "correction-unmatched", "level": "error", "event": eid or 0, "message": f"{action} {target}: {message}",
              "zh": f"更正未生效：{action} {target}：{message}", "evidence": [], "date": date, "donor": donor, "towns": "",
              "amount": None, "covered": None, "gap": None, "source": f"{file}:{line}"})
    # cumulative-claim: one pass over the paid lines in date order, as Reader::claims_coverage
    claims = ids(f"SELECT e.id {EVENTS_FROM} WHERE e.aggregate = 1 AND {EVENT_FILTER} ORDER BY e.date_first, e.id")
    cs = []
    for eid in claims:
        row = db.execute("SELECT COALESCE(e.total_fen, 0), e.kind, "
                         "CASE WHEN e.date_basis LIKE '%以来%' OR e.date_basis LIKE '%至今%' THEN COALESCE(e.date_first, '0000') ELSE '0000' END, "
                         "COALESCE(e.date_last, '9999'), CASE WHEN o.category = 'enterprise' THEN e.donor_id END "
                         "FROM events e LEFT JOIN organisations o ON o.id = e.donor_id WHERE e.id = ?", (eid,)).fetchone()
        towns = set()
        for t, cov in db.execute("SELECT township, covers FROM allocations WHERE event_id = ?", (eid,)):
            towns.update(x for x in (cov or "").split("、") if x) if t == "JOINT" else towns.add(t)
        cs.append({"fen": row[0], "kind": row[1], "first": row[2], "last": row[3], "donor": row[4], "towns": towns, "last_event": 0,
                   "covered": 0, "events": 0, "firsts": []})
    if cs:
        for eid, kind, first, last, donor, township, covers, fen in db.execute(
                "SELECT e.id, e.kind, e.date_first, e.date_last, e.donor_id, a.township, a.covers, COALESCE(a.amount_fen, 0) "
                "FROM events e JOIN allocations a ON a.event_id = e.id WHERE e.status = 'disbursed' AND e.aggregate = 0 "
                "AND e.excluded = 0 AND a.excluded = 0 AND e.date_first IS NOT NULL ORDER BY e.date_first, e.id"):
            cov = [x for x in (covers or "").split("、") if x] if township == "JOINT" else []
            for c in cs:
                if c["kind"] != kind or first < c["first"] or last > c["last"] or (c["donor"] is not None and c["donor"] != donor):
                    continue
                if not (township == "" or township in c["towns"] or any(x in c["towns"] for x in cov)):
                    continue
                c["covered"] += fen
                if c["last_event"] != eid:
                    c["events"] += 1
                    if len(c["firsts"]) < 20:
                        c["firsts"].append(eid)
                    c["last_event"] = eid
    for eid, c in zip(claims, cs):
        gap = c["fen"] - c["covered"]
        n = c["events"]
        what = ("no event it may cover is in the ledger" if n == 0 else f"the 1 event it may cover comes to {yuan_text(c['covered'])}"
                if n == 1 else f"the {n} events it may cover sum to {yuan_text(c['covered'])}")
        what_zh = "台账中没有它可能涵盖的事件" if n == 0 else f"它可能涵盖的 {n} 个事件合计 {yuan_text(c['covered'])}"
        f = about("cumulative-claim", "warning", eid, f"event {eid} claims {yuan_text(c['fen'])}; {what}: gap {yuan_text(gap)}",
                  f"事件 {eid} 称累计 {yuan_text(c['fen'])}；{what_zh}：差额 {yuan_text(gap)}。不计入任何合计")
        f["towns"] = "、".join(township_label(t) for t in sorted(c["towns"]))
        if c["firsts"]:
            f["evidence"].append("可能涵盖的事件 events it may cover: " + ", ".join(f"#{e}" for e in c["firsts"])
                                 + (", …" if n > len(c["firsts"]) else ""))
        f.update(amount=c["fen"], covered=c["covered"], gap=gap)
        emit(f)
    # unresolved-place
    for eid, recipient, fen in db.execute(
            "SELECT e.id, a.recipient, a.amount_fen FROM allocations a JOIN events e ON e.id = a.event_id "
            f"LEFT JOIN organisations o ON o.id = e.donor_id WHERE a.township = '' AND {LINE_FILTER} ORDER BY e.id, a.id", NO_FILTER).fetchall():
        who = recipient or "?"
        f = about("unresolved-place", "warning", eid, f"event {eid}: recipient '{who}' is not placed in a township",
                  f"事件 {eid}：受赠方“{who}”未能确定所属乡镇（地名表中没有）")
        f.update(towns=township_label(""), amount=fen)
        emit(f)
    # unresolved-donor
    for eid in ids(f"SELECT e.id {EVENTS_FROM} WHERE e.origin = 'articles' AND (e.donor_id IS NULL OR NOT EXISTS "
                   "(SELECT 1 FROM mentions m WHERE m.event_id = e.id AND m.donor_basis IN ('subject', 'earlier clause'))) "
                   f"AND {EVENT_FILTER} ORDER BY e.id"):
        f = about("unresolved-donor", "warning", eid, "", "")
        if f["donor"]:
            f.update(message=f"event {eid}: giver not named in the sentence; taken as the article's actor, {f['donor']}",
                     zh=f"事件 {eid}：句中未写明捐赠方，按文章的主体记为{f['donor']}")
        else:
            f.update(message=f"event {eid}: no giver named", zh=f"事件 {eid}：未写明捐赠方")
        emit(f)
    # count-unstated
    for eid in ids(f"SELECT e.id {EVENTS_FROM} WHERE e.id IN (SELECT event_id FROM mentions WHERE notes LIKE '%not stated%') "
                   f"AND {EVENT_FILTER} ORDER BY e.id"):
        emit(about("count-unstated", "warning", eid,
                   f"event {eid}: the amount is per person or household and their number is not stated; the total is not known",
                   f"事件 {eid}：金额按人或按户计，人数（户数）未写明，总额未知"))
    # approximate-amount
    for eid, township, fen in db.execute(
            "SELECT e.id, a.township, a.amount_fen FROM allocations a JOIN events e ON e.id = a.event_id "
            f"LEFT JOIN organisations o ON o.id = e.donor_id WHERE e.approximate = 1 AND e.aggregate = 0 AND {LINE_FILTER} "
            "ORDER BY e.id, a.id", NO_FILTER).fetchall():
        f = about("approximate-amount", "info", eid,
                  f"event {eid}: the article gives the amount as approximate (约/多/余/近 …) or as a range; the lower end is recorded",
                  f"事件 {eid}：文章所给金额为约数（约、多、余、近……）或区间，记录其下限")
        f.update(towns=township_label(township), amount=fen)
        emit(f)
    # date-from-report
    for eid in ids(f"SELECT e.id {EVENTS_FROM} WHERE e.aggregate = 0 AND e.date_precision = 'reported' AND {EVENT_FILTER} ORDER BY e.id"):
        f = about("date-from-report", "info", eid, "", "")
        f.update(message=f"event {eid}: no article states its date; {f['date']} is the date of the earliest report",
                 zh=f"事件 {eid}：文章未写明日期；{f['date']} 是最早报道的日期")
        emit(f)
    # correction-applied
    for (file, line, action, target, fields, reason, status, message, eid, date, donor) in db.execute(corrections_q.format("")).fetchall():
        if status == "applied":
            emit({"check": "correction-applied", "level": "info", "event": eid or 0,
                  "message": f"applied: {action} {target}{' ' + fields if fields else ''} (reason: {reason}){'; ' + message if message else ''}",
                  "zh": f"已更正：{action} {target}{' ' + fields if fields else ''}（理由：{reason}）{'；' + message if message else ''}",
                  "evidence": [], "date": date, "donor": donor, "towns": "", "amount": None, "covered": None, "gap": None,
                  "source": f"{file}:{line}"})
    s.freeze_and_filter(header, s.r - 1, 11)


def definitions_sheet(book, db):
    s = Sheet(book, "说明 Definitions", [24, 56, 58])
    s.row([S("说明 Definitions")], "title")
    s.row([])
    s.row([S("项 Term"), S("含义"), S("Meaning")], "header")
    # (aidledger's fourteen definitions and ten checks with their text; the peer writes the terms and names only)
    for term in ("事件 Event", "台账行 Ledger line", "日期 Date / 精度 Precision", "年份 Year", "类别 Kind", "状态 Status", "乡镇 Township",
                 "约数 Approximate", "累计 Aggregate", "已拨付合计 Disbursed total", "金额 Amount", "来源 Sources", "待核查 Review", "更正 Corrections"):
        s.row([S(term), S(""), S("")])
    s.row([])
    s.row([S("审核检查 Audit checks (aidledger check --check NAME)")], "section")
    s.row([S("检查 Check"), S("含义"), S("Meaning")], "header")
    for name in ("reports-disagree", "tranche-exceeds-pledge", "correction-unmatched", "cumulative-claim", "unresolved-place",
                 "unresolved-donor", "count-unstated", "approximate-amount", "date-from-report", "correction-applied"):
        s.row([S(name), S(""), S("")])


def main():
    if len(sys.argv) != 3:
        print("usage: peer_workbook.py LEDGER.db OUT.xlsx", file=sys.stderr)
        return 2
    path, out = sys.argv[1:]
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    t = Totals()
    for r in db.execute(f"SELECT {TOTAL_COLUMNS} FROM allocations a JOIN events e ON e.id = a.event_id "
                        f"LEFT JOIN organisations o ON o.id = e.donor_id WHERE {LINE_FILTER} {ORDER}", NO_FILTER):
        t.add(r)
    book = Book(out)
    summary_sheet(book, db, t, path)
    yearly_sheet(book, t)
    donors_sheet(book, t)
    townships_by_year_sheet(book, t)
    ledger_sheet(book, db)
    timeline_sheet(book, db)
    pledges_sheet(book, db)
    review_sheet(book, db)
    definitions_sheet(book, db)
    book.wb.close()
    print(f"{out}: {t.lines} lines", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
