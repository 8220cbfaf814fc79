#!/usr/bin/env python3
"""Checks a ledger database as SQLite sees it: PRAGMA integrity_check is ok and
PRAGMA foreign_key_check finds nothing. Prints "ok PAGES EVENTS MENTIONS" or the problems.
Exit 0 when sound, 1 when not.

usage: check_ledger.py DATABASE
"""
import sqlite3
import sys


def main() -> int:
    db = sqlite3.connect(sys.argv[1])
    integrity = [r[0] for r in db.execute("PRAGMA integrity_check")]
    foreign = db.execute("PRAGMA foreign_key_check").fetchall()
    if integrity != ["ok"] or foreign:
        print(f"integrity_check: {integrity[:5]}; foreign_key_check: {foreign[:5]}")
        return 1
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    counts = [db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] if t in tables else 0
              for t in ("pages", "events", "mentions")]
    print("ok", *counts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
