"""Response-quality checks: pure functions over a reply's text and its context.

Each family is one module exposing ``check(text, ctx) -> list[Finding]``;
adding a family is one module plus one line in CHECKS.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field, replace

from ..results import SEVERITIES, Finding
from . import answers, internal_notes, language, placeholders, profanity, tone, wrong_recipient


@dataclass
class CheckContext:
    """What a check may know besides the text: who the customer is, which channel, who else was probed.

    persona: {name, email, phone, language (ISO 639-1, default "en"), situation}
    other_personas: personas of the other journeys in the same run (a reply naming one is a leak)
    other_tokens: correlation tokens of the other contacts; token: this contact's own
    """

    persona: dict = field(default_factory=dict)
    channel: str = ""
    other_personas: list[dict] = field(default_factory=list)
    other_tokens: list[str] = field(default_factory=list)
    token: str = ""
    # The journey's tuning, as stored in journeys.tuning:
    # {check id: {"off": bool, "severity": str | None, "reason": str, "from": "target" | "scenario"}}
    tuning: dict[str, dict] = field(default_factory=dict)
    # What the question asked a real answer to mention (the step's must_mention), and who answered:
    # only a person's answer is judged on it.
    must_mention: list = field(default_factory=list)
    reply_kind: str = "human"


CHECKS = {
    "answer": answers.check,
    "placeholder": placeholders.check,
    "wrong_recipient": wrong_recipient.check,
    "internal_note": internal_notes.check,
    "profanity": profanity.check,
    "tone": tone.check,
    "language": language.check,
}


def run_checks(text: str, ctx: CheckContext) -> list[Finding]:
    """Every check on one reply, as the journey tunes them (ctx.tuning); at most one finding per check.

    The one place tuning is applied, for answers seen during a step and answers harvested later alike:
    a check switched off does not run; a changed severity is recorded with a note of what it was and why.
    A check that finds several things in one reply (eleven cheerful lines) gives one finding (see merge).
    """
    found: list[Finding] = []
    for check_id, fn in CHECKS.items():
        tuned = ctx.tuning.get(check_id) or {}
        if tuned.get("off"):
            continue
        by_check: dict[str, list[Finding]] = {}
        for f in fn(text, ctx):
            by_check.setdefault(f.check, []).append(f)
        found.extend(_retuned(merge(group), tuned) for group in by_check.values())
    return found


def merge(findings: list[Finding]) -> Finding:
    """One finding for several of one check on one message.

    The most severe one leads; the title says how many places ("… (11 places)") and names what differs
    between the titles ("Unreplaced placeholder [name], %PHONE%"); the details are joined the same way;
    ``snippets`` keeps every snippet, in order, so the report highlights each of them.
    """
    if len(findings) == 1:
        return findings[0]
    ordered = sorted(findings, key=lambda f: SEVERITIES.index(f.severity) if f.severity in SEVERITIES else 9)
    lead = ordered[0]
    title = f"{_joined([f.title for f in ordered], ', ')} ({len(findings)} places)"
    return replace(lead, title=title, detail=_joined([f.detail for f in ordered if f.detail], "; "),
                   snippet=findings[0].snippet, snippets=[f.snippet for f in findings])


def _joined(texts: list[str], sep: str) -> str:
    """The distinct texts as one: their common beginning and end (whole words) once, what differs joined by sep."""
    distinct = list(dict.fromkeys(t.strip() for t in texts if t.strip()))
    if len(distinct) <= 1:
        return distinct[0] if distinct else ""
    prefix = os.path.commonprefix(distinct)
    prefix = prefix[:prefix.rfind(" ") + 1] if " " in prefix else ""   # cut at a word boundary
    shortest = min(len(t) for t in distinct) - len(prefix)
    suffix = os.path.commonprefix([t[::-1] for t in distinct])[::-1][-shortest:] if shortest > 0 else ""
    # Cut at a word boundary, but keep a shared full stop at the end ("… Seen here: emoji 🎉; “great news”.").
    suffix = suffix[suffix.find(" "):] if " " in suffix else suffix[-1:] if suffix[-1:] in ".!" else ""
    middles = [t[len(prefix):len(t) - len(suffix)].strip() for t in distinct]
    if not all(middles):
        return sep.join(distinct)
    return prefix + sep.join(middles) + suffix


def _retuned(f: Finding, tuned: dict) -> Finding:
    new = tuned.get("severity")
    if not new or new == f.severity:
        return f
    by = {"target": "the target's", "scenario": "the scenario's"}.get(tuned.get("from", ""), "the")
    note = f"Severity changed from {f.severity} to {new} by {by} tuning: {tuned.get('reason', '')}"
    return replace(f, severity=new, detail=f"{f.detail} ({note})" if f.detail else note)
