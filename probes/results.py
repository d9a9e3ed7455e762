"""What a step reports back: measurements, findings about the company, evidence.

A *finding* is the company failing a customer (the step ran fine and saw a
problem). A *ProberError* is the prober itself failing (browser would not
start, bad local setup): reported apart, never as a finding.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

Severity = Literal["critical", "major", "minor", "info"]
SEVERITIES: tuple[Severity, ...] = ("critical", "major", "minor", "info")
# Findings of these severities mean an expectation was not met: the step fails.
FAILING: frozenset[str] = frozenset({"critical", "major"})


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


@dataclass
class Finding:
    check: str          # dotted id, e.g. "web_form.http_error" or "placeholder"
    severity: Severity
    title: str          # one line a non-engineer understands
    detail: str = ""    # what exactly was seen, and why it matters
    snippet: str = ""   # the offending text, verbatim
    # A finding that stands for several of one check on one message (checks.run_checks merges them):
    # every one's snippet, in order (the first is also ``snippet``). Empty for a single finding.
    snippets: list[str] = field(default_factory=list)

    @property
    def count(self) -> int:
        """How many places of the message this finding stands for."""
        return max(1, len(self.snippets))

    def as_dict(self) -> dict[str, Any]:
        return {"check": self.check, "severity": self.severity, "title": self.title,
                "detail": self.detail, "snippet": self.snippet, "snippets": self.snippets or [self.snippet],
                "count": self.count}


@dataclass
class Evidence:
    kind: Literal["screenshot", "trace", "html", "text", "audio"]
    label: str
    path: Path


@dataclass
class Outcome:
    """Everything one step observed."""

    measurements: dict[str, float] = field(default_factory=dict)   # seconds, names end in _s
    observations: dict[str, Any] = field(default_factory=dict)      # facts for the report (status codes, URLs …)
    findings: list[Finding] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    responses: list[str] = field(default_factory=list)              # text the company showed or sent back
    saved: dict[str, str] = field(default_factory=dict)
    contacted: bool = False                                         # did the contact reach the company's side
    sent_at: dt.datetime | None = None                              # when it did (the clock of answer times)
    accepted_at: dt.datetime | None = None                          # when the server acknowledged it (email: 250)


def first_line(exc: BaseException) -> str:
    """An exception's message on one line (its first), or its type's name when it has none."""
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


class ProberError(Exception):
    """The prober could not do its job (not the company's fault).

    nothing_sent: the channel knows that nothing reached the company (the relay refused it, the browser
    died before the form was submitted). The runner then marks the contact ``not_sent``, so a resumed run
    makes it; otherwise the contact stays ``planned`` and is never made again blindly.
    """

    def __init__(self, *args, nothing_sent: bool = False):
        super().__init__(*args)
        self.nothing_sent = nothing_sent
