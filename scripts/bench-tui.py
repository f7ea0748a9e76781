#!/usr/bin/env python3
"""Measure the full-screen app in a pseudo-terminal at 80x24 (Python 3 standard library only).

Runs the release binary against a temporary data folder holding one profile with a year of
journal, and reports: time to first frame, time from a keystroke to the first byte of the
redraw (median), bytes written per keystroke (moving the cursor one row), output and CPU while
idle, and peak memory (VmHWM).

    cargo build --release
    python3 scripts/bench-tui.py [--binary target/release/rehab] [--keys 200] [--starts 9]
    python3 scripts/bench-tui.py --years 10              # ten years of journal (issue 19)
    python3 scripts/bench-tui.py --years 10 --make-data DIR   # only write the data folder

Targets (issue #5): first frame < 15 ms, keystroke < 1 ms median, < 500 bytes per row move,
nothing written and no CPU while idle, peak memory < 10 MB.
"""

import argparse
import datetime as dt
import fcntl
import os
import pty
import select
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time

TODAY = dt.date(2026, 11, 23)


def make_data(binary: str, root: str, years: int = 1) -> None:
    """One profile started `years` years ago (0: today), with that much ticks and pain scores."""
    out = subprocess.run(
        [binary, "exercises", "--condition", "pfps"],
        check=True, capture_output=True, text=True,
        env={**os.environ, "REHAB_DATA_DIR": root},
    ).stdout
    ids = [line.split()[0] for line in out.splitlines() if line.strip()]
    # Every red-flag question answered "no": a profile with questions unanswered has no plan.
    flags = subprocess.run(
        [binary, "screen", "--list"],
        check=True, capture_output=True, text=True,
        env={**os.environ, "REHAB_DATA_DIR": root},
    ).stdout
    answers = ", ".join(f'"{line.split()[0]}": false' for line in flags.splitlines() if line.strip())
    # A Monday `years` back: plans start on a Monday.
    days = 364 * years
    start = TODAY - dt.timedelta(days=days)
    start -= dt.timedelta(days=start.weekday())
    profile_dir = os.path.join(root, "profiles", "me")
    os.makedirs(profile_dir)
    with open(os.path.join(profile_dir, "profile.ron"), "w") as f:
        f.write(f"""Profile(
    format: 1,
    name: "me",
    condition: "pfps",
    settings: Settings(start: "{start}", days_per_week: 4, run_days: [Tue, Thu, Sat],
        equipment: [Band, Step], minutes: 45, cross_training: []),
    red_flags: (answered_on: Some("{start}"), answers: {{{answers}}}),
)
""")
    lines = ['(format: "rehab-journal", version: 1)']
    for n in range(days):
        day = start + dt.timedelta(days=n)
        for i, item in enumerate(ids):
            if (n + i) % 5 == 0:
                continue
            lines.append(f'Done(date:"{day}",item:"{item}")')
        lines.append(f'Pain(date:"{day}",report:(during:Some({n % 4}),morning:Some({n % 3})))')
    with open(os.path.join(profile_dir, "journal.ron"), "w") as f:
        f.write("\n".join(lines) + "\n")
    print(f"journal: {len(lines)} records", file=sys.stderr)


def read_chunk(fd: int, wait_s: float) -> bytes | None:
    """One read: the bytes that arrived within wait_s (b"" if none), or None when the terminal
    has closed."""
    ready, _, _ = select.select([fd], [], [], wait_s)
    if not ready:
        return b""
    try:
        chunk = os.read(fd, 65536)
    except OSError:
        return None
    return chunk or None


def read_for(fd: int, quiet_s: float, limit_s: float) -> tuple[bytes, float | None]:
    """Reads until no byte arrives for quiet_s (or limit_s passes). Returns (bytes, time of the
    first byte or None)."""
    data = b""
    first = None
    deadline = time.perf_counter() + limit_s
    while True:
        now = time.perf_counter()
        wait = min(quiet_s, deadline - now) if data else deadline - now
        if wait <= 0:
            break
        chunk = read_chunk(fd, wait)
        if chunk == b"":
            if data:
                break
            continue
        if chunk is None:
            break
        if first is None:
            first = time.perf_counter()
        data += chunk
    return data, first


def cpu_ticks(pid: int) -> int:
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


def vm_hwm_kb(pid: int) -> int:
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return -1


def start_app(binary: str, env: dict) -> tuple[int, int, float | None]:
    """Starts the app in an 80x24 pseudo-terminal. Returns (pid, fd, ms to the first frame)."""
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        os.execve(binary, [binary], env)
    # The first frame ends with the hint bar's last word; the time is taken when the chunk
    # holding it arrives (waiting for a quiet gap after it would add that gap).
    frame = b""
    while time.perf_counter() - start < 10:
        chunk = read_chunk(fd, 5)
        if chunk is None:
            break
        frame += chunk
        if b"quit" in frame:
            return pid, fd, (time.perf_counter() - start) * 1000
    return pid, fd, None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--binary", default="target/release/rehab")
    ap.add_argument("--keys", type=int, default=200, help="keystrokes to time")
    ap.add_argument("--starts", type=int, default=9, help="starts to time the first frame over")
    ap.add_argument("--idle", type=float, default=3.0, help="seconds of idle to watch")
    ap.add_argument("--years", type=int, default=1, help="years of journal (0: none; 10: issue 19)")
    ap.add_argument("--make-data", metavar="DIR",
                    help="only write the data folder to DIR (for timing `rehab today` and the like)")
    args = ap.parse_args()
    if not os.access(args.binary, os.X_OK):
        print(f"no binary at {args.binary}; run `cargo build --release` first", file=sys.stderr)
        return 2
    if args.make_data:
        make_data(args.binary, args.make_data, args.years)
        return 0
    root = tempfile.mkdtemp(prefix="rehab-bench-")
    try:
        make_data(args.binary, root, args.years)
        env = {
            **os.environ, "REHAB_DATA_DIR": root, "REHAB_LIBRARY": os.path.join(root, "lib"),
            "REHAB_TODAY": str(TODAY), "TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
        }
        env.pop("NO_COLOR", None)
        with open("/proc/loadavg") as f:
            print(f"load average             {f.read().split()[0]:>8}      (other work on the machine inflates latencies)")
        # Single starts on a shared VM spread widely, so the first frame is timed over several
        # starts and the median reported with the spread.
        frames = []
        for _ in range(args.starts):
            pid, fd, first_frame_ms = start_app(args.binary, env)
            if first_frame_ms is not None:
                frames.append(first_frame_ms)
            os.write(fd, b"q")
            read_for(fd, 0.2, 2)
            os.waitpid(pid, 0)
            os.close(fd)
        pid, fd, _ = start_app(args.binary, env)
        read_for(fd, 0.2, 1)  # settle
        latencies, sizes = [], []
        keys_ticks = cpu_ticks(pid)
        for n in range(args.keys):
            key = b"j" if n % 12 < 6 else b"k"
            sent = time.perf_counter()
            os.write(fd, key)
            data, first = read_for(fd, 0.02, 1)
            if first is not None:
                latencies.append((first - sent) * 1000)
                sizes.append(len(data))
        keys_ticks = cpu_ticks(pid) - keys_ticks
        ticks_before = cpu_ticks(pid)
        idle_bytes, _ = read_for(fd, args.idle, args.idle)
        idle_ticks = cpu_ticks(pid) - ticks_before
        hwm = vm_hwm_kb(pid)
        os.write(fd, b"q")
        read_for(fd, 0.2, 2)
        _, status = os.waitpid(pid, 0)
        hz = os.sysconf("SC_CLK_TCK")
        if frames:
            print(f"time to first frame      {statistics.median(frames):8.2f} ms   median of {len(frames)} starts (target < 15); min {min(frames):.2f}, max {max(frames):.2f}")
        else:
            print("time to first frame           none: the app drew no frame")
        if latencies:
            print(f"keystroke -> first byte  {statistics.median(latencies):8.3f} ms   median of {len(latencies)} (target < 1); p90 {sorted(latencies)[int(len(latencies) * 0.9)]:.3f} ms")
            print(f"CPU per keystroke        {keys_ticks / hz * 1000 / args.keys:8.3f} ms   (the app's own time; latency also counts waiting for a core)")
            print(f"bytes per row move       {statistics.median(sizes):8.0f}      median (target < 500); max {max(sizes)}")
        print(f"idle output              {len(idle_bytes):8d} bytes over {args.idle:.0f} s (target 0)")
        print(f"idle CPU                 {idle_ticks / hz * 1000:8.1f} ms over {args.idle:.0f} s (target 0)")
        print(f"peak memory (VmHWM)      {hwm / 1024:8.2f} MB   (target < 10)")
        print(f"exit status              {os.waitstatus_to_exitcode(status)}")
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
