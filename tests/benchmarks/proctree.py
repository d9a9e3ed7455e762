"""CPU time and memory of a whole process tree (this Python, Playwright's driver, every Chromium process), from /proc.

Linux only; no extra package. Used by the benchmarks that report cost per journey.
"""
from __future__ import annotations

import os
import re
import threading
import time

_TICK_S = 1.0 / os.sysconf("SC_CLK_TCK")


def tree_pids(pid: int) -> list[int]:
    """pid and all its descendants alive now."""
    found, stack = [], [pid]
    while stack:
        p = stack.pop()
        if p in found:
            continue
        found.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    stack.extend(int(c) for c in f.read().split())
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return found


def tree_cpu_by_name(pid: int) -> dict[str, float]:
    """CPU seconds of pid's tree by process name, Chromium's by role (a parent's reaped children count under
    the parent's name: renderers that have gone are in the zygote's)."""
    by: dict[str, float] = {}
    for p in tree_pids(pid):
        try:
            with open(f"/proc/{p}/stat") as f:
                head, _, rest = f.read().rpartition(")")
        except (FileNotFoundError, ProcessLookupError):
            continue
        name = head.split("(", 1)[1]
        try:  # Chromium's processes by their role: browser, renderer, gpu-process, utility, zygote
            with open(f"/proc/{p}/cmdline", "rb") as f:
                # Chromium rewrites its command line (one string, spaces, no NULs): search it, not its argv.
                m = re.search(rb"(?:^|[\0 ])--type=([\w-]+)", f.read())
                kind = m.group(1).decode() if m else ""
            name += f"[{kind or 'main'}]" if name.startswith(("chrom", "headless_shell")) else ""
        except OSError:
            pass
        by[name] = by.get(name, 0.0) + sum(int(x) for x in rest.split()[11:15]) * _TICK_S
    return by


def tree_cpu_s(pid: int) -> float:
    """CPU seconds (user + system) used so far by pid's tree, including children that have already
    exited and been reaped inside the tree (their time is in their parent's cutime/cstime):
    Chromium's renderers come and go with every tab, and their time counts too."""
    total = 0
    for p in tree_pids(pid):
        try:
            with open(f"/proc/{p}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except (FileNotFoundError, ProcessLookupError):
            continue
        # After the ")": state is fields[0]; utime, stime, cutime, cstime are stat fields 14-17.
        total += sum(int(x) for x in fields[11:15])
    return total * _TICK_S


def tree_pss_kb(pid: int) -> int:
    """Memory of pid's tree: each process's proportional set size, so pages Chromium's processes
    share are counted once, not once per process."""
    total = 0
    for p in tree_pids(pid):
        try:
            with open(f"/proc/{p}/smaps_rollup") as f:
                total += next((int(line.split()[1]) for line in f if line.startswith("Pss:")), 0)
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return total


class PeakPss:
    """Samples the tree's PSS every interval_s in a thread; ``peak_kb`` is the highest seen."""

    def __init__(self, pid: int | None = None, interval_s: float = 0.2):
        self.pid = pid or os.getpid()
        self.interval_s = interval_s
        self.peak_kb = 0
        self.own_cpu_s = 0.0  # the sampler's own CPU, to take out of the tree's
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.is_set():
            t0 = time.thread_time()
            self.peak_kb = max(self.peak_kb, tree_pss_kb(self.pid))
            self.own_cpu_s += time.thread_time() - t0
            self._stop.wait(self.interval_s)

    def __enter__(self) -> "PeakPss":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
