#!/usr/bin/env python3
"""Time `rehab clinic`, the overview of every profile, at clinic size (issue 30). Python 3
standard library only.

Writes a data folder of 200 profiles with a year of journal each (or --profiles N, --weeks W),
then times the release binary's `rehab clinic` against the floor, `cat` of every file the
overview reads (each profile's profile.ron and journal.ron), in pairs, and prints the medians:

- warm: the second and later runs, through the caches the first run left beside each journal;
- cold: every run after deleting those caches (journal.cache, progress.cache), so each journal
  is parsed and each program worked out from its first week. The page cache stays warm: this is
  the app's cold start, not the disk's.

    cargo build --release
    python3 scripts/bench-clinic.py                     # --runs 11, --profiles 200, --weeks 52
    python3 scripts/bench-clinic.py --make-data DIR     # only write the data folder

Targets (issue 30): warm at most 10 times the floor; cold under 1 s.

Profiles are made with the real CLI (`rehab profile new`, then `rehab screen --no ...` on the
start day, as a person does). Journals are written directly in format 1, as `rehab` appends
them: most days the condition's exercises ticked (some people keener than others, a few
stopping for weeks), pain during and the next morning, skips, notes, the red-flag questions
answered again most Mondays, and now and then a flare with swelling, so the overview shows
every kind of row.
"""

import argparse
import datetime as dt
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

TODAY = dt.date(2026, 11, 23)  # a Monday
CONDITIONS = ["pfps", "itbs", "patellar-tendinopathy", "meniscus", "knee-oa"]
RUN_DAYS = ["tue,thu,sat", "mon,wed,fri", "wed,sun", "none", "tue,fri"]
CACHES = ("journal.cache", "progress.cache")


def run(binary, root, args, today=TODAY):
    env = {**os.environ, "REHAB_DATA_DIR": root, "REHAB_LIBRARY": os.path.join(root, "lib"),
           "REHAB_TODAY": str(today), "NO_COLOR": "1"}
    env.pop("REHAB_PROFILE", None)
    return subprocess.run([binary, *args], check=True, capture_output=True, text=True,
                          env=env).stdout


def journal_lines(rng, start, days, ids, flags, profile_no):
    """A year of one person's records, as `rehab` writes them."""
    keen = rng.uniform(0.45, 0.95)  # share of items ticked on a day
    base_pain = rng.randint(0, 2)
    # Some stop logging a while (idle rows), some stop for good near the end.
    stops_at = days - rng.randint(8, 30) if profile_no % 9 == 0 else days
    gap = rng.randint(60, 300) if profile_no % 4 == 0 else None
    flare = rng.randint(30, days - 1) if profile_no % 6 == 0 else None
    lines = []
    answers = ",".join(f'"{f}":false' for f in sorted(flags))
    for n in range(min(days, stops_at)):
        day = start + dt.timedelta(days=n)
        if gap is not None and gap <= n < gap + 14:
            continue
        d = f'"{day}"'
        if day.weekday() == 0 and rng.random() < 0.8:
            lines.append(f"Screened(date:{d},answers:{{{answers}}})")
        # About a dozen of the condition's exercises a day, the plan's among them.
        todays = [i for k, i in enumerate(ids) if (n + k) % 2 == 0]
        for item in todays:
            if rng.random() < keen:
                sets = f",sets:Some({rng.randint(1, 3)})" if rng.random() < 0.1 else ""
                lines.append(f'Done(date:{d},item:"{item}"{sets})')
            elif rng.random() < 0.1:
                reason = rng.choice(["Pain", "Time", "Equipment", "Other"])
                lines.append(f'Skipped(date:{d},item:"{item}",reason:{reason})')
        pain = max(0, min(10, base_pain + rng.randint(-1, 1) - n // 120))
        if flare is not None and flare <= n < flare + 4:
            pain = 6
        swelling = ",swelling:Some(true)" if flare == n else ""
        lines.append(f"Pain(date:{d},report:(during:Some({pain}){swelling}))")
        if rng.random() < 0.85:
            morning = max(0, pain - rng.randint(0, 2))
            lines.append(f"Pain(date:{d},report:(morning:Some({morning})))")
        if rng.random() < 0.15:
            lines.append(f'Note(date:{d},text:"stairs fine today, a little stiff after sitting")')
    return lines


def make_data(binary, root, profiles=200, weeks=52, seed=30):
    rng = random.Random(seed)
    os.makedirs(root, exist_ok=True)
    flags = [l.split()[0] for l in run(binary, root, ["screen", "--list"]).splitlines() if l.strip()]
    ids = {c: [l.split()[0] for l in run(binary, root, ["exercises", "--condition", c]).splitlines()
               if l.strip()]for c in CONDITIONS}
    total = 0
    for p in range(profiles):
        name = f"patient-{p:03}"
        condition = CONDITIONS[p % len(CONDITIONS)]
        days = 7 * weeks - 7 * (p % 3)  # a year, give or take two weeks
        start = TODAY - dt.timedelta(days=days)
        run(binary, root, ["profile", "new", name, "--condition", condition, "--start", str(start),
                           "--days", str(3 + p % 4), "--run-days", RUN_DAYS[p % len(RUN_DAYS)]],
            today=start)
        # A few leave the questions unanswered; the rest answer them on the first day.
        if p % 25 != 7:
            run(binary, root, ["--profile", name, "screen", "--no", ",".join(flags)], today=start)
        path = os.path.join(root, "profiles", name, "journal.ron")
        lines = journal_lines(rng, start, days, ids[condition], flags, p)
        with open(path, "a") as f:
            if f.tell() == 0:
                f.write('(format: "rehab-journal", version: 1)\n')
            f.write("".join(l + "\n" for l in lines))
        total += len(lines)
    size = sum(os.path.getsize(f) for f in data_files(root))
    print(f"{profiles} profiles, {total} journal records, {size / 1e6:.1f} MB", file=sys.stderr)
    # The overview must show the data, not an error: every profile gets a row with a week.
    out = run(binary, root, ["clinic"])
    assert out.startswith(f"{profiles} profiles on {TODAY}"), out[:200]
    clear_caches(root)


def data_files(root):
    base = os.path.join(root, "profiles")
    return [os.path.join(base, p, f) for p in sorted(os.listdir(base))
            for f in ("profile.ron", "journal.ron")
            if os.path.exists(os.path.join(base, p, f))]


def clear_caches(root):
    base = os.path.join(root, "profiles")
    for p in os.listdir(base):
        for c in CACHES:
            try:
                os.remove(os.path.join(base, p, c))
            except FileNotFoundError:
                pass


def timed(argv, env):
    t = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, env=env)
    return time.perf_counter() - t


def measure(binary, root, runs):
    env = {**os.environ, "REHAB_DATA_DIR": root, "REHAB_LIBRARY": os.path.join(root, "lib"),
           "REHAB_TODAY": str(TODAY), "NO_COLOR": "1"}
    env.pop("REHAB_PROFILE", None)
    files = data_files(root)
    floor_cmd = ["cat", *files]
    app = [binary, "clinic"]
    timed(floor_cmd, env)
    timed(app, env)  # leaves the caches
    warm, cold, floor = [], [], []
    for _ in range(runs):
        floor.append(timed(floor_cmd, env))
        warm.append(timed(app, env))
        clear_caches(root)
        cold.append(timed(app, env))
    f = statistics.median(floor)
    for label, xs in (("floor (cat of every file)", floor), ("rehab clinic, warm", warm),
                      ("rehab clinic, cold", cold)):
        m = statistics.median(xs)
        print(f"{label:28} {m * 1000:8.1f} ms  ({min(xs) * 1000:.1f}-{max(xs) * 1000:.1f})"
              f"  {m / f:6.1f}x the floor")
    print(f"targets: warm at most 10x the floor, cold under 1000 ms")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--binary", default="target/release/rehab")
    ap.add_argument("--profiles", type=int, default=200)
    ap.add_argument("--weeks", type=int, default=52)
    ap.add_argument("--runs", type=int, default=11)
    ap.add_argument("--make-data", metavar="DIR", help="only write the data folder to DIR")
    ap.add_argument("--data", metavar="DIR", help="time this data folder (from --make-data)")
    args = ap.parse_args()
    binary = os.path.abspath(args.binary)
    if not os.access(binary, os.X_OK):
        print(f"no binary at {args.binary}; run `cargo build --release` first", file=sys.stderr)
        return 2
    if args.make_data:
        make_data(binary, args.make_data, args.profiles, args.weeks)
        return 0
    if args.data:
        measure(binary, args.data, args.runs)
        return 0
    root = tempfile.mkdtemp(prefix="rehab-clinic-")
    try:
        make_data(binary, root, args.profiles, args.weeks)
        measure(binary, root, args.runs)
    finally:
        shutil.rmtree(root)
    return 0


if __name__ == "__main__":
    sys.exit(main())
