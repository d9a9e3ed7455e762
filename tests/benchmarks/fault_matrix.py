"""Fault matrix: inject every fault the prober must survive and count what it got wrong.

Each module in tests/benchmarks/faults/ (one per area: smtp, twilio, mailread, ledger, browser,
allowlist, input, preflight) exposes ``cases() -> [(name, run)]``; ``run(folder)`` injects one fault
end to end against real servers on loopback, runs the prober as a user would, and returns
``{"misattributed": bool, "crashed": bool, "lost": bool, "detail": str}``:

- misattributed: the prober blamed the company for its own trouble (or gave any wrong verdict);
- crashed: a traceback, a hang, an unexpected exit code, or no report/JSON written;
- lost: a reply already received went missing, or a contact was made twice.

A case that raises is counted as crashed: either the product or the harness broke, and a person
should look. Prints one line per fault and, last:

    faults=<n> misattributed=<m> crashed=<c> lost=<l>

Target: misattributed=0 crashed=0 lost=0.

    python tests/benchmarks/fault_matrix.py                 # every fault
    python tests/benchmarks/fault_matrix.py --only smtp     # the faults whose name contains 'smtp'
    python tests/benchmarks/fault_matrix.py --list
"""
from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
import tempfile
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


def _own(name: str, area: str) -> str:
    """A case's name without its area, where it already starts with it ("smtp: 450 …")."""
    for sep in (":", "/"):
        name = name.removeprefix(area + sep)
    return name.strip()


def all_cases() -> list[tuple[str, object]]:
    """Every (area/name, run) pair, areas in alphabetical order."""
    for path in (str(ROOT), str(HERE)):
        if path not in sys.path:
            sys.path.insert(0, path)
    out = []
    for info in sorted(pkgutil.iter_modules([str(HERE / "faults")]), key=lambda i: i.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"faults.{info.name}")
        out.extend((f"{info.name}/{_own(name, info.name)}", run) for name, run in module.cases())
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", default="", help="run only the faults whose name contains this text")
    parser.add_argument("--list", action="store_true", help="list the faults and exit")
    args = parser.parse_args(argv)
    cases = [(name, run) for name, run in all_cases() if args.only in name]
    if args.list:
        print("\n".join(name for name, _ in cases))
        return 0
    totals = {"misattributed": 0, "crashed": 0, "lost": 0}
    for name, run in cases:
        started = time.monotonic()
        with tempfile.TemporaryDirectory(prefix="fault-") as folder:
            try:
                result = run(Path(folder))
            except Exception as exc:  # noqa: BLE001 - a broken case is reported, and the matrix goes on
                traceback.print_exc()
                result = {"crashed": True, "detail": f"the case raised {type(exc).__name__}: {exc}"}
        flags = [k for k in totals if result.get(k)]
        for k in flags:
            totals[k] += 1
        verdict = ",".join(flags) or "ok"
        print(f"{name:<45} {verdict:<22} {time.monotonic() - started:6.1f}s  {result.get('detail', '')}",
              flush=True)
    print(f"faults={len(cases)} misattributed={totals['misattributed']} crashed={totals['crashed']} "
          f"lost={totals['lost']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
