"""Awaits: waiting for the company's answer to an earlier contact, against deadlines.

An await step names a contact (an earlier step) and the channel the answer is
expected on, with deadlines for an acknowledgement (any answer, automatic
ones included) and for an answer from a person. The runner writes one await
row per deadline when the step runs; `probes harvest` settles them as answers
come in, and closes those whose deadline passed as *no response*.
"""
from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, model_validator

from .business_time import BusinessCalendar, Deadline, DeadlineField
from .results import Finding
from .steps import STEP_ID, MustMention, Strict

KINDS = ("ack", "human", "promise")   # promise: a follow-up an answer promised (harvest adds it)


class ReplyDeadlines(Strict):
    """Deadlines for the company's answers to a contact."""

    ack_within: DeadlineField | None = Field(None, description="any answer, even an automatic one, e.g. 15m")
    human_within: DeadlineField | None = Field(None, description="an answer from a person, e.g. 1 business day")

    def deadlines(self) -> dict[str, Deadline]:
        """{"ack": Deadline, "human": Deadline} for the deadlines given."""
        return {k: d for k, d in (("ack", self.ack_within), ("human", self.human_within)) if d is not None}


class AwaitStep(ReplyDeadlines):
    """Wait for the answer to an earlier contact."""

    id: str | None = Field(None, description="short name for this step")
    description: str = ""
    stage: str | None = Field(None, min_length=1, max_length=60, description="the journey stage the wait is drawn "
                              "in on the journey map (`probes map`); default: Waiting")
    await_: str = Field(alias="await", description="the id of the earlier step whose contact is answered")
    channel: Literal["email", "sms"] = Field("email", description="the channel the answer is expected on: "
                                                                "email (the prober's mailbox) or sms (its number)")
    must_mention: MustMention = Field(default_factory=list, description="what a real answer mentions (as on "
                                                                        "email steps)")

    model_config = {"extra": "forbid", "populate_by_name": True}

    @model_validator(mode="after")
    def _some_deadline(self) -> "AwaitStep":
        if self.ack_within is None and self.human_within is None:
            raise ValueError("give ack_within, human_within or both")
        if self.id is not None and not STEP_ID.match(self.id):
            raise ValueError("id: use lower-case letters, digits, _ and -, starting with a letter")
        return self

    # The same small surface as channel steps, so loading and the runner treat all steps alike.
    def template_fields(self) -> dict:
        return {}

    def destination(self) -> None:
        return None

    def saved_names(self) -> list[str]:
        return []


def due_at(deadline: Deadline, sent_at: dt.datetime, calendar: BusinessCalendar) -> dt.datetime:
    return deadline.due(sent_at, calendar)


def what_arrived(responses: list[dict], sent_at: dt.datetime | None) -> str:
    """What did come back for a contact whose answer from a person never came, in words: "2 answers arrived
    (+0.2 s, +62.8 s); both were judged automatic (Auto-Submitted: auto-replied; says “do not reply”)".
    Empty when nothing but our own copy (or a bounce, which has its own finding) arrived."""
    autos = [r for r in responses if r.get("kind") == "auto"]
    if not autos:
        return ""

    def after(r: dict) -> str:
        arrived = r.get("arrived_at")
        if sent_at is None or arrived is None:
            return "?"
        if arrived.tzinfo is None:
            arrived = arrived.replace(tzinfo=dt.timezone.utc)
        start = sent_at if sent_at.tzinfo else sent_at.replace(tzinfo=dt.timezone.utc)
        return f"+{max(0.0, (arrived - start).total_seconds()):.1f} s"

    n = len(autos)
    judged = "it was" if n == 1 else "both were" if n == 2 else f"all {n} were"
    said = list(dict.fromkeys(r.get("kind_reason") or "" for r in autos))
    # One reason for all: say it once; else each answer's own, by its time.
    reasons = said[0] if len(said) == 1 else " / ".join(f"{after(r)}: {r.get('kind_reason') or '?'}" for r in autos)
    return (f"{n} answer{'s' if n != 1 else ''} arrived ({', '.join(after(r) for r in autos)}); {judged} judged "
            f"automatic" + (f" ({reasons})" if reasons else "") + ".")


def verdict(kind: str, deadline_text: str, status: str, elapsed_s: float | None,
            arrived: str = "") -> Finding | None:
    """The finding for a settled await, or None when the company met the deadline.

    arrived: what did come back for the contact (``what_arrived``), said in a "no answer from a person" or
    a broken promise, so that an automatic answer shown in the report is not left unexplained."""
    from .durations import format_duration

    if status == "met":
        return None
    if kind == "promise":  # deadline_text is 'promised "within 24 hours"'
        if status == "late":
            return Finding("promise.late", "major", f"A promise came true late: {deadline_text}, answered after "
                           f"{format_duration(elapsed_s)} from the contact",
                           "The company named a time for its follow-up and missed it.")
        return Finding("promise.broken", "major", f"A promise was not kept: {deadline_text}",
                       "The company said when it would follow up; nothing from a person came by then."
                       + (f" {arrived}" if arrived else ""))
    what = "an acknowledgement" if kind == "ack" else "an answer from a person"
    if status == "late":
        return Finding(f"reply.late_{kind}", "major", f"{what[0].upper() + what[1:]} came late: after "
                       f"{format_duration(elapsed_s)}, promised within {deadline_text}",
                       "The customer waited longer than the deadline for this contact.")
    return Finding(f"reply.no_{kind}", "major" if kind == "ack" else "critical",
                   f"No {what[3:] if what.startswith('an ') else what} within {deadline_text}",
                   ((f"No answer from a person came back before the deadline. {arrived}" if arrived else
                     "Nothing came back before the deadline: to the customer the message went unanswered.")
                    if kind == "human" else "Nobody confirmed that the message arrived."))
