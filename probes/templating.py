"""``{persona.name}``-style placeholders in step values.

Deliberately tiny: only dotted names in braces are replaced, ``{{`` and ``}}``
give literal braces, and anything else (regex quantifiers like ``\\d{4}``) is
left alone so users need not escape it.
"""
from __future__ import annotations

import re
from typing import Any

REFERENCE = re.compile(r"\{\{|\}\}|\{([a-z_][a-z0-9_]*(?:\.[A-Za-z0-9_-]+)*)\}")


class TemplateError(ValueError):
    pass


def references(text: str) -> list[str]:
    """Every ``{name.path}`` used in text."""
    return [m.group(1) for m in REFERENCE.finditer(text) if m.group(1)]


def render(text: str, values: dict[str, Any]) -> str:
    """Replace references by values (nested dicts addressed with dots)."""

    def sub(m: re.Match) -> str:
        whole = m.group(0)
        if whole == "{{":
            return "{"
        if whole == "}}":
            return "}"
        cur: Any = values
        for part in m.group(1).split("."):
            if isinstance(cur, dict) and part in cur:
                cur = cur[part]
            else:
                raise TemplateError(f"unknown reference {{{m.group(1)}}}")
        if isinstance(cur, dict):
            raise TemplateError(f"{{{m.group(1)}}} is a group of values, not a value")
        return "" if cur is None else str(cur)

    return REFERENCE.sub(sub, text)
