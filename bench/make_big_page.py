#!/usr/bin/env python3
"""Writes one big page of plain aid and non-aid text, for the big-page test and bench/big_pages.sh
(issue 8, case 2). The same arguments give the same bytes.

usage: make_big_page.py SHAPE SIZE OUT
  SHAPE  articles  articles of a headline, a dateline and four paragraphs, repeated (a paper's page)
         article   one article: a headline and a dateline, then its paragraphs repeated (one story)
         line      one line: the article's sentences repeated with no line break
         lines     the article's paragraphs set in a narrow column, 12 characters a line (as a
                   print layout breaks them; about 34 bytes a line), repeated
  SIZE   MB: size in 10^6 bytes (whole blocks or lines: the page may end a little past it);
         or, for lines, Nlines: N lines (1000000lines: about 34 MB)
"""
import sys

HEADLINE = "高新区企业赴卢氏县开展结对帮扶活动"
DATELINE = "本报讯 10月24日，高新区党工委副书记带队赴卢氏县徐家湾乡、双龙湾镇开展结对帮扶工作。"
PARAGRAPHS = [
    # aid: a gift in cash, one in kind with a value, goods counted
    "调研结束，郑州高新区分别为徐家湾乡、双龙湾镇捐赠现金50万元。当天辖区企业河南羲和网络有限公司"
    "还向两个乡镇捐赠了一批价值15万元的学习机。",
    "河南小樱桃动漫集团有限公司向徐家湾乡中心小学捐赠公益类图书5000册，郑州亿达科技新城发展有限公司"
    "捐赠音乐教学器材286件。",
    # no aid, full of numbers and dates
    "会议指出，2023年全区地区生产总值增长6.5%，规模以上工业增加值增长8.1%，新增市场主体1.2万户，"
    "全年完成固定资产投资320亿元。",
    "会议强调，要坚持保护发展并重，统筹新型城镇化和乡村振兴，稳步增进民生福祉，推动黄河流域经济发展"
    "由要素驱动向创新驱动转变。",
]
SENTENCES = [s + "。" for p in [DATELINE] + PARAGRAPHS for s in p.split("。") if s]


def blocks(shape: str):
    if shape == "articles":
        block = HEADLINE + "\n\n" + DATELINE + "\n\n" + "\n\n".join(PARAGRAPHS) + "\n\n\n"
        while True:
            yield block
    if shape == "article":
        yield HEADLINE + "\n\n" + DATELINE + "\n\n"
        while True:
            yield "\n\n".join(PARAGRAPHS) + "\n\n"
    if shape == "line":
        while True:
            yield "".join(SENTENCES)
    raise SystemExit(f"make_big_page.py: unknown shape '{shape}'")


def main() -> None:
    if len(sys.argv) != 4:
        raise SystemExit(__doc__)
    shape, size, out = sys.argv[1], sys.argv[2], sys.argv[3]
    lines = int(size[:-len("lines")]) if shape == "lines" and size.endswith("lines") else None
    want, written = (0 if lines is not None else int(float(size) * 1_000_000)), 0
    with open(out, "wb") as f:
        if shape == "lines":
            column = "".join(PARAGRAPHS)
            rows = [(column[at:at + 12] + "\n").encode() for at in range(0, len(column), 12)]
            k = 0
            while (k < lines) if lines is not None else (written < want):
                f.write(rows[k % len(rows)])
                written += len(rows[k % len(rows)])
                k += 1
            return
        for block in blocks(shape):
            data = block.encode()
            f.write(data)
            written += len(data)
            if written >= want:
                break
        if shape == "line":
            f.write(b"\n")


if __name__ == "__main__":
    main()
