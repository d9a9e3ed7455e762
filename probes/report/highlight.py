"""Findings marked inside the text the customer read: an answer, a conversation, a confirmation page.

``mark_text`` escapes the text and wraps every occurrence of a finding's snippets in
``<mark class="finding-mark sev-…" title="check: title">``. Where findings overlap, the text is
cut at every boundary and each piece is marked once, with the most severe of the findings that
cover it, so marks never nest and the HTML stays well formed whatever the text holds.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from markupsafe import Markup, escape

from ..results import SEVERITIES

_RANK = {s: i for i, s in enumerate(SEVERITIES)}
# Checks cut a line's snippet here (checks/_text.py: snippet()); a snippet this long may be a line's start.
SNIPPET_CHARS = 300


@dataclass
class Marked:
    """A text with its marks: ``html`` to put in the page; ``anchors``: finding index -> id of its first mark."""

    html: Markup
    anchors: dict[int, str] = field(default_factory=dict)


def spans(text: str, snippet: str) -> list[tuple[int, int]]:
    """Where ``snippet`` occurs in ``text``: verbatim, else with any run of whitespace standing for any other.

    A snippet that is a line of the text (checks strip lines and cut them at 300 characters) covers the
    whole line.
    """
    s = (snippet or "").strip()
    if not s:
        return []
    found = [(m.start(), m.end()) for m in re.finditer(re.escape(s), text)]
    if not found:
        found = [(m.start(), m.end()) for m in re.finditer(r"\s+".join(map(re.escape, s.split())), text)]
    out = []
    for lo, hi in found:
        line_start = text.rfind("\n", 0, lo) + 1
        line_end = text.find("\n", hi)
        line_end = len(text) if line_end == -1 else line_end
        # A line cut short by the check: mark the line to its end.
        if len(s) >= SNIPPET_CHARS and not text[line_start:lo].strip():
            hi = line_start + len(text[line_start:line_end].rstrip())
        out.append((lo, hi))
    return out


def is_whole_line(text: str, lo: int, hi: int) -> bool:
    """Whether text[lo:hi] is all of its line but the surrounding blanks."""
    start = text.rfind("\n", 0, lo) + 1
    end = text.find("\n", hi)
    end = len(text) if end == -1 else end
    return not text[start:lo].strip() and not text[hi:end].strip()


def mark_text(text: str, findings: list[dict], id_prefix: str) -> Marked:
    """``text`` escaped, each finding's snippet wrapped in a ``<mark>`` (ids ``{id_prefix}-m1``, ``-m2`` …)."""
    # A merged finding (one check, several places of one message) marks every one of its snippets.
    covers = [(lo, hi, i) for i, f in enumerate(findings)
              for snip in dict.fromkeys(f.get("snippets") or [f.get("snippet") or ""]) for lo, hi in spans(text, snip)]
    if not covers:
        return Marked(Markup(escape(text)))
    bounds = sorted({0, len(text), *(lo for lo, _, _ in covers), *(hi for _, hi, _ in covers)})
    pieces: list[tuple[int, int, tuple[int, ...]]] = []
    for a, b in pairwise(bounds):
        inside = tuple(sorted({i for lo, hi, i in covers if lo <= a and b <= hi}))
        if pieces and pieces[-1][2] == inside and pieces[-1][1] == a:
            pieces[-1] = (pieces[-1][0], b, inside)   # the same findings go on: one mark
        else:
            pieces.append((a, b, inside))
    html: list[str] = []
    anchors: dict = {}
    n = 0
    for a, b, inside in pieces:
        if not inside:
            html.append(escape(text[a:b]))
            continue
        n += 1
        mark_id = f"{id_prefix}-m{n}"
        for i in inside:
            anchors.setdefault(i, mark_id)
        ordered = sorted(inside, key=lambda i: _RANK.get(findings[i]["severity"], len(_RANK)))
        severity = findings[ordered[0]]["severity"]
        # One line per distinct finding: the same check on two answers says the same thing once.
        title = "\n".join(dict.fromkeys(f"{findings[i]['check']}: {findings[i]['title']}" for i in ordered))
        line = " finding-line" if is_whole_line(text, a, b) else ""
        html.append(Markup('<mark class="finding-mark sev-{}{}" id="{}" title="{}">{}</mark>').format(
            severity, line, mark_id, title, text[a:b]))
    return Marked(Markup("").join(html), anchors)
