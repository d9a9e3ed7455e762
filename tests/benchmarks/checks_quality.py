"""How well do the response-quality checks judge real-looking replies, and how fast?

Runs every check (``probes.checks.run_checks``) over the labelled corpus in
tests/data/replies/ (email, SMS and chat replies in several languages, each
labelled with the check families that must and must not report it; format in
tests/data/replies/README.md) and scores the findings against the labels,
per family and overall. A reply's findings count by family (the check id up
to its first dot):

- a ``must`` family that reported something: true positive (TP);
- a ``must`` family that reported nothing: false negative (FN);
- a ``must_not`` family that reported something: false positive (FP);
- a family in neither list: ignored (the reviewer could go either way), unless
  the entry says ``exhaustive: true``, in which case it is a false positive too.

recall = TP / (TP + FN), precision = TP / (TP + FP); a family that reports
nothing has no precision ("n/a"), and overall precision is 0 when nothing at
all was reported. A check that raises on a reply counts as reporting nothing
for that reply (and is named on stderr). Targets: recall >= 0.98, precision
>= 0.95.

Time per reply: every reply through all checks, ``--repeat`` times (20 by
default) after one warm-up pass; mean and p95 over all those runs (replies a
check crashes on are left out of the timing).

Usage: python tests/benchmarks/checks_quality.py [--repeat 20] [--mistakes]
Last line: recall=<x> precision=<y>
"""
from __future__ import annotations

import argparse
import math
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from checks.corpus import CORPUS, FAMILIES, load_corpus, make_context  # noqa: E402
from probes.checks import CheckContext, run_checks  # noqa: E402

def p95(values: list[float]) -> float:
    ranked = sorted(values)
    return ranked[max(0, math.ceil(0.95 * len(ranked)) - 1)]


def ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def main(repeat: int, show_mistakes: bool) -> None:
    entries = load_corpus()
    contexts = [make_context(e) for e in entries]
    print(f"{len(entries)} replies from {CORPUS.relative_to(ROOT)}, checks: {', '.join(FAMILIES)}", file=sys.stderr)

    # Quality: one pass, scored against the labels.
    tp, fn, fp = Counter(), Counter(), Counter()
    mistakes: list[str] = []
    timed: list[tuple[str, CheckContext]] = []   # the replies no check crashes on
    for entry, ctx in zip(entries, contexts):
        try:
            findings = run_checks(entry["text"], ctx)
            timed.append((entry["text"], ctx))
        except Exception as exc:  # noqa: BLE001 - a crashing check reports nothing for this reply
            print(f"  error on {entry['id']}: {type(exc).__name__}: {exc}", file=sys.stderr)
            findings = []
        found = {f.check.split(".", 1)[0] for f in findings if f.severity != "info"}  # info notes accuse nobody
        for name in entry["must"]:
            if name in found:
                tp[name] += 1
            else:
                fn[name] += 1
                mistakes.append(f"  missed  {name:<15} {entry['id']}")
        for name in found - set(entry["must"]):
            if name in entry["must_not"] or entry.get("exhaustive"):
                fp[name] += 1
                snippet = next((f.snippet for f in findings if f.check.split(".", 1)[0] == name), "")
                mistakes.append(f"  false   {name:<15} {entry['id']}: {snippet[:100]!r}")
    print(f"{sum(fn.values())} missed, {sum(fp.values())} false alarms"
          + ("" if show_mistakes else " (--mistakes lists them)"), file=sys.stderr)
    if show_mistakes:
        print("\n".join(sorted(mistakes)), file=sys.stderr)

    # Speed: every reply, `repeat` times, after a warm-up pass.
    for text, ctx in timed:
        run_checks(text, ctx)
    times: list[float] = []
    for i in range(repeat):
        for text, ctx in timed:
            started = time.perf_counter()
            run_checks(text, ctx)
            times.append(time.perf_counter() - started)
        if (i + 1) % 5 == 0 or i + 1 == repeat:
            print(f"pass {i + 1:>2}/{repeat}: {sum(times[-len(timed):]) * 1000:.1f} ms for {len(timed)} replies",
                  file=sys.stderr)

    for name in FAMILIES + tuple(sorted((set(tp) | set(fn) | set(fp)) - set(FAMILIES))):
        print(f"{name:<15} tp={tp[name]:>3} fn={fn[name]:>3} fp={fp[name]:>3} "
              f"recall={fmt(ratio(tp[name], tp[name] + fn[name]))} "
              f"precision={fmt(ratio(tp[name], tp[name] + fp[name]))}")
    print(f"replies={len(timed)} repeat={repeat} time_per_reply_mean_ms={statistics.mean(times) * 1000:.3f} "
          f"time_per_reply_p95_ms={p95(times) * 1000:.3f}")
    TP, FN, FP = sum(tp.values()), sum(fn.values()), sum(fp.values())
    recall = ratio(TP, TP + FN) or 0.0
    precision = ratio(TP, TP + FP) or 0.0
    print(f"recall={recall:.3f} precision={precision:.3f}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=20, help="timed passes over the corpus (at least 1)")
    parser.add_argument("--mistakes", action="store_true", help="list every miss and false alarm on stderr")
    args = parser.parse_args()
    main(max(args.repeat, 1), args.mistakes)
