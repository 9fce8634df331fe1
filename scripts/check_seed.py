#!/usr/bin/env python3
"""Check the seed page's required shapes (issue 2) against a build of the parse example.

usage: scripts/check_seed.py [SEED] [BIN]   (defaults: ../shared/seeds/000_b527e29ea80c0b6c.txt,
       target/release/examples/parse). Prints what holds and exits 1 if anything does not.
"""
import json, subprocess, sys

seed = sys.argv[1] if len(sys.argv) > 1 else "../shared/seeds/000_b527e29ea80c0b6c.txt"
binary = sys.argv[2] if len(sys.argv) > 2 else "target/release/examples/parse"
doc = json.loads(subprocess.run([binary, seed], capture_output=True, check=True).stdout)
raw = open(seed, "rb").read()

checks = []
def check(name, ok):
    checks.append(ok)
    print(("ok   " if ok else "FAIL ") + name)

check("headline", bool(doc["headline"]) and doc["headline"]["text"].startswith("\u2018No limits\u2019"))
paras = [b for b in doc["body"] if b["type"] == "paragraph"]
n = len(paras) + (1 if doc["standfirst"] else 0)
check(f"21 article paragraphs (standfirst + {len(paras)})", n == 21)
kinds = [b["type"] for b in doc["body"] if b["type"] != "paragraph"]
check(f"related links and pull quote in place: {kinds}", kinds == ["related_link", "pull_quote", "related_link", "related_link"])
q = [b for b in doc["body"] if b["type"] == "pull_quote"]
check("pull quote attributed to Antony Blinken", bool(q) and q[0]["attribution"] == "Antony Blinken")
titles = [s["title"] for s in doc["sections"]]
check(f"sections {titles}", titles == ["60-Second Catch-up", "Deep dives"])
cards = doc["sections"][1]["cards"] if len(doc["sections"]) > 1 else []
shape = [(len(c["bullets"]), len(c["summary"]), (c["credit"] or {}).get("kind"), (c["credit"] or {}).get("source")) for c in cards]
want = [(2, 2, "illustration", "Lau Ka-kuen")] + [(2, 2, "photo", "Reuters")] * 4 + [(2, 1, "photo", "AFP")]
check(f"6 cards with bullets, summaries and credits", shape == want)
bp = [b["kind"] for b in doc["boilerplate"]]
check(f"boilerplate {bp}", bp == ["newsletter", "cookie_notice"])
sys.exit(0 if all(checks) else 1)
