"""Response-quality checks: pure functions over a reply's text and its context.

Each family is one module exposing ``check(text, ctx) -> list[Finding]``;
adding a family is one module plus one line in CHECKS.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..results import Finding
from . import internal_notes, language, placeholders, profanity, tone, wrong_recipient


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


CHECKS = {
    "placeholder": placeholders.check,
    "wrong_recipient": wrong_recipient.check,
    "internal_note": internal_notes.check,
    "profanity": profanity.check,
    "tone": tone.check,
    "language": language.check,
}


def run_checks(text: str, ctx: CheckContext) -> list[Finding]:
    """Every check on one reply."""
    return [f for fn in CHECKS.values() for f in fn(text, ctx)]
