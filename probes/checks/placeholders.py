"""Unreplaced template placeholders: "Dear [name]", "Hi {{first_name}}", "%FIRSTNAME%".

A customer who reads one knows at once they got a form letter that broke.
The patterns aim at placeholder *shapes* (a name-like word inside template
delimiters), so prices in brackets, footnote marks and code are left alone.
"""
from __future__ import annotations

import re

from ..results import Finding

# Words that template fields are named after.
_FIELD = (r"(?:customer|client|user|contact|recipient|first|last|full|given|sur|nick|account|company|order|"
          r"ticket|case|agent|advisor|adviser|phone|email|e-mail|mobile|date|time|address|title|salutation|"
          r"f?name|fname|lname|firstname|lastname|username|number|ref|reference)[ _-]?(?:name|number|no|id|"
          r"ref|address|date)?")

PATTERNS = [
    ("double curly braces", re.compile(r"\{\{\s*[\w.\- ]{1,40}\s*\}\}")),
    ("mail-merge tag", re.compile(r"\*\|[A-Z0-9_]{2,30}\|\*")),
    ("dollar variable", re.compile(r"\$\{?(?:first_?name|last_?name|name|customer_?name|fname)\}?", re.I)),
    ("percent signs", re.compile(r"%[A-Za-z][A-Za-z0-9_]{1,30}%")),
    ("square brackets", re.compile(r"\[\[?\s*" + _FIELD + r"\s*\]\]?", re.I)),
    ("angle brackets", re.compile(r"<\s*" + r"(?:customer|client|first|last|full|recipient|contact|user)"
                                  r"[ _-]?(?:name|number)?\s*>", re.I)),
    ("curly braces", re.compile(r"(?<!\{)\{\s*" + _FIELD + r"\s*\}(?!\})", re.I)),
]


def check(text: str, ctx=None) -> list[Finding]:
    """One finding per distinct placeholder found in the text."""
    found: list[tuple[int, Finding]] = []
    seen: set[str] = set()
    spans: list[tuple[int, int]] = []
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(text):
            token = m.group(0)
            # One finding per placeholder: skip repeats and matches inside an earlier one.
            if token in seen or any(m.start() < hi and lo < m.end() for lo, hi in spans):
                continue
            seen.add(token)
            spans.append(m.span())
            found.append((m.start(), Finding(
                "placeholder", "major", f"Unreplaced placeholder {token}",
                f"The customer sees template text ({kind}) where their details should be: "
                "the message looks careless and impersonal.",
                _line_around(text, m.start(), m.end()))))
    return [f for _, f in sorted(found, key=lambda pair: pair[0])]  # in reading order


def _line_around(text: str, start: int, end: int) -> str:
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    return text[lo: hi if hi != -1 else len(text)].strip()[:300]
