"""Canned replies: a person's answer that is a near-copy of answers to other questions.

A customer who asks something specific and gets the same form letter as everyone else was not
answered. Harvest calls this for every answer from a person (automatic acknowledgements are form
letters by design). It compares the company's own text (not the customer's quoted message, not the
signature), with names, numbers, addresses and tokens blanked, against the last ``LOOKBACK`` answers
from people at the same target, across contacts and across runs of the ledger. Word-shingle Jaccard
similarity of at least ``SIMILAR`` to answers given to *different* questions (another scenario file,
or another step of it) is a finding. The same answer to the same question asked again is fine.

Unlike the checks in ``CHECKS`` this one reads the ledger, so it is not a pure text check; tuning id
``canned``.
"""
from __future__ import annotations

import re
from types import SimpleNamespace

import sqlalchemy as sa

from ..results import Finding
from ._text import OWN, fold, persona_words, read

CHECK = "canned"
SIMILAR = 0.85        # word-shingle Jaccard at or above which two answers are the same text
SHINGLE_WORDS = 3
MIN_WORDS = 8         # "Yes, that's fine." to two questions is not a form letter
LOOKBACK = 500        # answers compared, newest first: bounds the cost per harvested answer

_TOKEN_WORD = re.compile(r"\b[a-km-z2-9]{10}\b")  # shape of ledger.new_token() (as harvest.TOKEN_WORD)
_GREETING_NAME = re.compile(r"^(dear|hi|hello|hey)\b[^\n,]*", re.M)


def own_text(body: str, persona: dict | None = None, token: str = "") -> list[str]:
    """The lines the company wrote: not the customer's quoted message, not the signature."""
    ctx = SimpleNamespace(persona=persona or {}, token=token)
    return [ln.text for ln in read(body or "", ctx) if ln.kind == OWN and not ln.signature and ln.text.strip()]


def blank(lines: list[str], persona: dict | None = None) -> list[str]:
    """Words of the text with what differs per customer blanked, the way harvest.template_hash does,
    plus the customer's own name wherever it appears."""
    text = fold("\n".join(lines))
    text = _TOKEN_WORD.sub("#", text)
    text = re.sub(r"\S+@\S+", "@", text)
    text = re.sub(r"\d+", "0", text)
    text = _GREETING_NAME.sub(r"\1", text)
    names = persona_words(persona or {})
    return ["~" if w in names else w for w in re.findall(r"[\w'#@~-]+", text)]


def shingles(words: list[str]) -> frozenset[tuple[str, ...]]:
    if len(words) < SHINGLE_WORDS:
        return frozenset([tuple(words)]) if words else frozenset()
    return frozenset(tuple(words[i:i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1))


def similarity(a: frozenset, b: frozenset) -> float:
    """Jaccard similarity of two shingle sets (0 when either is empty)."""
    return len(a & b) / len(a | b) if a and b else 0.0


def check(ledger, contact: dict, body: str, *, response_id: int | None = None) -> list[Finding]:
    """Findings for one answer from a person to this contact (see the module docstring).

    response_id: the answer's own row in the ledger, left out of the comparison."""
    from ..ledger import contacts, journeys, responses, steps

    with ledger.engine.connect() as conn:
        me = conn.execute(sa.select(journeys.c.target, journeys.c.name, journeys.c.file, journeys.c.persona,
                                    steps.c.step_key)
                          .select_from(contacts.join(journeys, contacts.c.journey_id == journeys.c.id)
                                       .join(steps, contacts.c.step_id == steps.c.id))
                          .where(contacts.c.id == contact["id"])).one_or_none()
        if me is None:
            return []
        stmt = (sa.select(responses.c.id, responses.c.body_text, contacts.c.token, contacts.c.run_id,
                          journeys.c.name, journeys.c.file, journeys.c.persona, steps.c.step_key)
                .select_from(responses.join(contacts, responses.c.contact_id == contacts.c.id)
                             .join(journeys, contacts.c.journey_id == journeys.c.id)
                             .join(steps, contacts.c.step_id == steps.c.id))
                .where(responses.c.kind == "human", journeys.c.target == me.target,
                       responses.c.contact_id != contact["id"])
                .order_by(responses.c.arrived_at.desc(), responses.c.id.desc()).limit(LOOKBACK))
        if response_id is not None:
            stmt = stmt.where(responses.c.id != response_id)
        earlier = conn.execute(stmt).all()

    lines = own_text(body, me.persona, contact.get("token") or "")
    words = blank(lines, me.persona)
    if len(words) < MIN_WORDS:
        return []
    mine = shingles(words)
    question = (me.file or me.name, me.step_key)
    same, runs = [], set()
    for row in earlier:
        theirs = shingles(blank(own_text(row.body_text or "", row.persona, row.token), row.persona))
        if similarity(mine, theirs) >= SIMILAR:
            same.append(row)
            runs.add(row.run_id)
    # Which other questions got this text; the same question asked again may well get the same answer.
    others: dict[tuple, str] = {}
    for row in same:
        key = (row.file or row.name, row.step_key)
        if key != question:
            others.setdefault(key, f"“{row.name}” (step {row.step_key})")
    if not others:
        return []
    n, seen, n_runs = len(others), len(same) + 1, len(runs | {contact["run_id"]})
    first = next((ln.strip() for ln in lines if len(ln.split()) >= 4), lines[0].strip())
    return [Finding(
        CHECK, "minor", f"The same reply was sent to {n} other question{'s' if n != 1 else ''}",
        f"A person answered “{me.name}” (step {me.step_key}) with text seen {seen} times in the last "
        f"{len(earlier) + 1} answers from people at this company ({n_runs} run{'s' if n_runs != 1 else ''}), "
        f"also in answer to: {', '.join(sorted(others.values()))}. A customer who asked something specific "
        "got a form letter.",
        first[:300])]
