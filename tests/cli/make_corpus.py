#!/usr/bin/env python3
"""Writes a corpus of distinct pages for the concurrency and kill tests: COPIES copies of every
UTF-8 page of sample_data/ and tests/pages/, each with a line of its own at the end (so every
copy is a page of its own bytes, and reports the same events as its original).

usage: make_corpus.py SOURCE_DIR OUT_DIR COPIES
"""
import glob
import os
import sys


def main() -> None:
    src, out, copies = sys.argv[1], sys.argv[2], int(sys.argv[3])
    os.makedirs(out, exist_ok=True)
    pages = sorted(glob.glob(f"{src}/sample_data/*.txt") + glob.glob(f"{src}/tests/pages/*.txt"))
    n = 0
    for path in pages:
        data = open(path, "rb").read()
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            continue  # a line appended in UTF-8 would spoil a page in another encoding
        stem = os.path.splitext(os.path.basename(path))[0]
        for k in range(copies):
            with open(f"{out}/{stem}_{k:03}.txt", "wb") as f:
                f.write(data + f"\n\n(copy {k})\n".encode())
            n += 1
    print(n)


if __name__ == "__main__":
    main()
