#!/usr/bin/env python3
"""Time `rehab runs import` of 1,000 one-hour runs, and `rehab runs` over a year of them
(issue 33). Python 3 standard library only.

Writes 1,000 GPX files, each a one-hour run with a point every 5 seconds (720 points, with
elevation, time and Garmin's cadence extension: about 150 KB a file, as a watch exports them),
one a day up to TODAY (the program started at most two years back, so the first runs come
before it: kept, not ticked), into a temporary folder; makes a profile with the real CLI (`rehab
profile new`, `rehab screen --no ...`); then times with the release binary:

- the first import of the folder (every run new: each file read, parsed and summed, the run
  items ticked, one write for all);
- the same import again (every run already known: nothing written);
- `rehab runs --weeks 52`: the weekly load, flags and step rate over the last year;
- `rehab today`, to see that a thousand activities cost a start nothing much.

    cargo build --release
    python3 scripts/bench-runs.py                  # --runs 1000, --repeat 5, --binary PATH
    python3 scripts/bench-runs.py --keep DIR       # keep the files and data folder in DIR
"""

import argparse
import datetime as dt
import math
import os
import shutil
import statistics
import subprocess
import tempfile
import time

TODAY = dt.date(2026, 12, 7)  # a Monday


def gpx(start, seconds=3600, step=5, speed=2.9, strides=84):
    """One run's GPX text: a gentle out-and-back with a 40 m hill in the middle."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="bench" '
           'xmlns="http://www.topografix.com/GPX/1/1" '
           'xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">\n'
           '<trk><name>Run</name><type>running</type><trkseg>\n']
    for i in range(seconds // step + 1):
        t = start + dt.timedelta(seconds=i * step)
        metres = i * step * speed
        lat = 51.0 + metres / 111195.08
        ele = 100.0 + 40.0 * math.sin(math.pi * i * step / seconds)
        out.append(f'<trkpt lat="{lat:.7f}" lon="-1.5000000"><ele>{ele:.1f}</ele>'
                   f'<time>{t:%Y-%m-%dT%H:%M:%SZ}</time><extensions><gpxtpx:TrackPointExtension>'
                   f'<gpxtpx:cad>{strides + (i % 3)}</gpxtpx:cad></gpxtpx:TrackPointExtension>'
                   f'</extensions></trkpt>\n')
    out.append('</trkseg></trk></gpx>\n')
    return "".join(out)


def rehab(binary, data, args):
    env = {**os.environ, "REHAB_DATA_DIR": data, "REHAB_TODAY": str(TODAY), "NO_COLOR": "1",
           "TZ": "UTC"}
    env.pop("REHAB_PROFILE", None)
    t0 = time.perf_counter()
    done = subprocess.run([binary, *args], capture_output=True, text=True, env=env)
    took = time.perf_counter() - t0
    if done.returncode != 0:
        raise SystemExit(f"rehab {' '.join(args)} failed: {done.stderr}")
    return took, done.stdout


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--binary", default="target/release/rehab")
    ap.add_argument("--runs", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--keep", help="write into this folder and leave it")
    a = ap.parse_args()
    root = a.keep or tempfile.mkdtemp(prefix="rehab-bench-runs-")
    files, data = os.path.join(root, "watch"), os.path.join(root, "data")
    os.makedirs(files, exist_ok=True)
    first = TODAY - dt.timedelta(days=a.runs - 1)
    size = 0
    for n in range(a.runs):
        day = first + dt.timedelta(days=n)
        text = gpx(dt.datetime(day.year, day.month, day.day, 6, 30))
        path = os.path.join(files, f"{day}.gpx")
        with open(path, "w") as f:
            f.write(text)
        size += len(text)
    # A program may start at most two years back: runs before its start are kept, not ticked.
    earliest = TODAY.replace(year=TODAY.year - 2) + dt.timedelta(days=7)
    start = max(first, earliest)
    start -= dt.timedelta(days=start.weekday())
    rehab(a.binary, data, ["profile", "new", "me", "--condition", "pfps", "--start", str(start),
                           "--run-days", "tue,thu,sat"])
    listed = rehab(a.binary, data, ["screen", "--list"])[1]
    flags = ",".join(line.split()[0] for line in listed.splitlines() if line.strip())
    rehab(a.binary, data, ["screen", "--no", flags])
    print(f"{a.runs} GPX files, {size / 1e6:.0f} MB, {first} to {TODAY}; binary {a.binary}")

    took, out = rehab(a.binary, data, ["runs", "import", "--tz", "UTC", files])
    print(f"first import: {took * 1000:.0f} ms; {out.strip().splitlines()[-1]}")
    again = []
    for _ in range(a.repeat):
        took, out = rehab(a.binary, data, ["runs", "import", "--tz", "UTC", files])
        again.append(took)
    print(f"import again (all known): median {statistics.median(again) * 1000:.0f} ms "
          f"(min {min(again) * 1000:.0f}, max {max(again) * 1000:.0f}); "
          f"{out.strip().splitlines()[-1]}")
    for args in (["runs", "--weeks", "52"], ["today"]):
        times = [rehab(a.binary, data, args)[0] for _ in range(a.repeat)]
        print(f"rehab {' '.join(args)}: median {statistics.median(times) * 1000:.0f} ms "
              f"(min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f})")
    journal = os.path.join(data, "profiles", "me", "journal.ron")
    print(f"journal: {os.path.getsize(journal) / 1e3:.0f} kB")
    if not a.keep:
        shutil.rmtree(root)


if __name__ == "__main__":
    main()
