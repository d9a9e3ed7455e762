"""How well do the response-quality checks judge real-looking replies, and how fast?

Judges every reply of the labelled corpus in tests/data/replies/ (email, SMS
and chat replies in several languages, each labelled with the families that
must and must not accuse it; format in tests/data/replies/README.md) the way
tests/checks/corpus.py does: every check (``probes.checks.run_checks``), the
promises it makes (``probes.checks.promises``, for a reply sent on a Monday at
10:00 to a company working Monday-Friday 09:00-17:00 UTC; ``promise_due_hours``
checked when given) and automatic wording
(``probes.answers.classify.auto_wording``). It scores the verdicts against
the labels, per family and overall. A reply's verdicts count by family:

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

The dev replies (tests/data/replies/dev/*.yaml) are written the same blind way
as the held-out ones, but the checks are tuned on them: they are scored apart,
their mistakes are listed with ``--mistakes``, and their figures are printed on
the line before the last (``dev_recall=<r> dev_precision=<p>``).

The held-out replies (tests/data/replies/heldout/*.yaml, written by people who
never saw the checks) are scored the same way, apart, when the folder exists;
only their figures are printed, never their texts or ids, so that nobody tunes
the checks to them. Targets there: >= 0.95 both. Blind rounds added to the
held-out folder later, whole and unread, stand in files named round-<name>.yaml;
with any there, each set's recall and precision (the first set, the other
files, and each round) is printed too, so that one set cannot hide another.

The held-out look-alikes (tests/data/replies/heldout-lookalike/*.yaml, written
blind to a brief of about 80 % clean replies that a naive rule might accuse)
are scored apart the same way, figures only, on the line before the dev line:
``lookalike_recall=<r> lookalike_precision=<p> lookalike_false_alarms=<n>
lookalike_reported_false_findings=<m>`` (n/a without the folder): how often a
clean reply is accused, and how many of those accusations a report would show
as a finding against the company. Every check's would; a promise's only when
the prober would await it (a message promised by a time; a booked visit, a
call back or an exam's date is found but never awaited, so it could never be
called broken). The held-out figures give the same count for their false
alarms (``  false alarms a report would show: <n> of <m>``).

Time per reply: every main-corpus reply through all checks, ``--repeat``
times (20 by default) after one warm-up pass; mean and p95 over all those runs
(replies a check crashes on are left out of the timing).

Usage: python tests/benchmarks/checks_quality.py [--repeat 20] [--mistakes] [--heldout DIR] [--lookalike DIR]
Last line: recall=<r> precision=<p> heldout_recall=<hr> heldout_precision=<hp> (n/a without held-out replies)
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

from checks.corpus import CORPUS, DEV, FAMILIES, HELDOUT, HELDOUT_LOOKALIKE, judge, load_corpus, make_context  # noqa: E402
from probes.checks import CheckContext  # noqa: E402


def p95(values: list[float]) -> float:
    ranked = sorted(values)
    return ranked[max(0, math.ceil(0.95 * len(ranked)) - 1)]


def ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


# Per set, how many false alarms would reach a report as a finding against the company (a promise only when the
# prober would await it: see checks.corpus.Judged.reported).
REPORTED: Counter = Counter()
# Per set, how many missed promises were found but fall due at another time than the label's promise_due_hours
# (a rule of when, not of whether): printed beside the figures, a count only.
AT_ANOTHER_TIME: Counter = Counter()


def score(entries: list[dict], name: str, mistakes: list[str] | None) -> tuple[Counter, Counter, Counter, list]:
    """TP, FN, FP per family over the entries, and the (entry, context) pairs no check crashed on.
    Mistakes are listed (by id and snippet) only when a list is given for them."""
    tp, fn, fp = Counter(), Counter(), Counter()
    judged: list[tuple[dict, CheckContext]] = []
    for entry in entries:
        ctx = make_context(entry)
        try:
            verdict = judge(entry, ctx)
            judged.append((entry, ctx))
        except Exception as exc:  # noqa: BLE001 - a crashing check reports nothing for this reply
            label = entry["id"] if mistakes is not None else f"a {name} reply"
            print(f"  error on {label}: {type(exc).__name__}", file=sys.stderr)
            verdict = None
        found = verdict.families if verdict else set()
        for family in entry["must"]:
            if family in found:
                tp[family] += 1
            else:
                fn[family] += 1
                if family == "promise" and verdict and any(f.check == "promise.due" for f in verdict.findings):
                    AT_ANOTHER_TIME[name] += 1   # found, but falling due at another time than its label says
                if mistakes is not None:
                    mistakes.append(f"  missed  {family:<15} {entry['id']}")
        for family in found - set(entry["must"]):
            if family in entry["must_not"] or entry.get("exhaustive"):
                fp[family] += 1
                REPORTED[name] += verdict.reported(family)
                if mistakes is not None:
                    snippet = next((f.snippet for f in verdict.findings if f.check.split(".", 1)[0] == family), "")
                    mistakes.append(f"  false   {family:<15} {entry['id']}: {snippet[:100]!r}")
    return tp, fn, fp, judged


def overall(tp: Counter, fn: Counter, fp: Counter) -> tuple[float, float]:
    TP, FN, FP = sum(tp.values()), sum(fn.values()), sum(fp.values())
    return ratio(TP, TP + FN) or 0.0, ratio(TP, TP + FP) or 0.0


def main(repeat: int, show_mistakes: bool, heldout: Path, corpus: Path = CORPUS, dev_folder: Path = DEV,
         lookalike: Path = HELDOUT_LOOKALIKE) -> None:
    entries = load_corpus(corpus)
    print(f"{len(entries)} replies from {corpus}, families: {', '.join(FAMILIES)}", file=sys.stderr)

    # Quality: one pass, scored against the labels.
    mistakes: list[str] = []
    tp, fn, fp, judged = score(entries, "main", mistakes)
    print(f"{sum(fn.values())} missed, {sum(fp.values())} false alarms"
          + ("" if show_mistakes else " (--mistakes lists them)"), file=sys.stderr)
    if show_mistakes:
        print("\n".join(sorted(mistakes)), file=sys.stderr)
    dev = load_corpus(dev_folder) if dev_folder.is_dir() else []
    if dev:   # tuned on, so its mistakes may be shown
        dev_mistakes: list[str] = []
        dtp, dfn, dfp, _ = score(dev, "dev", dev_mistakes)
        print(f"dev: {sum(dfn.values())} missed, {sum(dfp.values())} false alarms", file=sys.stderr)
        if show_mistakes:
            print("\n".join(sorted(dev_mistakes)), file=sys.stderr)
    held = load_corpus(heldout) if heldout.is_dir() else []
    if held:   # figures only: its texts and ids stay unseen
        htp, hfn, hfp, _ = score(held, "held-out", None)
        # … and per set: the first set, and each later blind round added whole as round-<name>.yaml
        sets: dict[str, list[dict]] = {}
        for e in held:
            sets.setdefault(e["file"][:-5] if e["file"].startswith("round-") else "first", []).append(e)

    alike = load_corpus(lookalike) if lookalike.is_dir() else []
    if alike:   # figures only, as the held-out replies
        ltp, lfn, lfp, _ = score(alike, "look-alike", None)

    # Speed: every reply, `repeat` times, after a warm-up pass.
    for entry, ctx in judged:
        judge(entry, ctx)
    times: list[float] = []
    for i in range(repeat):
        for entry, ctx in judged:
            started = time.perf_counter()
            judge(entry, ctx)
            times.append(time.perf_counter() - started)
        if (i + 1) % 5 == 0 or i + 1 == repeat:
            print(f"pass {i + 1:>2}/{repeat}: {sum(times[-len(judged):]) * 1000:.1f} ms for {len(judged)} replies",
                  file=sys.stderr)

    for name in FAMILIES + tuple(sorted((set(tp) | set(fn) | set(fp)) - set(FAMILIES))):
        print(f"{name:<15} tp={tp[name]:>3} fn={fn[name]:>3} fp={fp[name]:>3} "
              f"recall={fmt(ratio(tp[name], tp[name] + fn[name]))} "
              f"precision={fmt(ratio(tp[name], tp[name] + fp[name]))}")
    if dev:
        print(f"dev: {len(dev)} replies")
        for name in FAMILIES + tuple(sorted((set(dtp) | set(dfn) | set(dfp)) - set(FAMILIES))):
            print(f"  {name:<13} tp={dtp[name]:>3} fn={dfn[name]:>3} fp={dfp[name]:>3} "
                  f"recall={fmt(ratio(dtp[name], dtp[name] + dfn[name]))} "
                  f"precision={fmt(ratio(dtp[name], dtp[name] + dfp[name]))}")
    if held:
        print(f"held-out: {len(held)} replies")
        for name in FAMILIES + tuple(sorted((set(htp) | set(hfn) | set(hfp)) - set(FAMILIES))):
            print(f"  {name:<13} tp={htp[name]:>3} fn={hfn[name]:>3} fp={hfp[name]:>3} "
                  f"recall={fmt(ratio(htp[name], htp[name] + hfn[name]))} "
                  f"precision={fmt(ratio(htp[name], htp[name] + hfp[name]))}")
        if len(sets) > 1:
            for name, entries_of_set in sets.items():
                sr, sp = overall(*score(entries_of_set, "held-out set", None)[:3])
                print(f"  set {name}: {len(entries_of_set)} replies recall={sr:.3f} precision={sp:.3f}")
        print(f"  false alarms a report would show: {REPORTED['held-out']} of {sum(hfp.values())}")
    print("promise misses found at another time than labelled: " +
          " ".join(f"{name}={AT_ANOTHER_TIME[name]}" for name in ("main", "dev", "held-out")))
    print(f"replies={len(judged)} repeat={repeat} time_per_reply_mean_ms={statistics.mean(times) * 1000:.3f} "
          f"time_per_reply_p95_ms={p95(times) * 1000:.3f}")
    alike_figures = ("lookalike_recall=n/a lookalike_precision=n/a lookalike_false_alarms=n/a "
                     "lookalike_reported_false_findings=n/a")
    if alike:
        lr, lp = overall(ltp, lfn, lfp)
        alike_figures = (f"lookalike_recall={lr:.3f} lookalike_precision={lp:.3f} "
                         f"lookalike_false_alarms={sum(lfp.values())} "
                         f"lookalike_reported_false_findings={REPORTED['look-alike']}")
        print(f"look-alike: {len(alike)} replies")
    print(alike_figures)
    if dev:
        dr, dp = overall(dtp, dfn, dfp)
        print(f"dev_recall={dr:.3f} dev_precision={dp:.3f}")
    recall, precision = overall(tp, fn, fp)
    held_figures = "heldout_recall=n/a heldout_precision=n/a"
    if held:
        hr, hp = overall(htp, hfn, hfp)
        held_figures = f"heldout_recall={hr:.3f} heldout_precision={hp:.3f}"
    print(f"recall={recall:.3f} precision={precision:.3f} {held_figures}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=20, help="timed passes over the corpus (at least 1)")
    parser.add_argument("--mistakes", action="store_true",
                        help="list every miss and false alarm of the main corpus and the dev replies on stderr (never the held-out ones)")
    parser.add_argument("--lookalike", type=Path, default=HELDOUT_LOOKALIKE,
                        help=f"the held-out look-alikes' folder (default {HELDOUT_LOOKALIKE.relative_to(ROOT)}); "
                             "figures only, n/a when it does not exist")
    parser.add_argument("--heldout", type=Path, default=HELDOUT,
                        help=f"the held-out replies' folder (default {HELDOUT.relative_to(ROOT)}); "
                             "figures only, n/a when it does not exist")
    # Other folders for the main and dev replies: the script's own tests score a few replies, not the corpus.
    parser.add_argument("--corpus", type=Path, default=CORPUS, help=argparse.SUPPRESS)
    parser.add_argument("--dev", type=Path, default=DEV, help=argparse.SUPPRESS)
    args = parser.parse_args()
    main(max(args.repeat, 1), args.mistakes, args.heldout, args.corpus, args.dev, args.lookalike)
