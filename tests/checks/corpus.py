"""The labelled reply corpus (tests/data/replies/): loading it and judging an entry the way the product does.

Shared by the test that asserts every label (test_corpus.py) and the benchmark that scores the checks
on it (tests/benchmarks/checks_quality.py), so both read and judge the corpus the same way.

Families: the response-quality checks (``probes.checks.run_checks``: their check id up to the first dot)
and two judged outside them:

- ``promise``: ``probes.checks.promises.find`` on the reply in the persona's language, as if it were sent on
  a Monday at 10:00 to a company working Monday-Friday 09:00-17:00 UTC. An entry's ``promise_due_hours``,
  when present, must be when the soonest promise falls due (hours after the reply), or the promise counts as
  not found.
- ``automatic``: ``probes.answers.classify.auto_wording`` on the reply's text.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from probes.answers.classify import auto_wording
from probes.business_time import BusinessCalendar
from probes.checks import CheckContext, promises, run_checks
from probes.results import Finding

CORPUS = Path(__file__).resolve().parents[1] / "data" / "replies"
HELDOUT = CORPUS / "heldout"
# Held out too, written to the false-alarm brief (mostly clean look-alikes): its precision is the field's worst risk.
HELDOUT_LOOKALIKE = CORPUS / "heldout-lookalike"
# Written blind from LABELS.md like the held-out set, but the checks are tuned on it: scored apart.
DEV = CORPUS / "dev"
CHECK_FAMILIES = ("placeholder", "wrong_recipient", "internal_note", "profanity", "tone", "language", "answer")
FAMILIES = CHECK_FAMILIES + ("promise", "automatic")
# When a corpus reply is taken to have been sent, and the company's calendar (see the module's docstring).
SENT_AT = dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.timezone.utc)   # a Monday
CALENDAR = BusinessCalendar("UTC", {d: "09:00-17:00" for d in ("mon", "tue", "wed", "thu", "fri")})


def load_corpus(folder: Path = CORPUS) -> list[dict]:
    """Every entry of every YAML file in the corpus folder, each with the file it came from."""
    entries = []
    for path in sorted(folder.glob("*.yaml")):
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            # a reply with nothing to flag, or only families reviewers could disagree on, may leave a list out
            entries.append({"must": [], "must_not": [], **entry, "file": path.name})
    return entries


def make_context(entry: dict) -> CheckContext:
    """The entry's context as a CheckContext."""
    ctx = entry.get("context", {})
    return CheckContext(persona=dict(ctx.get("persona", {})), channel=entry["channel"],
                        other_personas=[dict(p) for p in ctx.get("other_personas", [])],
                        other_tokens=list(ctx.get("other_tokens", [])), token=ctx.get("token", ""),
                        must_mention=list(ctx.get("must_mention", [])),
                        reply_kind=ctx.get("reply_kind", "human"))


def family(finding) -> str | None:
    """The family a finding belongs to: its check id up to the first dot (None for an info note such as
    answer.complete, which reports and does not accuse)."""
    return None if finding.severity == "info" else finding.check.split(".", 1)[0]


@dataclass
class Judged:
    """What the product says about one corpus entry."""

    findings: list[Finding] = field(default_factory=list)   # run_checks, plus one per promise/automatic
    families: set[str] = field(default_factory=set)         # the families that accused it
    # a promise the prober would await (a message by a time: probes.checks.promises.awaited), so that a report could
    # call it broken; one of a visit, a call or a booked time the prober never sees is found and not awaited
    awaited: bool = False

    def reported(self, family: str) -> bool:
        """Whether the family's accusation would reach a report as a finding against the company: every check's
        does; a promise's only when it is awaited (then, unkept, it is promise.broken)."""
        return family in self.families and (family != "promise" or self.awaited)


def judge(entry: dict, ctx: CheckContext | None = None) -> Judged:
    """Every family's verdict on one entry (the checks, its promises, automatic wording)."""
    ctx = ctx or make_context(entry)
    findings = run_checks(entry["text"], ctx)
    language = ctx.persona.get("language") or "en"
    found = promises.find(entry["text"], language, SENT_AT, CALENDAR, ctx)
    dated = [p for p in found if not p.undated]
    if found and not dated:   # "within 5 days of the scan": a promise with no time the reader can check yet
        soonest = found[0]
        findings.append(Finding("promise", "minor", f"Promise \u201c{soonest.text}\u201d",
                                "counted from an event the reply does not date: found, never awaited",
                                soonest.sentence))
    elif found:
        soonest = min(dated, key=lambda p: p.due)
        hours = (soonest.due - SENT_AT).total_seconds() / 3600
        wanted = entry.get("promise_due_hours")
        if wanted is None or abs(hours - float(wanted)) < 0.01:
            findings.append(Finding("promise", "minor", f"Promise \u201c{soonest.text}\u201d",
                                    f"falls due {hours:g} h after the reply", soonest.sentence))
        else:
            findings.append(Finding("promise.due", "info", f"Promise \u201c{soonest.text}\u201d at the wrong time",
                                    f"falls due {hours:g} h after the reply, not {wanted} h", soonest.sentence))
    why = auto_wording(entry["text"])
    if why:
        findings.append(Finding("automatic", "minor", "Automatic wording", str(why), str(why)))
    return Judged(findings, {family(f) for f in findings} - {None}, bool(promises.awaited(found, SENT_AT)))
