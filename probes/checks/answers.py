"""The answer does not answer: a reply from a person that leaves out what the question asked.

A scenario's question lists what a real answer must mention (``must_mention``):
each point is words (all of them, in any order, case-insensitive), a
``/regular expression/``, or a list of those meaning "any of these". A
person's answer that covers only some points is a finding that names the
points covered and those missed; one that covers them all is noted as such
(info), so the report shows coverage either way. Automatic acknowledgements
are not judged: they do not pretend to answer.
"""
from __future__ import annotations

import re

from ..results import Finding
from ._text import OWN, FOREIGN, prose_lines

CHECK = "answer"


def _words(text: str) -> list[str]:
    return re.findall(r"[\w'-]+", text.lower())


def covers(point, text: str) -> bool:
    """Does the text mention this point (words, /regex/, or a list meaning any of them)?"""
    if isinstance(point, (list, tuple)):
        return any(covers(p, text) for p in point)
    point = str(point)
    if len(point) > 2 and point.startswith("/") and point.endswith("/"):
        return re.search(point[1:-1], text, re.I) is not None
    have = set(_words(text))
    return all(w in have for w in _words(point))


def describe(point) -> str:
    if isinstance(point, (list, tuple)):
        return " or ".join(describe(p) for p in point)
    return f"\u201c{point}\u201d"


def check(text: str, ctx) -> list[Finding]:
    points = getattr(ctx, "must_mention", None) or []
    if not points or getattr(ctx, "reply_kind", "human") != "human":
        return []
    # What the company wrote (a colleague's forwarded answer counts); the customer's quoted question does not.
    own = "\n".join(line.text for line in prose_lines(text, ctx, kinds=(OWN, FOREIGN)))
    covered = [p for p in points if covers(p, own)]
    missed = [p for p in points if p not in covered]
    summary = (f"Covered: {', '.join(describe(p) for p in covered) or 'nothing'}. "
               f"Missed: {', '.join(describe(p) for p in missed) or 'nothing'}.")
    if missed:
        return [Finding(f"{CHECK}.incomplete", "major",
                        f"The answer covers {len(covered)} of the {len(points)} points the question asked",
                        "A real answer mentions each of them; the customer has to ask again. " + summary,
                        ", ".join(describe(p) for p in missed))]
    return [Finding(f"{CHECK}.complete", "info", f"The answer covers all {len(points)} points the question asked",
                    summary)]
