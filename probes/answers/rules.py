"""A target's own rules for telling its automatic mail from its people's (``replies:`` in probes.yaml).

Kept apart from ``classify`` so that probes.yaml can be loaded without the ledger.
"""
from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..steps import Regex


class ReplyRule(BaseModel):
    """One sign: a header present (``{header: X}``), a header whose value matches (``{header: X, matches: re}``),
    or the text matching (``{text: re}``). Regular expressions are searched, case-insensitively."""

    model_config = ConfigDict(extra="forbid")

    header: str | None = Field(None, description="a header's name, e.g. X-Zammad-Ticket-Owner")
    matches: Regex | None = Field(None, description="a regular expression the header's value must contain")
    text: Regex | None = Field(None, description="a regular expression the answer's text must contain")

    @model_validator(mode="after")
    def _one_sign(self) -> "ReplyRule":
        if (self.header is None) == (self.text is None):
            raise ValueError("give either header: (with matches: if you like) or text:, not both or neither")
        if self.matches is not None and self.header is None:
            raise ValueError("matches: goes with header:")
        return self

    def said(self) -> str:
        """The rule in words, as the report shows it."""
        if self.text is not None:
            return f"text: {self.text!r}"
        return f"header: {self.header}" + (f" matches {self.matches!r}" if self.matches is not None else "")

    def holds(self, headers, text: str) -> bool:
        """True when the sign is there. headers: an email.message.Message (or None for a text message)."""
        if self.text is not None:
            return re.search(self.text, text or "", re.I) is not None
        if headers is None:
            return False
        values = headers.get_all(self.header) or []
        if self.matches is None:
            return bool(values)
        pattern = re.compile(self.matches, re.I)
        return any(pattern.search(str(v)) for v in values)


class ReplyRules(BaseModel):
    """``replies:`` on a target: signs that decide, before the general rules, whether an answer is automatic."""

    model_config = ConfigDict(extra="forbid")

    automatic_when: list[ReplyRule] = Field(default_factory=list, description="any of these signs: automatic")
    person_when: list[ReplyRule] = Field(default_factory=list, description="any of these signs: from a person "
                                                                           "(checked first)")

    def decide(self, headers, text: str) -> tuple[str, str] | None:
        """('human' | 'auto', why) when a rule holds, person_when first; None to leave it to the general rules."""
        for kind, rules, key in (("human", self.person_when, "person_when"),
                                 ("auto", self.automatic_when, "automatic_when")):
            for rule in rules:
                if rule.holds(headers, text):
                    return kind, f"probes.yaml replies: {key} {rule.said()}"
        return None
