#!/usr/bin/env python3
"""Writes a large synthetic rule set shaped like the shipped one, for scale measurements.

    scripts/generate-rules.py OUT JURISDICTIONS ENTRIES_PER_JURISDICTION [--change K]

A treaty layer (un) with schedules and an unlisted baseline; nations (one in ten) under it with
schedules of their own; states under the nations that adopt their schedules and declare the same
ids; every layer a timeline of listings, own entries and class-wide entries over 40 substances
(some isomers of others). --change K alters K entries (titles and a verdict) spread over the set,
to make the second side of a diff.
"""
import os, sys

out, njur, nent = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
change = int(sys.argv[sys.argv.index("--change") + 1]) if "--change" in sys.argv else 0
os.makedirs(out + "/substances", exist_ok=True)
os.makedirs(out + "/jurisdictions", exist_ok=True)
NS = 40
subs = [f"s{i}" for i in range(NS)]
for i, s in enumerate(subs):
    extra = f"isomer_of: s{i - 1}\n" if i % 5 == 4 else ""
    with open(f"{out}/substances/{s}.yaml", "w") as f:
        f.write(f"id: {s}\nname: Substance {i}\nkind: compound\naliases: [S{i} alias, Sub {i}]\n{extra}"
                f"description: Synthetic substance {i}.\n")

SCHED = ["sch-i", "sch-ii", "sch-iii"]
def schedules_block(j):
    t = "schedules:\n"
    for k, sid in enumerate(SCHED):
        t += (f"  {sid}:\n    label: Schedule {k + 1} of {j}\n    instrument: Act {j} section {k + 1}\n"
              f"    sources: [https://example.org/{j}/schedule/{k}]\n    confidence: high\n"
              f"    verdicts:\n      default: prohibited\n      research:\n        verdict: conditional\n"
              f"        conditions: [a licence, an approved protocol]\n")
    return t

changed = set()
if change:
    step = max(1, (njur * nent) // change)
    changed = {k * step + 7 for k in range(change)}

def timeline(j, jindex, kinds):
    t = "timeline:\n"
    for e in range(nent):
        g = jindex * nent + e
        day = 1 + e % 28
        month = 1 + (e // 28) % 12
        year = 1950 + e // (28 * 12)
        date = f"{year:04d}-{month:02d}-{day:02d}"
        s = subs[(e * 7 + jindex) % NS]
        title = f"Entry {e} of {j}" + (" (amended)" if g in changed else "")
        mode = e % 10
        if mode < 5:
            t += (f"  - date: {date}\n    kind: scheduled\n    substances: [{s}]\n    schedule: {SCHED[e % 3]}\n"
                  f"    title: {title}\n    instrument: Act {e}/{j}\n    sources: [https://example.org/{j}/{e}]\n"
                  f"    confidence: high\n")
        elif mode < 9:
            v = "allowed" if g in changed else ["prohibited", "decriminalized", "conditional"][e % 3]
            cond = "\n          conditions: [a prescription]" if v == "conditional" else ""
            t += (f"  - date: {date}\n    announced: {date}\n    kind: law-enacted\n    substances: [{s}]\n"
                  f"    title: {title}\n    instrument: Law {e}/{j}\n    sources: [https://example.org/{j}/{e}, https://example.org/b/{e}]\n"
                  f"    confidence: {'high' if e % 4 else 'medium'}\n    status: Status {e % 5}\n    verdicts:\n"
                  f"      default: prohibited\n      medical:\n          verdict: {v}{cond}\n")
        else:
            t += (f"  - date: {date}\n    kind: decriminalized\n    schedules: [{SCHED[e % 3]}]\n"
                  f"    title: {title}\n    instrument: Reform {e}/{j}\n    sources: [https://example.org/{j}/{e}]\n"
                  f"    confidence: high\n    verdicts:\n      possession: decriminalized\n")
    return t

def initial_block(j):
    t = "initial:\n"
    for s in subs[:5]:
        t += (f"  {s}:\n    status: Not controlled\n    instrument: none in {j}\n    sources: [https://example.org/{j}/init]\n"
              f"    confidence: medium\n    verdicts:\n      default: allowed\n")
    return t

with open(f"{out}/jurisdictions/un.yaml", "w") as f:
    f.write("id: un\nname: United Nations\nkind: international\naliases: [UN]\n" + schedules_block("un") +
            "unlisted:\n  status: Not under international control\n  instrument: the conventions\n"
            "  sources: [https://example.org/un]\n  confidence: high\n  verdicts: {default: allowed}\n" +
            timeline("un", 0, None))
nations = []
for i in range(1, njur):
    if i % 10 == 1:
        j = f"n{i}"
        nations.append(j)
        text = f"id: {j}\nname: Nation {i}\nkind: national\nparent: un\naliases: [N{i}, Land {i}]\n"
        text += schedules_block(j) + initial_block(j) + timeline(j, i, None)
    else:
        nat = nations[-1]
        j = f"{nat}-s{i}"
        text = f"id: {j}\nname: State {i}\nkind: state\nparent: {nat}\naliases: [ST{i}, Province {i}]\n"
        text += schedules_block(j)
        text += (f"adopts:\n  - layer: {nat}\n    from: 1960-01-01\n    instrument: Adoption act of {j}\n"
                 f"    sources: [https://example.org/{j}/adopt]\n    confidence: medium\n")
        text += timeline(j, i, None)
    with open(f"{out}/jurisdictions/{j}.yaml", "w") as f:
        f.write(text)
