"""Classify an answer: automatic (an acknowledgement, an out-of-office, a notification) or from a person.

Used by the answers pipeline for every channel; returns ``(kind, why)`` with kind ``"auto"`` or ``"human"``
and why in words for the report.
"""
from __future__ import annotations

import datetime as dt
import re

from ..ledger import Ledger

AUTO_HEADERS = ("X-Autoreply", "X-Autorespond", "X-Auto-Response-Suppress")
AUTO_WORDS = re.compile(r"\b(automated|automatic(ally)?|auto-?reply|do not reply|don't reply|no-?reply)\b", re.I)


def auto_wording(text: str) -> str | None:
    """The words in a text that say it was sent automatically ("automated message"), or None."""
    m = AUTO_WORDS.search(text)
    return m.group(0) if m else None


def classify(msg, arrived: dt.datetime, contact: dict, template: str, ledger: Ledger,
             auto_within_s: float) -> tuple[str, str]:
    """('auto' | 'human', why)."""
    auto_submitted = str(msg.get("Auto-Submitted") or "").strip().lower()
    if auto_submitted and auto_submitted != "no":
        return "auto", f"Auto-Submitted: {auto_submitted}"
    for header in AUTO_HEADERS:
        if msg.get(header) is not None:
            return "auto", f"{header} header"
    precedence = str(msg.get("Precedence") or "").strip().lower()
    if precedence in ("auto_reply", "bulk", "junk", "list"):
        return "auto", f"Precedence: {precedence}"
    sent = contact.get("sent_at")
    if sent is not None and (arrived - sent).total_seconds() < auto_within_s:
        return "auto", f"arrived {max(0.0, (arrived - sent).total_seconds()):.1f} s after sending"
    # Within one run only: the same person's answer to the same question last night must not make
    # tonight's look automatic (repeats across runs are a quality matter, not a sign of a robot).
    if (others := ledger.template_seen_elsewhere(template, contact["id"], run_id=contact["run_id"])):
        return "auto", f"the same text was sent to {others} other contact{'s' if others != 1 else ''} of this run"
    return "human", "no sign of automation"


def classify_text(body: str, arrived: dt.datetime, contact: dict, template: str, ledger: Ledger,
                  auto_within_s: float) -> tuple[str, str]:
    """('auto' | 'human', why) for a text message, which has no headers to tell."""
    sent = contact.get("sent_at")
    if sent is not None and (arrived - sent).total_seconds() < auto_within_s:
        return "auto", f"arrived {max(0.0, (arrived - sent).total_seconds()):.1f} s after sending"
    if words := auto_wording(body):
        return "auto", f"says “{words}”"
    # Within one run only: the same person's answer to the same question last night must not make
    # tonight's look automatic (repeats across runs are a quality matter, not a sign of a robot).
    if (others := ledger.template_seen_elsewhere(template, contact["id"], run_id=contact["run_id"])):
        return "auto", f"the same text was sent to {others} other contact{'s' if others != 1 else ''} of this run"
    return "human", "no sign of automation"
