"""Response-quality checks: pure functions over a reply's text and its context.

Each family is one module exposing ``check(text, ctx) -> list[Finding]``;
adding a family is one module plus one line in CHECKS.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..results import Finding
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
    """Every check on one reply, as the journey tunes them (ctx.tuning).

    The one place tuning is applied, for answers seen during a step and answers harvested later alike:
    a check switched off does not run; a changed severity is recorded with a note of what it was and why.
    """
    found: list[Finding] = []
    for check_id, fn in CHECKS.items():
        tuned = ctx.tuning.get(check_id) or {}
        if tuned.get("off"):
            continue
        found.extend(_retuned(f, tuned) for f in fn(text, ctx))
    return found


def _retuned(f: Finding, tuned: dict) -> Finding:
    new = tuned.get("severity")
    if not new or new == f.severity:
        return f
    by = {"target": "the target's", "scenario": "the scenario's"}.get(tuned.get("from", ""), "the")
    note = f"Severity changed from {f.severity} to {new} by {by} tuning: {tuned.get('reason', '')}"
    return replace(f, severity=new, detail=f"{f.detail} ({note})" if f.detail else note)
