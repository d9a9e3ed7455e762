"""Canned replies: a person's answer that is a near-copy of answers to other questions.

A customer who asks something specific and gets the same form letter as everyone else was not
answered. Harvest calls this for every answer from a person (automatic acknowledgements are form
letters by design). It compares the company's own text (not the customer's quoted message, not the
signature), with names, numbers, addresses and tokens blanked, against the last ``LOOKBACK`` answers
from people at the same target, across contacts and across runs of the ledger: the answers pipeline
hands it their fingerprints (kept in the ledger, one per answer, written when the answer is recorded). Word-shingle Jaccard
similarity of at least ``SIMILAR`` to answers given to *different* questions (another scenario file,
or another step of it) is a finding. The same answer to the same question asked again is fine.

Unlike the checks in ``CHECKS`` it needs more than the reply (the earlier answers), so the pipeline
runs it (``answers.judge``); it is still a pure function of what it is handed. Tuning id ``canned``.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from types import SimpleNamespace

from ..results import Finding
from ._text import OWN, fold, persona_words, read

CHECK = "canned"
SIMILAR = 0.85        # word-shingle Jaccard at or above which two answers are the same text
SHINGLE_WORDS = 3
MIN_WORDS = 8         # "Yes, that's fine." to two questions is not a form letter
LOOKBACK = 500        # answers compared, newest first: bounds the cost per harvested answer

_TOKEN_WORD = re.compile(r"\b[a-km-z2-9]{10}\b")  # shape of ledger.new_token() (as answers.match.TOKEN_WORD)
_GREETING_NAME = re.compile(r"^(dear|hi|hello|hey)\b[^\n,]*", re.M)


def own_text(body: str, persona: dict | None = None, token: str = "") -> list[str]:
    """The lines the company wrote: not the customer's quoted message, not the signature."""
    ctx = SimpleNamespace(persona=persona or {}, token=token)
    return [ln.text for ln in read(body or "", ctx) if ln.kind == OWN and not ln.signature and ln.text.strip()]


def blank(lines: list[str], persona: dict | None = None) -> list[str]:
    """Words of the text with what differs per customer blanked, the way answers.match.template_hash does,
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


def fingerprint(body: str, persona: dict | None = None, token: str = "") -> list[int]:
    """What is kept of an answer to compare later ones with: a 64-bit hash of each shingle of its own
    text, blanked, sorted (hashing keeps it small; two shingles colliding is negligible)."""
    return _hashes(_own_words(body, persona, token)[1])


_LAST: list = [None]   # ((body, persona, token), what _own_words gave) of the last answer read


def _own_words(body: str, persona: dict | None, token: str) -> tuple[list[str], list[str]]:
    """own_text and blank of an answer; the pipeline asks for the same answer's twice in a row (its
    fingerprint is kept, then the check compares it), so the last one is remembered."""
    key = (body, repr(persona), token)
    last = _LAST[0]   # one reference, read once: another thread may replace it meanwhile
    if last is None or last[0] != key:
        lines = own_text(body, persona, token)
        last = _LAST[0] = (key, (lines, blank(lines, persona)))
    return last[1]


def _hashes(words: list[str]) -> list[int]:
    return sorted({int.from_bytes(hashlib.blake2b("\x1f".join(s).encode(), digest_size=8).digest(), "big")
                   for s in shingles(words)})


@dataclass(frozen=True)
class Earlier:
    """An earlier answer from a person at the same target, as its fingerprint row keeps it."""

    fingerprint: frozenset[int]
    run_id: str
    journey: str        # the journey's name
    question: str       # the scenario file it came from (the journey's name when there is none)
    step_key: str


@dataclass(frozen=True)
class Asked:
    """The question this answer answers."""

    run_id: str
    journey: str
    question: str
    step_key: str


def similarity(a: frozenset, b: frozenset) -> float:
    """Jaccard similarity of two shingle sets (0 when either is empty)."""
    if not (a and b):
        return 0.0
    both = len(a & b)
    return both / (len(a) + len(b) - both)   # |a | b|, without building the union


def check(body: str, ctx, asked: Asked, earlier: list[Earlier]) -> list[Finding]:
    """Findings for one answer from a person (see the module docstring).

    ctx: the CheckContext (persona and token blank the customer's own words); asked: the question it
    answers; earlier: the last LOOKBACK answers from people at the target, newest first, this contact's
    own left out."""
    lines, words = _own_words(body, ctx.persona, ctx.token or "")
    if len(words) < MIN_WORDS:
        return []
    mine = frozenset(_hashes(words))
    # Sizes first: two sets whose sizes differ by more than SIMILAR allows cannot be that similar.
    low, high = len(mine) * SIMILAR - 1e-9, len(mine) / SIMILAR + 1e-9
    same = [row for row in earlier
            if low <= len(row.fingerprint) <= high and similarity(mine, row.fingerprint) >= SIMILAR]
    runs = {row.run_id for row in same}
    # Which other questions got this text; the same question asked again may well get the same answer.
    others: dict[tuple, str] = {}
    for row in same:
        key = (row.question, row.step_key)
        if key != (asked.question, asked.step_key):
            others.setdefault(key, f"“{row.journey}” (step {row.step_key})")
    if not others:
        return []
    n, seen, n_runs = len(others), len(same) + 1, len(runs | {asked.run_id})
    first = next((ln.strip() for ln in lines if len(ln.split()) >= 4), lines[0].strip())
    return [Finding(
        CHECK, "minor", f"The same reply was sent to {n} other question{'s' if n != 1 else ''}",
        f"A person answered “{asked.journey}” (step {asked.step_key}) with text seen {seen} times in the last "
        f"{len(earlier) + 1} answers from people at this company ({n_runs} run{'s' if n_runs != 1 else ''}), "
        f"also in answer to: {', '.join(sorted(others.values()))}. A customer who asked something specific "
        "got a form letter.",
        first[:300])]
