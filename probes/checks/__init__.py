"""Response-quality checks: pure functions over a reply's text and its context.

Each family is one module exposing ``check(text, ctx) -> list[Finding]``;
adding a family is one module plus one line in CHECKS.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..results import Finding
from . import placeholders


@dataclass
class CheckContext:
    """What a check may know besides the text: who the customer is, which channel."""

    persona: dict = field(default_factory=dict)
    channel: str = ""
    other_personas: list[dict] = field(default_factory=list)


CHECKS = {
    "placeholder": placeholders.check,
}


def run_checks(text: str, ctx: CheckContext) -> list[Finding]:
    """Every check on one reply."""
    return [f for fn in CHECKS.values() for f in fn(text, ctx)]
